using System.Collections.Concurrent;
using SortLine.Learning.Internal;

namespace SortLine.Service.Workers;

/// <summary>
/// A bounded hand-off from an async producer to one dedicated consumer thread that runs below the line's priority: the
/// producer never waits (a full queue refuses the item), and the consumer's work never occupies a thread-pool thread.
/// </summary>
/// <remarks>
/// <para><b>Why.</b> The MSKD learning side does seconds of CPU work at a time and blocking disk I/O (LIBS feature
/// extraction, about 8 ms per point at 100 points/s; the teacher's K-means fit; the training buffer's periodic fsync) on
/// each point. On a thread-pool thread at normal priority that work took most of a core from the camera and the
/// classification workers and, while blocked, one of the pool's few running slots (see <see cref="LineThreadPool"/>). On
/// its own thread, niced like the retrain thread (<see cref="ThreadNiceness.Background"/>), it uses the cores the line
/// leaves idle.</para>
/// <para><b>Ownership.</b> An accepted item belongs to the consumer, which disposes it after <c>consume</c> (also when
/// the consumer failed or the queue is completed without draining). A refused item stays the caller's.</para>
/// <para><b>Failure.</b> An exception from <c>consume</c> stops the consumer: later items are refused, the queued ones
/// disposed, and <see cref="Completion"/> faults with the exception.</para>
/// </remarks>
/// <typeparam name="T">The item type.</typeparam>
internal sealed class BackgroundConsumer<T> : IDisposable
    where T : IDisposable
{
    private readonly BlockingCollection<T> _queue;
    private readonly Action<T> _consume;
    private readonly Thread _thread;
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool _discard;

    /// <summary>Creates the queue and starts its consumer thread.</summary>
    /// <param name="name">The thread's name (shown in stack dumps).</param>
    /// <param name="capacity">Items queued at most (≥ 1).</param>
    /// <param name="consume">Called on the consumer thread for every item, in order.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is blank.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="consume"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is less than 1.</exception>
    public BackgroundConsumer(string name, int capacity, Action<T> consume)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ArgumentNullException.ThrowIfNull(consume);
        _queue = new BlockingCollection<T>(new ConcurrentQueue<T>(), capacity);
        _consume = consume;
        _thread = new Thread(Run) { IsBackground = true, Name = name };
        _thread.Start();
    }

    /// <summary>Gets a task that completes when the consumer has stopped: after <see cref="Complete"/> and the queue
    /// is empty, or faulted with the exception of a failed <c>consume</c>.</summary>
    public Task Completion => _completion.Task;

    /// <summary>Gets the number of items waiting.</summary>
    public int Count => _queue.Count;

    /// <summary>Queues an item without waiting.</summary>
    /// <param name="item">The item; it belongs to the consumer if accepted.</param>
    /// <returns>False when the queue is full, completed or the consumer failed (the item stays the caller's).</returns>
    public bool TryAdd(T item)
    {
        if (_queue.IsAddingCompleted)
        {
            return false;
        }

        try
        {
            return _queue.TryAdd(item);
        }
        catch (InvalidOperationException)
        {
            return false; // completed between the check and the add
        }
    }

    /// <summary>Refuses further items and lets the consumer stop once the queue is empty; idempotent.</summary>
    /// <param name="drain">True: the queued items are consumed first; false: they are disposed without being consumed.</param>
    public void Complete(bool drain)
    {
        if (!drain)
        {
            _discard = true;
        }

        _queue.CompleteAdding();
    }

    /// <summary>Completes the queue without draining and waits for the consumer thread to finish its current item.</summary>
    public void Dispose()
    {
        Complete(drain: false);
        if (Thread.CurrentThread != _thread)
        {
            _thread.Join();
        }

        _queue.Dispose();
    }

    private void Run()
    {
        ThreadNiceness.TrySetCurrentThread(ThreadNiceness.Background);
        try
        {
            foreach (T item in _queue.GetConsumingEnumerable())
            {
                using (item)
                {
                    if (!_discard)
                    {
                        _consume(item);
                    }
                }
            }

            _completion.TrySetResult();
        }
#pragma warning disable CA1031 // The consumer's failure is handed to whoever awaits Completion.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _queue.CompleteAdding();
            while (_queue.TryTake(out T? left))
            {
                left.Dispose();
            }

            _completion.TrySetException(ex);
        }
    }
}
