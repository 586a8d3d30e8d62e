using SortLine.OpcUa.Encoding;
using SortLine.OpcUa.Services;

namespace SortLine.OpcUa.Subscriptions;

/// <summary>
/// One subscription (OPC 10000-4 §5.13.1): a publishing timer on the injected clock, its monitored items, the
/// keep-alive and lifetime counters, sequence numbers and the retransmission queue.
/// </summary>
/// <remarks>
/// Each tick: when no Publish request is queued the lifetime counter advances (expiry at LifetimeCount, with a
/// StatusChangeNotification Bad_Timeout if a request turns up in time), otherwise it resets. A message is due when
/// publishing is enabled and a Reporting item holds values, or when MaxKeepAliveCount ticks passed without a message
/// (the first tick after creation always sends one: the MessageSent rule). A due message without a queued request
/// makes the subscription late; the next Publish is answered at once. Guarded by the session's lock.
/// </remarks>
internal sealed class Subscription : IDisposable
{
    private readonly SessionSubscriptions _owner;
    private readonly TimeProvider _time;
    private readonly List<MonitoredItem> _items = [];
    private readonly Dictionary<uint, MonitoredItem> _itemsById = [];
    private readonly LinkedList<NotificationMessage> _retransmission = new();
    private readonly List<(uint, DataValue)> _scratch = [];
    private ITimer? _timer;
    private uint _nextSequenceNumber = 1;
    private uint _keepAliveCounter;
    private uint _lifetimeCounter;
    private bool _messageSent;

    /// <summary>Creates the subscription and starts its timer.</summary>
    public Subscription(SessionSubscriptions owner, uint id, SubscriptionParameters parameters, bool publishingEnabled, TimeProvider time)
    {
        _owner = owner;
        _time = time;
        Id = id;
        Parameters = parameters;
        PublishingEnabled = publishingEnabled;
        var period = TimeSpan.FromMilliseconds(parameters.PublishingInterval);
        _timer = time.CreateTimer(static state => ((Subscription)state!).OnTimer(), this, period, period);
    }

    /// <summary>The server-assigned id.</summary>
    public uint Id { get; }

    /// <summary>The revised parameters.</summary>
    public SubscriptionParameters Parameters { get; private set; }

    /// <summary>Publishing enabled.</summary>
    public bool PublishingEnabled { get; set; }

    /// <summary>True when a message was due but no Publish request was queued.</summary>
    public bool IsLate { get; private set; }

    /// <summary>True once deleted or expired.</summary>
    public bool IsClosed { get; private set; }

    /// <summary>The monitored items, in creation order.</summary>
    public IReadOnlyList<MonitoredItem> Items => _items;

    /// <summary>Lifetime counter (ticks without a queued Publish request).</summary>
    public uint LifetimeCounter => _lifetimeCounter;

    /// <summary>Sequence numbers held for Republish.</summary>
    public uint[] AvailableSequenceNumbers => [.. _retransmission.Select(m => m.SequenceNumber)];

    /// <summary>Applies ModifySubscription's revised parameters (and restarts the timer when the interval changed).</summary>
    public void Modify(SubscriptionParameters parameters)
    {
        bool intervalChanged = parameters.PublishingInterval != Parameters.PublishingInterval;
        Parameters = parameters;
        ResetLifetime();
        if (intervalChanged && _timer is not null)
        {
            var period = TimeSpan.FromMilliseconds(parameters.PublishingInterval);
            _timer.Change(period, period);
        }
    }

    /// <summary>Resets the lifetime counter (a Publish or a service call on the subscription).</summary>
    public void ResetLifetime() => _lifetimeCounter = 0;

    /// <summary>Looks an item up.</summary>
    public bool TryGetItem(uint id, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out MonitoredItem? item) => _itemsById.TryGetValue(id, out item);

    /// <summary>Adds and starts an item.</summary>
    public void AddItem(MonitoredItem item)
    {
        _items.Add(item);
        _itemsById.Add(item.Id, item);
        item.Start();
    }

    /// <summary>Stops and removes an item.</summary>
    public bool RemoveItem(uint id)
    {
        if (!_itemsById.Remove(id, out MonitoredItem? item))
        {
            return false;
        }

        _items.Remove(item);
        item.Dispose();
        return true;
    }

    /// <summary>Removes an acknowledged message from the retransmission queue.</summary>
    public bool Acknowledge(uint sequenceNumber)
    {
        for (LinkedListNode<NotificationMessage>? node = _retransmission.First; node is not null; node = node.Next)
        {
            if (node.Value.SequenceNumber == sequenceNumber)
            {
                _retransmission.Remove(node);
                return true;
            }
        }

        return false;
    }

    /// <summary>A message still held for Republish.</summary>
    public NotificationMessage? FindRetransmission(uint sequenceNumber) => _retransmission.FirstOrDefault(m => m.SequenceNumber == sequenceNumber);

    /// <summary>True when publishing is enabled and a Reporting item holds values.</summary>
    public bool HasNotifications
    {
        get
        {
            if (!PublishingEnabled)
            {
                return false;
            }

            foreach (MonitoredItem item in _items)
            {
                if (item.HasNotifications)
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>One publishing-timer tick (under the lock; also called directly by tests through the fake clock).</summary>
    internal void Tick()
    {
        if (IsClosed)
        {
            return;
        }

        DateTime now = _time.GetUtcNow().UtcDateTime;
        _owner.ExpirePublishRequests(now);
        if (_owner.HasPendingPublish)
        {
            _lifetimeCounter = 0;
        }
        else if (++_lifetimeCounter >= Parameters.LifetimeCount)
        {
            Expire(now);
            return;
        }

        if (!HasNotifications && _messageSent && ++_keepAliveCounter < Parameters.MaxKeepAliveCount)
        {
            return;
        }

        if (!_owner.HasPendingPublish)
        {
            IsLate = true;
            return;
        }

        PublishPending(now);
    }

    /// <summary>
    /// Answers queued Publish requests: one NotificationMessage (or a keep-alive when nothing is reportable), then more
    /// while MoreNotifications is set and requests remain. Stays late when data is left over.
    /// </summary>
    internal void PublishPending(DateTime now)
    {
        while (_owner.TryDequeuePublish(out PendingPublish? pending))
        {
            bool more = false;
            NotificationMessage message;
            if (HasNotifications)
            {
                message = BuildDataMessage(now, out more);
                Retain(message);
            }
            else
            {
                message = new NotificationMessage { SequenceNumber = _nextSequenceNumber, PublishTime = now };
            }

            pending.Complete(new PublishResponse
            {
                SubscriptionId = Id,
                AvailableSequenceNumbers = AvailableSequenceNumbers,
                MoreNotifications = more,
                NotificationMessage = message,
                Results = pending.AcknowledgementResults,
                DiagnosticInfos = [],
            });
            _keepAliveCounter = 0;
            _lifetimeCounter = 0;
            _messageSent = true;
            IsLate = false;
            if (!more)
            {
                return;
            }
        }

        IsLate = true;
    }

    private NotificationMessage BuildDataMessage(DateTime now, out bool more)
    {
        int limit = Parameters.MaxNotificationsPerPublish;
        _scratch.Clear();
        foreach (MonitoredItem item in _items)
        {
            if (item.HasNotifications && _scratch.Count < limit)
            {
                item.TakeNotifications(limit - _scratch.Count, _scratch);
            }
        }

        more = HasNotifications;
        var message = new NotificationMessage
        {
            SequenceNumber = TakeSequenceNumber(),
            PublishTime = now,
            NotificationData = [NotificationMessage.EncodeDataChange(_scratch)],
        };
        _scratch.Clear();
        return message;
    }

    private uint TakeSequenceNumber()
    {
        uint sequenceNumber = _nextSequenceNumber;
        _nextSequenceNumber = sequenceNumber == uint.MaxValue ? 1 : sequenceNumber + 1;
        return sequenceNumber;
    }

    private void Retain(NotificationMessage message)
    {
        if (_owner.Manager.Limits.MaxRetransmissionQueueSize <= 0)
        {
            return;
        }

        _retransmission.AddLast(message);
        while (_retransmission.Count > _owner.Manager.Limits.MaxRetransmissionQueueSize)
        {
            _retransmission.RemoveFirst();
        }
    }

    private void Expire(DateTime now)
    {
        if (_owner.TryDequeuePublish(out PendingPublish? pending))
        {
            pending.Complete(new PublishResponse
            {
                SubscriptionId = Id,
                AvailableSequenceNumbers = [],
                NotificationMessage = new NotificationMessage
                {
                    SequenceNumber = TakeSequenceNumber(),
                    PublishTime = now,
                    NotificationData = [NotificationMessage.EncodeStatusChange(StatusCode.BadTimeout)],
                },
                Results = pending.AcknowledgementResults,
                DiagnosticInfos = [],
            });
        }

        _owner.RemoveExpired(this);
    }

    private void OnTimer()
    {
        lock (_owner.Gate)
        {
            Tick();
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        IsClosed = true;
        _timer?.Dispose();
        _timer = null;
        foreach (MonitoredItem item in _items)
        {
            item.Dispose();
        }

        _items.Clear();
        _itemsById.Clear();
        _retransmission.Clear();
    }
}
