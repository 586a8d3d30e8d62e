using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using SortLine.OpcUa.Encoding;
using SortLine.OpcUa.Services;

namespace SortLine.OpcUa.Subscriptions;

/// <summary>
/// The server's subscription engine: one <see cref="SessionSubscriptions"/> per session, server-wide ids and limits
/// (subscriptions and monitored items), and counters. Sessions' subscriptions are deleted when the session closes
/// or times out (<see cref="CloseSession"/>).
/// </summary>
internal sealed partial class SubscriptionManager
{
    private readonly ConcurrentDictionary<NodeId, SessionSubscriptions> _sessions = new();
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    /// <summary>The highest subscription id any manager of this process handed out (a restarted server starts above it).</summary>
    private static long s_highWater;

    private long _nextId;
    private int _subscriptionCount;
    private int _monitoredItemCount;
    private long _discarded;

    /// <summary>Creates the engine.</summary>
    public SubscriptionManager(SubscriptionLimits limits, TimeProvider time, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        Limits = limits;
        _time = time;
        _logger = logger;
        _nextId = StartSeed(time);
    }

    /// <summary>The limits.</summary>
    public SubscriptionLimits Limits { get; }

    /// <summary>The clock of publishing and sampling timers.</summary>
    public TimeProvider Time => _time;

    /// <summary>Subscriptions in the server.</summary>
    public int SubscriptionCount => Volatile.Read(ref _subscriptionCount);

    /// <summary>Monitored items in the server.</summary>
    public int MonitoredItemCount => Volatile.Read(ref _monitoredItemCount);

    /// <summary>Notifications discarded by monitored item queue overflow (slow or absent Publish requests).</summary>
    public long DiscardedNotificationCount => Interlocked.Read(ref _discarded);

    /// <summary>The session's subscriptions, created on first use.</summary>
    public SessionSubscriptions For(NodeId sessionId) => _sessions.GetOrAdd(sessionId, static (id, self) => new SessionSubscriptions(self, id, self._time), this);

    /// <summary>The session's subscriptions, if it has any.</summary>
    public bool TryGet(NodeId sessionId, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out SessionSubscriptions? subscriptions) =>
        _sessions.TryGetValue(sessionId, out subscriptions);

    /// <summary>Deletes a closed or expired session's subscriptions; its queued Publish requests get Bad_SessionClosed.</summary>
    public void CloseSession(NodeId sessionId)
    {
        if (_sessions.TryRemove(sessionId, out SessionSubscriptions? subscriptions))
        {
            subscriptions.Close(StatusCode.BadSessionClosed);
        }
    }

    /// <summary>
    /// Notifications waiting for a Publish request: values held by Reporting monitored items of subscriptions with
    /// publishing enabled, over all sessions (a metric for the host; a growing number means clients do not keep up).
    /// </summary>
    /// <remarks>Takes each session's lock in turn; meant for a periodic sampler, not the publishing path.</remarks>
    public int CountQueuedNotifications()
    {
        int count = 0;
        foreach (SessionSubscriptions session in _sessions.Values)
        {
            lock (session.Gate)
            {
                foreach (uint id in SubscriptionIds(session))
                {
                    if (session.TryGet(id, out Subscription? subscription) && subscription.PublishingEnabled)
                    {
                        foreach (MonitoredItem item in subscription.Items)
                        {
                            if (item.Settings.Mode == MonitoringMode.Reporting)
                            {
                                count += item.QueuedCount;
                            }
                        }
                    }
                }
            }
        }

        return count;
    }

    /// <summary>Monitored items sampling <paramref name="nodeId"/> (diagnostics and tests).</summary>
    public int CountMonitoredItems(NodeId nodeId)
    {
        int count = 0;
        foreach (SessionSubscriptions session in _sessions.Values)
        {
            lock (session.Gate)
            {
                foreach (uint id in SubscriptionIds(session))
                {
                    if (session.TryGet(id, out Subscription? subscription))
                    {
                        count += subscription.Items.Count(i => i.Source.NodeId == nodeId);
                    }
                }
            }
        }

        return count;
    }

    internal uint NextId()
    {
        while (true)
        {
            long next = Interlocked.Increment(ref _nextId);
            RaiseHighWater(next);
            uint id = (uint)next;
            if (id != 0)
            {
                return id;
            }
        }
    }

    /// <summary>
    /// Where a server's subscription ids start: above every id an earlier server of this process handed out (a PLC that
    /// reconnects after a restart must not find its old subscription id naming a new subscription), and otherwise at the
    /// start time in milliseconds (31 bits), so a restarted process also starts elsewhere than 1.
    /// </summary>
    internal static long StartSeed(TimeProvider time)
    {
        long clock = time.GetUtcNow().ToUnixTimeMilliseconds() & int.MaxValue;
        return Math.Max(clock, Interlocked.Read(ref s_highWater));
    }

    private static void RaiseHighWater(long id)
    {
        long seen = Interlocked.Read(ref s_highWater);
        while (id > seen)
        {
            long previous = Interlocked.CompareExchange(ref s_highWater, id, seen);
            if (previous == seen)
            {
                return;
            }

            seen = previous;
        }
    }

    internal bool TryReserveSubscription()
    {
        if (Interlocked.Increment(ref _subscriptionCount) > Limits.MaxSubscriptions)
        {
            Interlocked.Decrement(ref _subscriptionCount);
            return false;
        }

        return true;
    }

    internal void ReleaseSubscription() => Interlocked.Decrement(ref _subscriptionCount);

    internal bool TryReserveMonitoredItem()
    {
        if (Interlocked.Increment(ref _monitoredItemCount) > Limits.MaxMonitoredItems)
        {
            Interlocked.Decrement(ref _monitoredItemCount);
            return false;
        }

        return true;
    }

    internal void ReleaseMonitoredItems(int count) => Interlocked.Add(ref _monitoredItemCount, -count);

    internal void CountDiscarded() => Interlocked.Increment(ref _discarded);

    internal void LogExpired(NodeId sessionId, uint subscriptionId) => LogSubscriptionExpired(_logger, subscriptionId, sessionId);

    private static List<uint> SubscriptionIds(SessionSubscriptions session) => session.SubscriptionIdsUnsafe();

    [LoggerMessage(Level = LogLevel.Information, Message = "Subscription {SubscriptionId} of session {SessionId} expired (no Publish requests)")]
    private static partial void LogSubscriptionExpired(ILogger logger, uint subscriptionId, NodeId sessionId);
}
