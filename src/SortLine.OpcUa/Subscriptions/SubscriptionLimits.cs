namespace SortLine.OpcUa.Subscriptions;

/// <summary>Limits and revision bounds of the subscription engine (set from <c>OpcUaServerOptions</c>).</summary>
internal sealed record SubscriptionLimits
{
    /// <summary>Most subscriptions in the server.</summary>
    public int MaxSubscriptions { get; init; } = 1000;

    /// <summary>Most subscriptions per session.</summary>
    public int MaxSubscriptionsPerSession { get; init; } = 10;

    /// <summary>Most monitored items in the server.</summary>
    public int MaxMonitoredItems { get; init; } = 100_000;

    /// <summary>Most monitored items per subscription.</summary>
    public int MaxMonitoredItemsPerSubscription { get; init; } = 10_000;

    /// <summary>Most items per CreateMonitoredItems/ModifyMonitoredItems/SetMonitoringMode/DeleteMonitoredItems call.</summary>
    public int MaxMonitoredItemsPerCall { get; init; } = 1000;

    /// <summary>Most queued Publish requests per session (the oldest beyond it is answered Bad_TooManyPublishRequests).</summary>
    public int MaxPublishRequestsPerSession { get; init; } = 10;

    /// <summary>Fastest publishing interval, ms.</summary>
    public double MinPublishingInterval { get; init; } = 20;

    /// <summary>Slowest publishing interval, ms.</summary>
    public double MaxPublishingInterval { get; init; } = 3_600_000;

    /// <summary>Largest keep-alive count.</summary>
    public uint MaxKeepAliveCount { get; init; } = 10_000;

    /// <summary>Largest lifetime count.</summary>
    public uint MaxLifetimeCount { get; init; } = 100_000;

    /// <summary>Most notifications per Publish response (also the cap of a client's MaxNotificationsPerPublish).</summary>
    public int MaxNotificationsPerPublish { get; init; } = 1000;

    /// <summary>Largest monitored item queue.</summary>
    public int MaxQueueSize { get; init; } = 10_000;

    /// <summary>Fastest timer sampling interval, ms (sampling interval 0 on a stored variable means every change instead).</summary>
    public double MinSamplingInterval { get; init; } = 10;

    /// <summary>Slowest sampling interval, ms.</summary>
    public double MaxSamplingInterval { get; init; } = 3_600_000;

    /// <summary>NotificationMessages kept per subscription for Republish until acknowledged.</summary>
    public int MaxRetransmissionQueueSize { get; init; } = 64;
}
