using SortLine.Pipeline.Scheduling;
using SortLine.Pipeline.Sinks;

namespace SortLine.Pipeline.Tests.Stages;

/// <summary>Collects commands; signals when it holds <see cref="Expected"/> of them.</summary>
public sealed class CollectingSink(string name, int expected = int.MaxValue) : IDecisionSink
{
    private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Name { get; } = name;

    public int Expected { get; } = expected;

    public List<EjectionCommand> Commands { get; } = [];

    public bool Completed { get; private set; }

    public Task Reached => _reached.Task;

    /// <summary>Released once per command written.</summary>
    public SemaphoreSlim Written { get; } = new(0);

    public ValueTask WriteAsync(EjectionCommand command, CancellationToken cancellationToken)
    {
        Commands.Add(command);
        Written.Release();
        if (Commands.Count >= Expected)
        {
            _reached.TrySetResult();
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask CompleteAsync(CancellationToken cancellationToken)
    {
        Completed = true;
        return ValueTask.CompletedTask;
    }
}

/// <summary>Blocks in its first write until released (a stuck PLC link).</summary>
public sealed class BlockingSink(string name) : IDecisionSink
{
    private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Name { get; } = name;

    public List<EjectionCommand> Commands { get; } = [];

    public Task Entered => _entered.Task;

    public void Release() => _gate.TrySetResult();

    public async ValueTask WriteAsync(EjectionCommand command, CancellationToken cancellationToken)
    {
        _entered.TrySetResult();
        await _gate.Task.WaitAsync(cancellationToken);
        Commands.Add(command);
    }

    public ValueTask CompleteAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;
}

/// <summary>Throws on every write.</summary>
public sealed class ThrowingSink(string name) : IDecisionSink
{
    public string Name { get; } = name;

    public ValueTask WriteAsync(EjectionCommand command, CancellationToken cancellationToken) => throw new IOException("link down");

    public ValueTask CompleteAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
