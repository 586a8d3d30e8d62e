using System.Threading.Channels;
using SortLine.OpcUa.Encoding;

namespace SortLine.OpcUa.AddressSpace;

/// <summary>
/// Hands eject commands from the sorting pipeline to OPC UA without ever blocking it. <see cref="TryPublish"/> only
/// writes to a bounded in-memory queue (capacity <see cref="Capacity"/>) and returns false, counting the drop, when the
/// queue is full. A background pump sets <c>Decisions/LastCommand</c> once per command, in order; every value change
/// goes to each subscribed monitored item's own queue (sampling interval 0), so a slow or absent client only overflows
/// its own queue (counted by the server as discarded notifications) and never slows the pump or other clients.
/// </summary>
/// <remarks>
/// Queue sizing: at 10,000 decisions/s and a 100 ms publishing interval a client needs a monitored item queue of at
/// least 1,000 (request 2,000+ to ride out jitter; the server grants up to its MaxMonitoredItemQueueSize) and must
/// subscribe with sampling interval 0. Thread-safe; <see cref="TryPublish"/> may be called from any thread.
/// Edge (channel full): drop the new command (the PLC sees the sequence gap); the pump itself never waits on clients.
/// </remarks>
public sealed class DecisionPublisher : IAsyncDisposable
{
    private readonly Channel<EjectionCommand> _queue;
    private readonly VariableNode _lastCommand;
    private readonly VariableNode _publishedCount;
    private readonly VariableNode _droppedCount;
    private readonly NodeId _encodingId;
    private readonly TimeProvider _time;
    private readonly Task _pump;
    private long _published;
    private long _dropped;
    private long _reportedDropped = -1;

    internal DecisionPublisher(VariableNode lastCommand, VariableNode publishedCount, VariableNode droppedCount, NodeId encodingId, int capacity, TimeProvider time, bool startPump)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _lastCommand = lastCommand;
        _publishedCount = publishedCount;
        _droppedCount = droppedCount;
        _encodingId = encodingId;
        _time = time;
        Capacity = capacity;
        _queue = Channel.CreateBounded<EjectionCommand>(new BoundedChannelOptions(capacity)
        {
            // Wait mode with TryWrite never blocks: a full queue makes TryWrite return false (counted as a drop).
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
            SingleWriter = false,
        });
        _pump = startPump ? Task.Run(PumpAsync) : Task.CompletedTask;
    }

    /// <summary>Most commands waiting for the pump.</summary>
    public int Capacity { get; }

    /// <summary>Commands set on LastCommand so far.</summary>
    public long PublishedCount => Interlocked.Read(ref _published);

    /// <summary>Commands refused because the queue was full (or the publisher was disposed).</summary>
    public long DroppedCount => Interlocked.Read(ref _dropped);

    /// <summary>Commands waiting for the pump.</summary>
    public int PendingCount => _queue.Reader.Count;

    /// <summary>Queues a command without blocking.</summary>
    /// <param name="command">The command; its sequence number should be the previous one + 1.</param>
    /// <returns>False when the queue is full or the publisher is disposed: the command is dropped and counted.</returns>
    public bool TryPublish(in EjectionCommand command)
    {
        if (_queue.Writer.TryWrite(command))
        {
            return true;
        }

        Interlocked.Increment(ref _dropped);
        return false;
    }

    /// <summary>Sets LastCommand for every queued command (the pump's body; tests call it without a pump).</summary>
    /// <returns>How many were published.</returns>
    internal int PumpAvailable()
    {
        int count = 0;
        Span<byte> body = stackalloc byte[EjectionCommand.EncodedSize];
        while (_queue.Reader.TryRead(out EjectionCommand command))
        {
            command.Encode(body);
            _lastCommand.SetValue(new Variant(ExtensionObject.FromBinary(_encodingId, body.ToArray())), StatusCode.Good, _time.GetUtcNow().UtcDateTime);
            Interlocked.Increment(ref _published);
            count++;
        }

        if (count > 0)
        {
            _publishedCount.SetValue(new Variant((ulong)PublishedCount), StatusCode.Good, _time.GetUtcNow().UtcDateTime);
        }

        long dropped = DroppedCount;
        if (dropped != _reportedDropped)
        {
            _reportedDropped = dropped;
            _droppedCount.SetValue(new Variant((ulong)dropped), StatusCode.Good, _time.GetUtcNow().UtcDateTime);
        }

        return count;
    }

    private async Task PumpAsync()
    {
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            PumpAvailable();
        }
    }

    /// <summary>Stops accepting commands, publishes the ones queued and stops the pump.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _pump.ConfigureAwait(false);
    }
}
