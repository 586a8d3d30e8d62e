using SortLine.OpcUa.Encoding;
using SortLine.OpcUa.Services;

namespace SortLine.OpcUa.Subscriptions;

/// <summary>
/// The subscriptions of one session and its Publish queue (the queue is per session, not per subscription: OPC
/// 10000-4 §5.13.5). One lock (<see cref="Gate"/>) guards the subscriptions, their items and the queue; service calls,
/// publishing ticks, sampling ticks and value-change events all take it, and Publish responses complete
/// asynchronously (never inline under the lock).
/// </summary>
internal sealed class SessionSubscriptions
{
    private readonly Dictionary<uint, Subscription> _subscriptions = [];
    private readonly LinkedList<PendingPublish> _publishQueue = new();
    private readonly TimeProvider _time;
    private bool _closed;

    /// <summary>Creates the set.</summary>
    public SessionSubscriptions(SubscriptionManager manager, NodeId sessionId, TimeProvider time)
    {
        Manager = manager;
        SessionId = sessionId;
        _time = time;
    }

    /// <summary>The lock guarding everything here.</summary>
    public Lock Gate { get; } = new();

    /// <summary>The server-wide manager.</summary>
    public SubscriptionManager Manager { get; }

    /// <summary>The session.</summary>
    public NodeId SessionId { get; }

    /// <summary>Number of subscriptions.</summary>
    public int Count
    {
        get
        {
            lock (Gate)
            {
                return _subscriptions.Count;
            }
        }
    }

    /// <summary>Queued Publish requests.</summary>
    public int PendingPublishCount
    {
        get
        {
            lock (Gate)
            {
                return _publishQueue.Count;
            }
        }
    }

    /// <summary>True when a Publish request is queued (under the lock).</summary>
    internal bool HasPendingPublish => _publishQueue.Count > 0;

    /// <summary>Creates a subscription (Bad_TooManySubscriptions past the limits).</summary>
    /// <exception cref="ServiceResultException">A limit is reached or the session is closed.</exception>
    public Subscription Create(SubscriptionParameters parameters, bool publishingEnabled)
    {
        lock (Gate)
        {
            if (_closed)
            {
                throw new ServiceResultException(StatusCode.BadSessionClosed);
            }

            if (_subscriptions.Count >= Manager.Limits.MaxSubscriptionsPerSession || !Manager.TryReserveSubscription())
            {
                throw new ServiceResultException(StatusCode.BadTooManySubscriptions);
            }

            var subscription = new Subscription(this, Manager.NextId(), parameters, publishingEnabled, _time);
            _subscriptions.Add(subscription.Id, subscription);
            return subscription;
        }
    }

    /// <summary>The subscription ids (under the lock).</summary>
    internal List<uint> SubscriptionIdsUnsafe() => [.. _subscriptions.Keys];

    /// <summary>Looks a subscription up (under the lock).</summary>
    public bool TryGet(uint id, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Subscription? subscription) =>
        _subscriptions.TryGetValue(id, out subscription);

    /// <summary>Deletes a subscription; when it was the last one, queued Publish requests get Bad_NoSubscription.</summary>
    public bool Delete(uint id)
    {
        lock (Gate)
        {
            if (!_subscriptions.Remove(id, out Subscription? subscription))
            {
                return false;
            }

            Dispose(subscription);
            return true;
        }
    }

    /// <summary>
    /// Queues a Publish request after processing its acknowledgements, and answers it at once when a subscription is late.
    /// </summary>
    /// <param name="acknowledgements">The request's acknowledgements.</param>
    /// <param name="timeoutHintMs">RequestHeader.TimeoutHint (0 = none): past it the request is answered Bad_Timeout.</param>
    /// <param name="cancellationToken">Cancelled when the connection closes: the request is dropped.</param>
    /// <exception cref="ServiceResultException">Bad_NoSubscription when the session has no subscription.</exception>
    public Task<PublishResponse> PublishAsync(SubscriptionAcknowledgement[]? acknowledgements, uint timeoutHintMs, CancellationToken cancellationToken)
    {
        PendingPublish pending;
        lock (Gate)
        {
            if (_subscriptions.Count == 0 || _closed)
            {
                throw new ServiceResultException(StatusCode.BadNoSubscription);
            }

            acknowledgements ??= [];
            var results = new StatusCode[acknowledgements.Length];
            for (int i = 0; i < acknowledgements.Length; i++)
            {
                results[i] = !_subscriptions.TryGetValue(acknowledgements[i].SubscriptionId, out Subscription? acked)
                    ? StatusCode.BadSubscriptionIdInvalid
                    : acked.Acknowledge(acknowledgements[i].SequenceNumber) ? StatusCode.Good : StatusCode.BadSequenceNumberUnknown;
            }

            DateTime now = _time.GetUtcNow().UtcDateTime;
            pending = new PendingPublish(results, timeoutHintMs > 0 ? now.AddMilliseconds(timeoutHintMs) : null);
            _publishQueue.AddLast(pending);
            while (_publishQueue.Count > Manager.Limits.MaxPublishRequestsPerSession)
            {
                PendingPublish oldest = _publishQueue.First!.Value;
                _publishQueue.RemoveFirst();
                oldest.Fail(StatusCode.BadTooManyPublishRequests);
            }

            foreach (Subscription subscription in _subscriptions.Values)
            {
                subscription.ResetLifetime();
            }

            foreach (Subscription late in _subscriptions.Values.Where(s => s.IsLate).OrderByDescending(s => s.Parameters.Priority).ToList())
            {
                if (_publishQueue.Count == 0)
                {
                    break;
                }

                late.PublishPending(now);
            }
        }

        if (!pending.Task.IsCompleted && cancellationToken.CanBeCanceled)
        {
            pending.Cancellation = cancellationToken.UnsafeRegister(static (state, _) =>
            {
                var (owner, request) = ((SessionSubscriptions, PendingPublish))state!;
                lock (owner.Gate)
                {
                    owner._publishQueue.Remove(request);
                }

                request.Cancel();
            }, (this, pending));
        }

        return pending.Task;
    }

    /// <summary>Republish: a message still in the retransmission queue.</summary>
    /// <exception cref="ServiceResultException">Bad_SubscriptionIdInvalid or Bad_MessageNotAvailable.</exception>
    public NotificationMessage Republish(uint subscriptionId, uint sequenceNumber)
    {
        lock (Gate)
        {
            if (!_subscriptions.TryGetValue(subscriptionId, out Subscription? subscription))
            {
                throw new ServiceResultException(StatusCode.BadSubscriptionIdInvalid);
            }

            subscription.ResetLifetime();
            return subscription.FindRetransmission(sequenceNumber) ?? throw new ServiceResultException(StatusCode.BadMessageNotAvailable);
        }
    }

    /// <summary>Deletes every subscription and answers queued Publish requests with <paramref name="reason"/> (session closed).</summary>
    public void Close(StatusCode reason)
    {
        lock (Gate)
        {
            _closed = true;
            FailAll(reason);
            foreach (Subscription subscription in _subscriptions.Values.ToList())
            {
                _subscriptions.Remove(subscription.Id);
                Dispose(subscription);
            }
        }
    }

    /// <summary>Answers requests whose TimeoutHint passed with Bad_Timeout (under the lock).</summary>
    internal void ExpirePublishRequests(DateTime now)
    {
        for (LinkedListNode<PendingPublish>? node = _publishQueue.First; node is not null;)
        {
            LinkedListNode<PendingPublish>? next = node.Next;
            if (node.Value.Deadline is { } deadline && deadline <= now)
            {
                _publishQueue.Remove(node);
                node.Value.Fail(StatusCode.BadTimeout);
            }

            node = next;
        }
    }

    /// <summary>Takes the oldest queued Publish request (under the lock).</summary>
    internal bool TryDequeuePublish([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out PendingPublish? pending)
    {
        if (_publishQueue.First is { } first)
        {
            _publishQueue.RemoveFirst();
            pending = first.Value;
            return true;
        }

        pending = null;
        return false;
    }

    /// <summary>Removes a subscription whose lifetime expired (under the lock).</summary>
    internal void RemoveExpired(Subscription subscription)
    {
        if (_subscriptions.Remove(subscription.Id))
        {
            Manager.LogExpired(SessionId, subscription.Id);
            Dispose(subscription);
        }
    }

    private void Dispose(Subscription subscription)
    {
        Manager.ReleaseMonitoredItems(subscription.Items.Count);
        subscription.Dispose();
        Manager.ReleaseSubscription();
        if (_subscriptions.Count == 0)
        {
            FailAll(StatusCode.BadNoSubscription);
        }
    }

    private void FailAll(StatusCode status)
    {
        while (TryDequeuePublish(out PendingPublish? pending))
        {
            pending.Fail(status);
        }
    }
}
