using SortLine.OpcUa.Encoding;
using SortLine.OpcUa.Services;
using SortLine.OpcUa.Subscriptions;

namespace SortLine.OpcUa.Tests.Subscriptions;

/// <summary>ModifySubscription (OPC 10000-4 §5.13.3): revision rules, the new parameters in force, lifetime reset, bad ids.</summary>
public sealed partial class SubscriptionServicesTests
{
    /// <summary>
    /// Revision as for CreateSubscription: an interval of 0, a negative one or NaN becomes the fastest (20 ms), values above
    /// the limits become the limits, a keep-alive count of 0 becomes 1 and the lifetime count is raised to at least three
    /// keep-alive counts. Illegal values are revised, never refused.
    /// </summary>
    [Theory]
    [InlineData(250.0, 60u, 10u, 7u, 250.0, 60u, 10u)]
    [InlineData(0.0, 1u, 0u, 7u, 20.0, 3u, 1u)]
    [InlineData(-5.0, 10u, 5u, 7u, 20.0, 15u, 5u)]
    [InlineData(double.NaN, 30u, 3u, 7u, 20.0, 30u, 3u)]
    [InlineData(1e9, 200_000u, 20_000u, 7u, 3_600_000.0, 100_000u, 10_000u)]
    public void ModifySubscription_RequestedValues_RevisedAndReturned(
        double interval, uint lifetime, uint keepAlive, uint maxNotifications, double revisedInterval, uint revisedLifetime, uint revisedKeepAlive)
    {
        var host = new SubscriptionTestHost();
        uint id = host.CreateSubscription(interval: 100, lifetime: 30, keepAlive: 3).SubscriptionId;

        ModifySubscriptionResponse response = host.ModifySubscription(id, interval, lifetime, keepAlive, maxNotifications);

        Assert.Equal(revisedInterval, response.RevisedPublishingInterval);
        Assert.Equal(revisedLifetime, response.RevisedLifetimeCount);
        Assert.Equal(revisedKeepAlive, response.RevisedMaxKeepAliveCount);
        Assert.True(host.Manager.For(host.Session.SessionId).TryGet(id, out Subscription? subscription));
        Assert.Equal(new SubscriptionParameters(revisedInterval, revisedLifetime, revisedKeepAlive, (int)maxNotifications, 0), subscription.Parameters);
    }

    [Fact]
    public async Task ModifySubscription_LongerIntervalAndKeepAlive_KeepAliveFollowsTheNewTimer()
    {
        var host = new SubscriptionTestHost();
        uint id = host.CreateSubscription(interval: 100, lifetime: 30, keepAlive: 3).SubscriptionId;
        Task<IServiceResponse> first = host.Publish();
        host.Tick();
        await first; // the MessageSent keep-alive; the old parameters would send the next one 300 ms later
        host.ModifySubscription(id, interval: 500, lifetime: 30, keepAlive: 2);
        Task<IServiceResponse> keepAlive = host.Publish();

        host.Tick(intervalMs: 100, ticks: 9); // one 500 ms tick: keep-alive counter 1 of 2
        bool early = !host.HasQueuedPublish;
        host.Tick(intervalMs: 100); // the second 500 ms tick

        Assert.False(early);
        Assert.False(host.HasQueuedPublish);
        Assert.Empty(((PublishResponse)await keepAlive).NotificationMessage.NotificationData);
    }

    [Fact]
    public void ModifySubscription_ResetsTheLifetimeCounter()
    {
        var host = new SubscriptionTestHost();
        uint id = host.CreateSubscription(interval: 100, lifetime: 9, keepAlive: 3).SubscriptionId;
        host.Tick(ticks: 8);

        host.ModifySubscription(id, interval: 100, lifetime: 9, keepAlive: 3);
        host.Tick(ticks: 8);
        int aliveAfterEight = host.Manager.SubscriptionCount;
        host.Tick();

        Assert.Equal(1, aliveAfterEight);
        Assert.Equal(0, host.Manager.SubscriptionCount);
    }

    [Fact]
    public async Task ModifySubscription_MaxNotificationsPerPublish_SplitsTheNextMessage()
    {
        var host = new SubscriptionTestHost();
        uint id = host.CreateSubscription(maxNotifications: 0).SubscriptionId;
        host.Monitor(id, host.Host.Speed.NodeId);
        host.ModifySubscription(id, interval: 100, lifetime: 30, keepAlive: 3, maxNotifications: 2);
        host.Host.Speed.SetValue(new Variant(2.0));
        host.Host.Speed.SetValue(new Variant(3.0));
        Task<IServiceResponse> first = host.Publish();
        Task<IServiceResponse> second = host.Publish();

        host.Tick();

        var a = (PublishResponse)await first;
        var b = (PublishResponse)await second;
        Assert.True(a.MoreNotifications);
        Assert.Equal([1.0, 2.0], SubscriptionTestHost.Values(a));
        Assert.False(b.MoreNotifications);
        Assert.Equal([3.0], SubscriptionTestHost.Values(b));
    }

    [Fact]
    public void ModifySubscription_UnknownId_BadSubscriptionIdInvalid()
    {
        var host = new SubscriptionTestHost();
        uint id = host.CreateSubscription().SubscriptionId;

        var ex = Assert.Throws<ServiceResultException>(() => host.ModifySubscription(id + 1, interval: 200, lifetime: 30, keepAlive: 3));

        Assert.Equal(StatusCode.BadSubscriptionIdInvalid, ex.StatusCode);
    }

    [Fact]
    public void ModifySubscription_AnotherSessionsSubscription_BadSubscriptionIdInvalidAndUnchanged()
    {
        var host = new SubscriptionTestHost();
        uint id = host.CreateSubscription(interval: 100, lifetime: 30, keepAlive: 3).SubscriptionId;
        ServiceContext otherSession = host.Host.Context();

        var ex = Assert.Throws<ServiceResultException>(() => host.ModifySubscription(id, interval: 200, lifetime: 60, keepAlive: 5, context: otherSession));

        Assert.Equal(StatusCode.BadSubscriptionIdInvalid, ex.StatusCode);
        Assert.True(host.Manager.For(host.Session.SessionId).TryGet(id, out Subscription? subscription));
        Assert.Equal(100, subscription.Parameters.PublishingInterval);
    }
}
