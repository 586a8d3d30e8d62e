using System.Threading.Tasks.Sources;

namespace SortLine.Simulators.Recording.Replay;

/// <summary>
/// Waits until a timestamp of a <see cref="TimeProvider"/> with one reusable timer and one reusable value-task
/// source, so pacing allocates nothing per sample. One waiter at a time.
/// </summary>
internal sealed class ReplayPacer : IValueTaskSource, IDisposable
{
    private readonly TimeProvider _time;
    private ITimer? _timer;
    private ManualResetValueTaskSourceCore<bool> _core = new() { RunContinuationsAsynchronously = true };
    private CancellationTokenRegistration _registration;
    private CancellationToken _token;
    private int _armed;

    public ReplayPacer(TimeProvider time) => _time = time;

    /// <summary>Starts a run: cancelling <paramref name="cancellationToken"/> ends a pending wait with <see cref="OperationCanceledException"/>.</summary>
    public void BeginRun(CancellationToken cancellationToken)
    {
        _token = cancellationToken;
        _registration = cancellationToken.UnsafeRegister(static s => ((ReplayPacer)s!).Cancel(), this);
    }

    /// <summary>Ends a run: stops the timer and drops the cancellation registration.</summary>
    public void EndRun()
    {
        _registration.Dispose();
        _timer?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        Interlocked.Exchange(ref _armed, 0);
    }

    /// <summary>Completes at or after <paramref name="dueTimestamp"/> (ticks of the provider's timestamp); already
    /// complete when that time has come. The caller loops until the provider's clock has reached it.</summary>
    public ValueTask DelayUntilAsync(long dueTimestamp)
    {
        long now = _time.GetTimestamp();
        if (now >= dueTimestamp)
        {
            return default;
        }

        _token.ThrowIfCancellationRequested();
        _timer ??= _time.CreateTimer(static s => ((ReplayPacer)s!).Fire(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        long ticks = (long)Math.Ceiling((dueTimestamp - now) * (double)TimeSpan.TicksPerSecond / _time.TimestampFrequency);
        _core.Reset();
        Volatile.Write(ref _armed, 1);
        _timer.Change(TimeSpan.FromTicks(Math.Max(1, ticks)), Timeout.InfiniteTimeSpan);
        return new ValueTask(this, _core.Version);
    }

    public void GetResult(short token) => _core.GetResult(token);

    public ValueTaskSourceStatus GetStatus(short token) => _core.GetStatus(token);

    public void OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _core.OnCompleted(continuation, state, token, flags);

    public void Dispose()
    {
        _registration.Dispose();
        _timer?.Dispose();
    }

    private void Fire()
    {
        if (Interlocked.Exchange(ref _armed, 0) == 1)
        {
            _core.SetResult(true);
        }
    }

    private void Cancel()
    {
        if (Interlocked.Exchange(ref _armed, 0) == 1)
        {
            _core.SetException(new OperationCanceledException(_token));
        }
    }
}
