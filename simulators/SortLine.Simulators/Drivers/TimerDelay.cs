using System.Threading.Tasks.Sources;

namespace SortLine.Simulators.Drivers;

/// <summary>
/// Waits until a timestamp of a <see cref="TimeProvider"/> with one reusable timer and one reusable value-task source,
/// so pacing a sensor allocates nothing per sample (a <see cref="Task.Delay(TimeSpan, TimeProvider, CancellationToken)"/>
/// per sample allocates a task and a timer). One waiter at a time.
/// </summary>
/// <remarks>
/// A wait completes when the provider's clock has reached the due timestamp: a timer that fires early (rounding of the
/// provider's tick units, coarse system timers) is re-armed for the rest. Cancelling the run's token ends a pending
/// wait with <see cref="OperationCanceledException"/>.
/// </remarks>
internal sealed class TimerDelay : IValueTaskSource, IDisposable
{
    private readonly TimeProvider _time;
    private ITimer? _timer;
    private ManualResetValueTaskSourceCore<bool> _core = new() { RunContinuationsAsynchronously = true };
    private CancellationTokenRegistration _registration;
    private CancellationToken _token;
    private long _due;
    private int _armed;

    /// <summary>Creates the delay on a clock.</summary>
    public TimerDelay(TimeProvider time) => _time = time;

    /// <summary>Starts a run: cancelling <paramref name="cancellationToken"/> ends a pending wait with <see cref="OperationCanceledException"/>.</summary>
    public void BeginRun(CancellationToken cancellationToken)
    {
        _token = cancellationToken;
        _registration = cancellationToken.UnsafeRegister(static s => ((TimerDelay)s!).Cancel(), this);
    }

    /// <summary>Ends a run: stops the timer and drops the cancellation registration.</summary>
    public void EndRun()
    {
        _registration.Dispose();
        _timer?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        Interlocked.Exchange(ref _armed, 0);
    }

    /// <summary>Completes when the provider's clock reaches <paramref name="dueTimestamp"/> (ticks of its timestamp);
    /// already complete when that time has come.</summary>
    /// <exception cref="OperationCanceledException">The run's token is cancelled.</exception>
    public ValueTask DelayUntilAsync(long dueTimestamp)
    {
        long now = _time.GetTimestamp();
        if (now >= dueTimestamp)
        {
            return default;
        }

        _token.ThrowIfCancellationRequested();
        _timer ??= _time.CreateTimer(static s => ((TimerDelay)s!).Fire(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _core.Reset();
        _due = dueTimestamp;
        Volatile.Write(ref _armed, 1);
        Arm(now);
        return new ValueTask(this, _core.Version);
    }

    /// <inheritdoc/>
    public void GetResult(short token) => _core.GetResult(token);

    /// <inheritdoc/>
    public ValueTaskSourceStatus GetStatus(short token) => _core.GetStatus(token);

    /// <inheritdoc/>
    public void OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _core.OnCompleted(continuation, state, token, flags);

    /// <inheritdoc/>
    public void Dispose()
    {
        _registration.Dispose();
        _timer?.Dispose();
    }

    private void Arm(long now)
    {
        long ticks = (long)Math.Ceiling((_due - now) * (double)TimeSpan.TicksPerSecond / _time.TimestampFrequency);
        _timer!.Change(TimeSpan.FromTicks(Math.Max(1, ticks)), Timeout.InfiniteTimeSpan);
    }

    private void Fire()
    {
        long now = _time.GetTimestamp();
        if (now < Volatile.Read(ref _due) && Volatile.Read(ref _armed) == 1)
        {
            Arm(now);
            return;
        }

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
