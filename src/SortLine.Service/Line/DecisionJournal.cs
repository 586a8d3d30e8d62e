using SortLine.Pipeline.Particles;
using SortLine.Pipeline.Scheduling;

namespace SortLine.Service.Line;

/// <summary>
/// The most recent particle decisions and ejection commands of this process (bounded rings), with totals: what the
/// operator's tools and the integration tests inspect. Thread-safe.
/// </summary>
internal sealed class DecisionJournal
{
    private const int Capacity = 65_536;
    private readonly Lock _gate = new();
    private readonly Queue<ParticleDecision> _decisions = new();
    private readonly Queue<EjectionCommand> _commands = new();
    private long _decisionCount;
    private long _commandCount;

    /// <summary>Raised (on the pipeline's thread; keep it short) after a decision is recorded.</summary>
    public event Action<long>? DecisionRecorded;

    /// <summary>Gets the total decisions recorded.</summary>
    public long DecisionCount => Interlocked.Read(ref _decisionCount);

    /// <summary>Gets the total commands recorded.</summary>
    public long CommandCount => Interlocked.Read(ref _commandCount);

    /// <summary>Records a decision.</summary>
    public void Record(in ParticleDecision decision)
    {
        long count;
        lock (_gate)
        {
            if (_decisions.Count == Capacity)
            {
                _decisions.Dequeue();
            }

            _decisions.Enqueue(decision);
            count = ++_decisionCount;
        }

        DecisionRecorded?.Invoke(count);
    }

    /// <summary>Records a command.</summary>
    public void Record(in EjectionCommand command)
    {
        lock (_gate)
        {
            if (_commands.Count == Capacity)
            {
                _commands.Dequeue();
            }

            _commands.Enqueue(command);
            _commandCount++;
        }
    }

    /// <summary>Returns a copy of the recent decisions, oldest first.</summary>
    public IReadOnlyList<ParticleDecision> Decisions()
    {
        lock (_gate)
        {
            return [.. _decisions];
        }
    }

    /// <summary>Returns a copy of the recent commands, oldest first.</summary>
    public IReadOnlyList<EjectionCommand> Commands()
    {
        lock (_gate)
        {
            return [.. _commands];
        }
    }
}
