namespace SortLine.OpcUa.Subscriptions;

/// <summary>A subscription's revised parameters.</summary>
/// <param name="PublishingInterval">Publishing interval, ms.</param>
/// <param name="LifetimeCount">Ticks without a Publish request before expiry (≥ 3 × keep-alive count).</param>
/// <param name="MaxKeepAliveCount">Ticks without data before a keep-alive.</param>
/// <param name="MaxNotificationsPerPublish">Notifications per message (the server's cap when the client asked 0 or more).</param>
/// <param name="Priority">Relative priority (higher is served first when several are late).</param>
internal sealed record SubscriptionParameters(double PublishingInterval, uint LifetimeCount, uint MaxKeepAliveCount, int MaxNotificationsPerPublish, byte Priority)
{
    /// <summary>Revises requested values into the limits (OPC 10000-4 §5.13.2: illegal revisable values never fail).</summary>
    public static SubscriptionParameters Revise(SubscriptionLimits limits, double publishingInterval, uint lifetimeCount, uint maxKeepAliveCount, uint maxNotificationsPerPublish, byte priority)
    {
        double interval = double.IsNaN(publishingInterval) ? limits.MinPublishingInterval : Math.Clamp(publishingInterval, limits.MinPublishingInterval, limits.MaxPublishingInterval);
        uint keepAlive = Math.Clamp(maxKeepAliveCount, 1u, limits.MaxKeepAliveCount);
        uint lifetime = Math.Clamp(lifetimeCount, Math.Min(3 * keepAlive, limits.MaxLifetimeCount), limits.MaxLifetimeCount);
        if (lifetime < 3 * keepAlive)
        {
            keepAlive = Math.Max(1, lifetime / 3);
        }

        int notifications = maxNotificationsPerPublish == 0 || maxNotificationsPerPublish > limits.MaxNotificationsPerPublish
            ? limits.MaxNotificationsPerPublish
            : (int)maxNotificationsPerPublish;
        return new SubscriptionParameters(interval, lifetime, keepAlive, notifications, priority);
    }
}
