using SortLine.OpcUa.Encoding;
using SortLine.OpcUa.Services;
using SortLine.OpcUa.Subscriptions;

namespace SortLine.OpcUa.Tests.Subscriptions;

/// <summary>
/// ModifyMonitoredItems and SetMonitoringMode (OPC 10000-4 §5.12.3, §5.12.4) on a monitored Double variable, driven by the
/// fake clock (subscription: 100 ms publishing interval).
/// </summary>
public sealed class MonitoredItemServicesTests
{
    private readonly SubscriptionTestHost _host = new();

    /// <summary>Creates a subscription that sends no keep-alive for 10 s and an item on Speed whose initial value is already published.</summary>
    private async Task<(uint Subscription, uint Item)> MonitorSpeedAsync(uint queueSize = 10, bool discardOldest = true)
    {
        uint subscription = _host.CreateSubscription(interval: 100, lifetime: 300, keepAlive: 100).SubscriptionId;
        MonitoredItemCreateResult created = _host.Monitor(subscription, _host.Host.Speed.NodeId, clientHandle: 5, sampling: 0, queueSize: queueSize, discardOldest: discardOldest);
        Assert.Equal(StatusCode.Good, created.StatusCode);
        Task<IServiceResponse> initial = _host.Publish();
        _host.Tick();
        double[] values = SubscriptionTestHost.Values((PublishResponse)await initial);
        Assert.Equal([1.0], values);
        return (subscription, created.MonitoredItemId);
    }

    private MonitoredItem Item(uint subscription, uint item)
    {
        Assert.True(_host.Manager.For(_host.Session.SessionId).TryGet(subscription, out Subscription? s));
        Assert.True(s.TryGetItem(item, out MonitoredItem? monitored));
        return monitored;
    }

    private void SetSpeed(params double[] values)
    {
        foreach (double v in values)
        {
            _host.Host.Speed.SetValue(new Variant(v));
        }
    }

    /// <summary>Publishes once after <paramref name="ticks"/> publishing intervals and returns the reported values.</summary>
    private async Task<double[]> PublishAfterAsync(int ticks = 1)
    {
        Task<IServiceResponse> publish = _host.Publish();
        _host.Tick(ticks: ticks);
        Assert.False(_host.HasQueuedPublish, "a message was due");
        return SubscriptionTestHost.Values((PublishResponse)await publish);
    }

    /// <summary>
    /// A negative sampling interval means the publishing interval (100 ms); a positive one is raised to the fastest timer
    /// rate (10 ms) and capped at the slowest (1 h); 0 on a stored variable stays 0 (every change). Queue size 0 becomes 1 and
    /// is capped at 10,000.
    /// </summary>
    [Theory]
    [InlineData(-1.0, 0u, 100.0, 1u)]
    [InlineData(5.0, 1u, 10.0, 1u)]
    [InlineData(250.0, 20_000u, 250.0, 10_000u)]
    [InlineData(1e9, 7u, 3_600_000.0, 7u)]
    [InlineData(0.0, 10u, 0.0, 10u)]
    public async Task ModifyMonitoredItems_RequestedSamplingAndQueueSize_RevisedReturnedAndApplied(
        double sampling, uint queueSize, double revisedSampling, uint revisedQueueSize)
    {
        (uint subscription, uint item) = await MonitorSpeedAsync();

        ModifyMonitoredItemsResponse response = _host.ModifyItems(subscription, TimestampsToReturn.Both,
            SubscriptionTestHost.ModifyRequest(item, clientHandle: 9, sampling: sampling, queueSize: queueSize));

        MonitoredItemModifyResult result = Assert.Single(response.Results!);
        Assert.Equal(StatusCode.Good, result.StatusCode);
        Assert.Equal(revisedSampling, result.RevisedSamplingInterval);
        Assert.Equal(revisedQueueSize, result.RevisedQueueSize);
        MonitoredItemSettings settings = Item(subscription, item).Settings;
        Assert.Equal((9u, revisedSampling, (int)revisedQueueSize), (settings.ClientHandle, settings.SamplingInterval, settings.QueueSize));
    }

    [Fact]
    public async Task ModifyMonitoredItems_NewClientHandle_UsedInLaterNotifications()
    {
        (uint subscription, uint item) = await MonitorSpeedAsync();
        _host.ModifyItems(subscription, TimestampsToReturn.Both, SubscriptionTestHost.ModifyRequest(item, clientHandle: 31));
        SetSpeed(2.0);

        Task<IServiceResponse> publish = _host.Publish();
        _host.Tick();

        Assert.Equal([(31u, 2.0)], SubscriptionTestHost.Notifications((PublishResponse)await publish).Select(n => (n.Handle, (double)n.Value.Value.Value!)));
    }

    [Fact]
    public async Task ModifyMonitoredItems_SamplingRaisedFromEveryChangeToOneSecond_ChangesBetweenSamplesCollapse()
    {
        (uint subscription, uint item) = await MonitorSpeedAsync();

        ModifyMonitoredItemsResponse response = _host.ModifyItems(subscription, TimestampsToReturn.Both, SubscriptionTestHost.ModifyRequest(item, sampling: 1000));
        SetSpeed(2.0, 3.0);
        double[] values = await PublishAfterAsync(ticks: 12); // the 1 s sample comes with the 10th tick

        Assert.Equal(1000, Assert.Single(response.Results!).RevisedSamplingInterval);
        Assert.Equal([3.0], values); // every change (sampling 0) would have reported 2.0 and 3.0
    }

    [Fact]
    public async Task ModifyMonitoredItems_SmallerQueueAndDiscardNewest_NewestReplacedWithOverflowBit()
    {
        (uint subscription, uint item) = await MonitorSpeedAsync(queueSize: 10, discardOldest: true);

        _host.ModifyItems(subscription, TimestampsToReturn.Both, SubscriptionTestHost.ModifyRequest(item, queueSize: 3, discardOldest: false));
        SetSpeed(2.0, 3.0, 4.0, 5.0);
        Task<IServiceResponse> publish = _host.Publish();
        _host.Tick();

        var notifications = SubscriptionTestHost.Notifications((PublishResponse)await publish);
        Assert.Equal([2.0, 3.0, 5.0], notifications.Select(n => (double)n.Value.Value.Value!)); // discard oldest would give 3, 4, 5
        Assert.Equal([0u, 0u, 0x480u], notifications.Select(n => n.Value.Status.Code));
        Assert.Equal(1, Item(subscription, item).DiscardedCount);
    }

    [Fact]
    public async Task ModifyMonitoredItems_DiscardOldestAgain_OldestDroppedWithOverflowBitOnTheNextOldest()
    {
        (uint subscription, uint item) = await MonitorSpeedAsync(queueSize: 3, discardOldest: false);

        _host.ModifyItems(subscription, TimestampsToReturn.Both, SubscriptionTestHost.ModifyRequest(item, queueSize: 3, discardOldest: true));
        SetSpeed(2.0, 3.0, 4.0, 5.0);
        Task<IServiceResponse> publish = _host.Publish();
        _host.Tick();

        var notifications = SubscriptionTestHost.Notifications((PublishResponse)await publish);
        Assert.Equal([3.0, 4.0, 5.0], notifications.Select(n => (double)n.Value.Value.Value!));
        Assert.Equal([0x480u, 0u, 0u], notifications.Select(n => n.Value.Status.Code));
    }

    [Fact]
    public async Task ModifyMonitoredItems_TimestampsNeither_LaterNotificationsCarryNoTimestamps()
    {
        (uint subscription, uint item) = await MonitorSpeedAsync();

        _host.ModifyItems(subscription, TimestampsToReturn.Neither, SubscriptionTestHost.ModifyRequest(item));
        SetSpeed(2.0);
        Task<IServiceResponse> publish = _host.Publish();
        _host.Tick();

        DataValue value = Assert.Single(SubscriptionTestHost.Notifications((PublishResponse)await publish)).Value;
        Assert.Equal(2.0, (double)value.Value.Value!);
        Assert.Null(value.SourceTimestamp);
        Assert.Null(value.ServerTimestamp);
    }

    [Fact]
    public async Task ModifyMonitoredItems_UnknownItemId_PerItemBadMonitoredItemIdInvalidOthersModified()
    {
        (uint subscription, uint item) = await MonitorSpeedAsync();

        ModifyMonitoredItemsResponse response = _host.ModifyItems(subscription, TimestampsToReturn.Both,
            SubscriptionTestHost.ModifyRequest(item + 1000, queueSize: 4), SubscriptionTestHost.ModifyRequest(item, queueSize: 4));

        Assert.Equal([StatusCode.BadMonitoredItemIdInvalid, StatusCode.Good], response.Results!.Select(r => r.StatusCode));
        Assert.Equal(4u, response.Results![1].RevisedQueueSize);
        Assert.Equal(4, Item(subscription, item).Settings.QueueSize);
    }

    [Fact]
    public async Task ModifyMonitoredItems_UnknownSubscription_BadSubscriptionIdInvalid()
    {
        (uint subscription, uint item) = await MonitorSpeedAsync();

        var ex = Assert.Throws<ServiceResultException>(() =>
            _host.ModifyItems(subscription + 1, TimestampsToReturn.Both, SubscriptionTestHost.ModifyRequest(item)));

        Assert.Equal(StatusCode.BadSubscriptionIdInvalid, ex.StatusCode);
    }

    [Fact]
    public async Task ModifyMonitoredItems_InvalidTimestampsToReturn_BadTimestampsToReturnInvalidAndUnchanged()
    {
        (uint subscription, uint item) = await MonitorSpeedAsync(queueSize: 10);

        var ex = Assert.Throws<ServiceResultException>(() =>
            _host.ModifyItems(subscription, (TimestampsToReturn)4, SubscriptionTestHost.ModifyRequest(item, queueSize: 2)));

        Assert.Equal(StatusCode.BadTimestampsToReturnInvalid, ex.StatusCode);
        Assert.Equal(10, Item(subscription, item).Settings.QueueSize);
    }

    [Fact]
    public async Task SetMonitoringMode_Disabled_ChangesNotReportedOnlyKeepAlive()
    {
        (uint subscription, uint item) = await MonitorSpeedAsync();

        SetMonitoringModeResponse response = _host.SetMode(subscription, MonitoringMode.Disabled, item);
        SetSpeed(2.0, 3.0);
        Task<IServiceResponse> publish = _host.Publish();
        _host.Tick(ticks: 99);
        bool reportedEarly = !_host.HasQueuedPublish;
        _host.Tick(); // the 100th tick without data: keep-alive

        Assert.Equal([StatusCode.Good], response.Results!);
        Assert.False(reportedEarly);
        Assert.Empty(((PublishResponse)await publish).NotificationMessage.NotificationData);
        Assert.Equal(0, Item(subscription, item).QueuedCount);
    }

    [Fact]
    public async Task SetMonitoringMode_ReportingAfterDisabled_ReportsTheCurrentValueThenEveryChange()
    {
        (uint subscription, uint item) = await MonitorSpeedAsync();
        _host.SetMode(subscription, MonitoringMode.Disabled, item);
        SetSpeed(2.0, 3.0);

        SetMonitoringModeResponse response = _host.SetMode(subscription, MonitoringMode.Reporting, item);
        double[] resumed = await PublishAfterAsync();
        SetSpeed(4.0, 5.0);
        double[] later = await PublishAfterAsync();

        Assert.Equal([StatusCode.Good], response.Results!);
        Assert.Equal([3.0], resumed);
        Assert.Equal([4.0, 5.0], later);
    }

    [Fact]
    public async Task SetMonitoringMode_SamplingThenReporting_QueuedValuesReportedOnlyAfterReporting()
    {
        (uint subscription, uint item) = await MonitorSpeedAsync();

        _host.SetMode(subscription, MonitoringMode.Sampling, item);
        SetSpeed(2.0, 3.0);
        Task<IServiceResponse> whileSampling = _host.Publish();
        _host.Tick(ticks: 100);
        int queuedWhileSampling = Item(subscription, item).QueuedCount;
        _host.SetMode(subscription, MonitoringMode.Reporting, item);
        double[] reported = await PublishAfterAsync();

        Assert.Empty(((PublishResponse)await whileSampling).NotificationMessage.NotificationData);
        Assert.Equal(2, queuedWhileSampling);
        Assert.Equal([2.0, 3.0], reported);
    }

    [Fact]
    public async Task SetMonitoringMode_UnknownItemId_PerItemBadMonitoredItemIdInvalidOthersChanged()
    {
        (uint subscription, uint item) = await MonitorSpeedAsync();

        SetMonitoringModeResponse response = _host.SetMode(subscription, MonitoringMode.Disabled, item + 1000, item);

        Assert.Equal([StatusCode.BadMonitoredItemIdInvalid, StatusCode.Good], response.Results!);
        Assert.Equal(MonitoringMode.Disabled, Item(subscription, item).Settings.Mode);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(-1)]
    public async Task SetMonitoringMode_UndefinedMode_BadMonitoringModeInvalidAndUnchanged(int mode)
    {
        (uint subscription, uint item) = await MonitorSpeedAsync();

        var ex = Assert.Throws<ServiceResultException>(() => _host.SetMode(subscription, (MonitoringMode)mode, item));

        Assert.Equal(StatusCode.BadMonitoringModeInvalid, ex.StatusCode);
        Assert.Equal(MonitoringMode.Reporting, Item(subscription, item).Settings.Mode);
    }

    [Fact]
    public async Task SetMonitoringMode_UnknownSubscription_BadSubscriptionIdInvalid()
    {
        (uint subscription, uint item) = await MonitorSpeedAsync();

        var ex = Assert.Throws<ServiceResultException>(() => _host.SetMode(subscription + 1, MonitoringMode.Disabled, item));

        Assert.Equal(StatusCode.BadSubscriptionIdInvalid, ex.StatusCode);
    }
}
