using System.Runtime.CompilerServices;
using System.Threading.Channels;
using System.Threading.Tasks.Sources;

namespace SortLine.Pipeline.Stages;

/// <summary>How a <see cref="ChannelReadWaiter{T}"/> wait ended.</summary>
public enum ChannelWaitResult
{
    /// <summary>Items can be read (or were, by the time the caller looks: try to read and wait again if none).</summary>
    Ready,

    /// <summary>The channel is completed without error and drained.</summary>
    Completed,

    /// <summary>The timeout passed first (a timed wait may also end so a little early; the caller checks its clock).</summary>
    TimedOut,
}

/// <summary>
/// Waits for a channel reader's items, honouring a cancellation token and an optional timeout, without allocating per
/// wait: the one consumer of a stage's input reuses it for every wait.
/// </summary>
/// <remarks>
/// <para>Why: <see cref="ChannelReader{T}.WaitToReadAsync"/> with a cancellable token allocates a new waiter on every call
/// that has to wait (the channel can reuse its single waiter only for a token that cannot be cancelled), and a stage
/// that keeps up with its input waits once per item. Here the channel wait takes no token; the token is registered once
/// and the timeout is one reusable timer, and whichever of the three comes first completes this waiter's reusable value
/// task source.</para>
/// <para>Errors: a channel completed with an error throws it from the wait, as <see cref="ChannelReader{T}.WaitToReadAsync"/>
/// does; a cancelled token throws <see cref="OperationCanceledException"/>. Not thread-safe: one caller waits at a time
/// (the signals may come from any thread).</para>
/// </remarks>
/// <typeparam name="T">The channel's item type.</typeparam>
public sealed class ChannelReadWaiter<T> : IValueTaskSource<ChannelWaitResult>, IDisposable
{
    private const int Idle = 0;
    private const int Waiting = 1;

    private readonly ChannelReader<T> _reader;
    private readonly CancellationToken _cancellationToken;
    private readonly TimeProvider? _time;
    private readonly Action _onChannelSignal;
    private readonly CancellationTokenRegistration _registration;
    private ManualResetValueTaskSourceCore<ChannelWaitResult> _core;
    private ITimer? _timer;
    private ConfiguredValueTaskAwaitable<bool>.ConfiguredValueTaskAwaiter _channelWait;
    private volatile bool _channelWaitPending;
    private volatile bool _timed;
    private int _state;

    /// <summary>Creates a waiter for one consumer of <paramref name="reader"/>.</summary>
    /// <param name="reader">The channel to wait on.</param>
    /// <param name="cancellationToken">Ends every wait with <see cref="OperationCanceledException"/> once cancelled.</param>
    /// <param name="time">The time source of timed waits, or null when only untimed waits are used.</param>
    /// <exception cref="ArgumentNullException"><paramref name="reader"/> is null.</exception>
    public ChannelReadWaiter(ChannelReader<T> reader, CancellationToken cancellationToken, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        _reader = reader;
        _cancellationToken = cancellationToken;
        _time = time;
        _onChannelSignal = OnChannelSignal;

        // The stage continues on the thread that signals (no extra hop, no allocation); the channel and the timer signal
        // from the thread pool, and a cancellation runs the stage's short exit path on the cancelling thread.
        _core.RunContinuationsAsynchronously = false;
        _registration = cancellationToken.UnsafeRegister(static state => ((ChannelReadWaiter<T>)state!).OnCancelled(), this);
    }

    /// <summary>Waits until items can be read or the channel completes.</summary>
    /// <returns><see cref="ChannelWaitResult.Ready"/> or <see cref="ChannelWaitResult.Completed"/>.</returns>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    /// <exception cref="Exception">The channel was completed with this error.</exception>
    public ValueTask<ChannelWaitResult> WaitAsync() => WaitCore(Timeout.InfiniteTimeSpan);

    /// <summary>Waits until items can be read, the channel completes, or <paramref name="timeout"/> passes.</summary>
    /// <param name="timeout">The longest wait (≥ 0), or <see cref="Timeout.InfiniteTimeSpan"/>.</param>
    /// <returns>How the wait ended.</returns>
    /// <exception cref="InvalidOperationException">The waiter has no time source.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    /// <exception cref="Exception">The channel was completed with this error.</exception>
    public ValueTask<ChannelWaitResult> WaitAsync(TimeSpan timeout)
    {
        if (timeout != Timeout.InfiniteTimeSpan && _time is null)
        {
            throw new InvalidOperationException("A timed wait needs the waiter's time source.");
        }

        return WaitCore(timeout < TimeSpan.Zero && timeout != Timeout.InfiniteTimeSpan ? TimeSpan.Zero : timeout);
    }

    /// <summary>Unregisters the token and releases the timer.</summary>
    public void Dispose()
    {
        _registration.Dispose();
        _timer?.Dispose();
    }

    /// <inheritdoc/>
    ChannelWaitResult IValueTaskSource<ChannelWaitResult>.GetResult(short token) => _core.GetResult(token);

    /// <inheritdoc/>
    ValueTaskSourceStatus IValueTaskSource<ChannelWaitResult>.GetStatus(short token) => _core.GetStatus(token);

    /// <inheritdoc/>
    void IValueTaskSource<ChannelWaitResult>.OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _core.OnCompleted(continuation, state, token, flags);

    private ValueTask<ChannelWaitResult> WaitCore(TimeSpan timeout)
    {
        while (true)
        {
            if (_cancellationToken.IsCancellationRequested)
            {
                return ValueTask.FromCanceled<ChannelWaitResult>(_cancellationToken);
            }

            // Set before this wait can be signalled: a timer armed by an earlier timed wait may still fire, and it may end
            // a timed wait early (the caller checks its clock), never an untimed one.
            _timed = timeout != Timeout.InfiniteTimeSpan;
            bool startChannelWait = !_channelWaitPending;
            if (startChannelWait)
            {
                ValueTask<bool> wait = _reader.WaitToReadAsync(CancellationToken.None);
                if (wait.IsCompleted)
                {
                    return Finished(wait);
                }

                _core.Reset();
                Volatile.Write(ref _state, Waiting);
                _channelWaitPending = true;
                _channelWait = wait.ConfigureAwait(false).GetAwaiter();
                _channelWait.UnsafeOnCompleted(_onChannelSignal);
            }
            else
            {
                // An earlier wait timed out with its channel wait still pending (the channel has one waiter to reuse): that
                // wait signals this one. If it finished just before this wait began, its signal was dropped: start over.
                _core.Reset();
                Volatile.Write(ref _state, Waiting);
                if (!_channelWaitPending && Interlocked.CompareExchange(ref _state, Idle, Waiting) == Waiting)
                {
                    continue;
                }
            }

            if (_timed)
            {
                _timer ??= _time!.CreateTimer(static state => ((ChannelReadWaiter<T>)state!).OnTimer(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
                _timer.Change(timeout, Timeout.InfiniteTimeSpan);
            }

            if (_cancellationToken.IsCancellationRequested)
            {
                OnCancelled();
            }

            return new ValueTask<ChannelWaitResult>(this, _core.Version);
        }
    }

    private static ValueTask<ChannelWaitResult> Finished(ValueTask<bool> wait)
    {
        try
        {
            return new ValueTask<ChannelWaitResult>(wait.Result ? ChannelWaitResult.Ready : ChannelWaitResult.Completed);
        }
        catch (Exception ex)
        {
            return ValueTask.FromException<ChannelWaitResult>(ex);
        }
    }

    private void OnChannelSignal()
    {
        ChannelWaitResult result = ChannelWaitResult.Completed;
        Exception? error = null;
        try
        {
            result = _channelWait.GetResult() ? ChannelWaitResult.Ready : ChannelWaitResult.Completed;
        }
        catch (Exception ex)
        {
            error = ex;
        }

        _channelWaitPending = false;
        Signal(result, error);
    }

    private void OnTimer()
    {
        if (_timed)
        {
            Signal(ChannelWaitResult.TimedOut, null);
        }
    }

    private void OnCancelled() => Signal(ChannelWaitResult.Completed, new OperationCanceledException(_cancellationToken));

    /// <summary>Ends the current wait, if there is one, with a result or an error; the first signal wins.</summary>
    private void Signal(ChannelWaitResult result, Exception? error)
    {
        if (Interlocked.CompareExchange(ref _state, Idle, Waiting) != Waiting)
        {
            return;
        }

        _timer?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        if (error is null)
        {
            _core.SetResult(result);
        }
        else
        {
            _core.SetException(error);
        }
    }
}
