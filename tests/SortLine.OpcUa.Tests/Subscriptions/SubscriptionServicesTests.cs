using SortLine.OpcUa.Encoding;
using SortLine.OpcUa.Services;
using SortLine.OpcUa.Subscriptions;

namespace SortLine.OpcUa.Tests.Subscriptions;

/// <summary>The subscription state machine driven by a fake clock (OPC 10000-4 §5.13; opcua.md §5).</summary>
public sealed partial class SubscriptionServicesTests
{
    [Fact]
    public void CreateSubscription_IllegalValues_RevisedNotRefused()
    {
        var host = new SubscriptionTestHost();

        CreateSubscriptionResponse response = host.CreateSubscription(interval: 0, lifetime: 1, keepAlive: 0);

        Assert.Equal(20, response.RevisedPublishingInterval);
        Assert.Equal(1u, response.RevisedMaxKeepAliveCount);
        Assert.True(response.RevisedLifetimeCount >= 3 * response.RevisedMaxKeepAliveCount);
    }

    [Fact]
    public async Task Publish_WithoutSubscription_BadNoSubscription()
    {
        var host = new SubscriptionTestHost();

        var ex = await Assert.ThrowsAsync<ServiceResultException>(() => host.Publish());

        Assert.Equal(StatusCode.BadNoSubscription, ex.StatusCode);
    }

    [Fact]
    public async Task FirstTick_NothingToReport_KeepAliveWithNextSequenceNumber()
    {
        var host = new SubscriptionTestHost();
        host.CreateSubscription();
        Task<IServiceResponse> publish = host.Publish();

        host.Tick();

        var response = (PublishResponse)await publish;
        Assert.Empty(response.NotificationMessage.NotificationData);
        Assert.Equal(1u, response.NotificationMessage.SequenceNumber);
        Assert.Empty(response.AvailableSequenceNumbers!);
    }

    [Fact]
    public async Task KeepAlive_SentAfterMaxKeepAliveCountTicksWithoutData()
    {
        var host = new SubscriptionTestHost();
        host.CreateSubscription(keepAlive: 3);
        Task<IServiceResponse> first = host.Publish();
        host.Tick();
        await first;
        Task<IServiceResponse> second = host.Publish();

        host.Tick(ticks: 2);
        bool earlyCompleted = second.IsCompleted;
        host.Tick();

        Assert.False(earlyCompleted);
        var response = (PublishResponse)await second;
        Assert.Empty(response.NotificationMessage.NotificationData);
    }

    [Fact]
    public async Task DataChange_InitialValueThenEachChange_ReportedWithClientHandleInOrder()
    {
        var host = new SubscriptionTestHost();
        uint id = host.CreateSubscription().SubscriptionId;
        Assert.Equal(StatusCode.Good, host.Monitor(id, host.Host.Speed.NodeId, clientHandle: 42, queueSize: 10).StatusCode);
        host.Host.Speed.SetValue(new Variant(2.0));
        host.Host.Speed.SetValue(new Variant(3.0));
        Task<IServiceResponse> publish = host.Publish();

        host.Tick();

        var notifications = SubscriptionTestHost.Notifications((PublishResponse)await publish);
        Assert.Equal([1.0, 2.0, 3.0], notifications.Select(n => (double)n.Value.Value.Value!));
        Assert.All(notifications, n => Assert.Equal(42u, n.Handle));
        Assert.All(notifications, n => Assert.NotNull(n.Value.ServerTimestamp));
    }

    [Fact]
    public async Task DataChange_SameValueAgain_NotReportedByDefaultTrigger()
    {
        var host = new SubscriptionTestHost();
        uint id = host.CreateSubscription().SubscriptionId;
        host.Monitor(id, host.Host.Speed.NodeId);
        host.Host.Speed.SetValue(new Variant(1.0));
        Task<IServiceResponse> publish = host.Publish();

        host.Tick();

        Assert.Single(SubscriptionTestHost.Notifications((PublishResponse)await publish));
    }

    [Fact]
    public async Task AbsoluteDeadband_SmallChangesFiltered()
    {
        var host = new SubscriptionTestHost();
        uint id = host.CreateSubscription().SubscriptionId;
        host.Monitor(id, host.Host.Speed.NodeId, filter: new DataChangeFilter(DataChangeTrigger.StatusValue, 0.5).ToExtensionObject());
        host.Host.Speed.SetValue(new Variant(1.3));
        host.Host.Speed.SetValue(new Variant(1.6));
        host.Host.Speed.SetValue(new Variant(1.9));
        Task<IServiceResponse> publish = host.Publish();

        host.Tick();

        Assert.Equal([1.0, 1.6], SubscriptionTestHost.Notifications((PublishResponse)await publish).Select(n => (double)n.Value.Value.Value!));
    }

    [Fact]
    public void Deadband_OnStringVariable_BadFilterNotAllowed()
    {
        var host = new SubscriptionTestHost();
        uint id = host.CreateSubscription().SubscriptionId;
        var text = host.Host.Builder.AddVariable(host.Host.Folder.NodeId, NodeId.FromString(host.Host.Ns, "Text"), "Text", global::SortLine.OpcUa.AddressSpace.DataTypeIds.String, new Variant("a"));

        MonitoredItemCreateResult result = host.Monitor(id, text.NodeId, filter: new DataChangeFilter(DataChangeTrigger.StatusValue, 1).ToExtensionObject());

        Assert.Equal(StatusCode.BadFilterNotAllowed, result.StatusCode);
    }

    [Fact]
    public async Task TimerSampling_ValueSourcePolledOnTheFakeClock()
    {
        var host = new SubscriptionTestHost();
        uint id = host.CreateSubscription(interval: 1000).SubscriptionId;
        double current = 5;
        host.Host.Speed.ValueSource = () => new DataValue { Value = new Variant(current) };
        MonitoredItemCreateResult created = host.Monitor(id, host.Host.Speed.NodeId, sampling: 0);
        current = 6;
        host.Tick(intervalMs: created.RevisedSamplingInterval);
        current = 7;
        host.Tick(intervalMs: created.RevisedSamplingInterval);
        Task<IServiceResponse> publish = host.Publish();

        host.Tick(intervalMs: 1000);

        Assert.True(created.RevisedSamplingInterval > 0, "a polled variable cannot report every change");
        Assert.Equal([5.0, 6.0, 7.0], SubscriptionTestHost.Notifications((PublishResponse)await publish).Select(n => (double)n.Value.Value.Value!));
    }

    [Fact]
    public async Task QueueOverflow_DiscardOldest_NewestKeptAndOverflowBitOnOldestRemaining()
    {
        var host = new SubscriptionTestHost();
        uint id = host.CreateSubscription().SubscriptionId;
        host.Monitor(id, host.Host.Speed.NodeId, queueSize: 3, discardOldest: true);
        foreach (double v in new[] { 2.0, 3.0, 4.0 })
        {
            host.Host.Speed.SetValue(new Variant(v));
        }

        Task<IServiceResponse> publish = host.Publish();
        host.Tick();

        var values = SubscriptionTestHost.Notifications((PublishResponse)await publish);
        Assert.Equal([2.0, 3.0, 4.0], values.Select(n => (double)n.Value.Value.Value!));
        Assert.Equal(0x480u, values[0].Value.Status.Code);
        Assert.Equal(0u, values[1].Value.Status.Code);
        Assert.Equal(1, host.Manager.DiscardedNotificationCount); // the initial value 1.0 went first
    }

    [Fact]
    public async Task Acknowledgements_ProcessedOnArrival_PerAcknowledgementResults()
    {
        var host = new SubscriptionTestHost();
        uint id = host.CreateSubscription().SubscriptionId;
        host.Monitor(id, host.Host.Speed.NodeId);
        Task<IServiceResponse> first = host.Publish();
        host.Tick();
        uint sequence = ((PublishResponse)await first).NotificationMessage.SequenceNumber;

        Task<IServiceResponse> second = host.Publish(new SubscriptionAcknowledgement(id, sequence), new SubscriptionAcknowledgement(id, 999), new SubscriptionAcknowledgement(777, 1));
        host.Tick(ticks: 3);

        var response = (PublishResponse)await second;
        Assert.Equal([StatusCode.Good, StatusCode.BadSequenceNumberUnknown, StatusCode.BadSubscriptionIdInvalid], response.Results!);
        Assert.DoesNotContain(sequence, response.AvailableSequenceNumbers!);
    }

    [Fact]
    public async Task Republish_HeldMessageReturned_AcknowledgedOneBadMessageNotAvailable()
    {
        var host = new SubscriptionTestHost();
        uint id = host.CreateSubscription().SubscriptionId;
        host.Monitor(id, host.Host.Speed.NodeId);
        Task<IServiceResponse> first = host.Publish();
        host.Tick();
        var sent = (PublishResponse)await first;
        uint sequence = sent.NotificationMessage.SequenceNumber;

        RepublishResponse again = host.Subscriptions.Republish(host.Context, new RepublishRequest { RequestHeader = SubscriptionTestHost.Header, SubscriptionId = id, RetransmitSequenceNumber = sequence });
        _ = host.Publish(new SubscriptionAcknowledgement(id, sequence));
        var gone = Assert.Throws<ServiceResultException>(() =>
            host.Subscriptions.Republish(host.Context, new RepublishRequest { RequestHeader = SubscriptionTestHost.Header, SubscriptionId = id, RetransmitSequenceNumber = sequence }));

        Assert.Same(sent.NotificationMessage, again.NotificationMessage);
        Assert.Contains(sequence, sent.AvailableSequenceNumbers!);
        Assert.Equal(StatusCode.BadMessageNotAvailable, gone.StatusCode);
    }

    [Fact]
    public async Task Lifetime_NoPublishForLifetimeCountTicks_SubscriptionDeleted()
    {
        var host = new SubscriptionTestHost();
        host.CreateSubscription(lifetime: 9, keepAlive: 3);

        host.Tick(ticks: 8);
        int aliveBefore = host.Manager.SubscriptionCount;
        host.Tick();

        Assert.Equal(1, aliveBefore);
        Assert.Equal(0, host.Manager.SubscriptionCount);
        var ex = await Assert.ThrowsAsync<ServiceResultException>(() => host.Publish());
        Assert.Equal(StatusCode.BadNoSubscription, ex.StatusCode);
    }

    [Fact]
    public async Task Late_MessageDueWithoutRequest_NextPublishAnsweredAtOnce()
    {
        var host = new SubscriptionTestHost();
        uint id = host.CreateSubscription().SubscriptionId;
        host.Monitor(id, host.Host.Speed.NodeId);
        host.Tick();

        Task<IServiceResponse> publish = host.Publish();

        Assert.True(publish.IsCompleted);
        Assert.Single(SubscriptionTestHost.Notifications((PublishResponse)await publish));
    }

    [Fact]
    public async Task TooManyPublishRequests_OldestAnsweredBadTooManyPublishRequests()
    {
        var host = new SubscriptionTestHost(new SubscriptionLimits { MaxPublishRequestsPerSession = 2 });
        host.CreateSubscription(keepAlive: 100, lifetime: 300);
        Task<IServiceResponse> first = host.Publish();
        host.Tick();
        await first;
        Task<IServiceResponse> oldest = host.Publish();
        Task<IServiceResponse> middle = host.Publish();

        Task<IServiceResponse> newest = host.Publish();

        var ex = await Assert.ThrowsAsync<ServiceResultException>(() => oldest);
        Assert.Equal(StatusCode.BadTooManyPublishRequests, ex.StatusCode);
        Assert.False(middle.IsCompleted);
        Assert.False(newest.IsCompleted);
    }

    [Fact]
    public async Task PublishTimeoutHint_Elapsed_BadTimeout()
    {
        var host = new SubscriptionTestHost();
        host.CreateSubscription(keepAlive: 100, lifetime: 300);
        Task<IServiceResponse> first = host.Publish();
        host.Tick();
        await first;
        Task<IServiceResponse> waiting = host.Publish(timeoutHint: 250);

        host.Tick(ticks: 3);

        var ex = await Assert.ThrowsAsync<ServiceResultException>(() => waiting);
        Assert.Equal(StatusCode.BadTimeout, ex.StatusCode);
    }

    [Fact]
    public async Task MaxNotificationsPerPublish_Exceeded_MoreNotificationsAndNextRequestAnswered()
    {
        var host = new SubscriptionTestHost();
        uint id = host.CreateSubscription(maxNotifications: 2).SubscriptionId;
        host.Monitor(id, host.Host.Speed.NodeId);
        host.Host.Speed.SetValue(new Variant(2.0));
        host.Host.Speed.SetValue(new Variant(3.0));
        Task<IServiceResponse> first = host.Publish();
        Task<IServiceResponse> second = host.Publish();

        host.Tick();

        var a = (PublishResponse)await first;
        var b = (PublishResponse)await second;
        Assert.True(a.MoreNotifications);
        Assert.False(b.MoreNotifications);
        Assert.Equal([1.0, 2.0, 3.0], SubscriptionTestHost.Notifications(a).Concat(SubscriptionTestHost.Notifications(b)).Select(n => (double)n.Value.Value.Value!));
        Assert.Equal(a.NotificationMessage.SequenceNumber + 1, b.NotificationMessage.SequenceNumber);
    }

    [Fact]
    public async Task SetPublishingMode_Disabled_OnlyKeepAlives()
    {
        var host = new SubscriptionTestHost();
        uint id = host.CreateSubscription(keepAlive: 2).SubscriptionId;
        host.Monitor(id, host.Host.Speed.NodeId);
        SetPublishingModeResponse mode = host.Subscriptions.SetPublishingMode(host.Context, new SetPublishingModeRequest { RequestHeader = SubscriptionTestHost.Header, PublishingEnabled = false, SubscriptionIds = [id, 4242] });
        Task<IServiceResponse> publish = host.Publish();

        host.Tick();

        Assert.Equal([StatusCode.Good, StatusCode.BadSubscriptionIdInvalid], mode.Results!);
        Assert.Empty(((PublishResponse)await publish).NotificationMessage.NotificationData);
    }

    [Fact]
    public void CreateMonitoredItems_UnknownNodeAndBadAttribute_PerItemResults()
    {
        var host = new SubscriptionTestHost();
        uint id = host.CreateSubscription().SubscriptionId;

        StatusCode unknown = host.Monitor(id, NodeId.FromString(host.Host.Ns, "Nope")).StatusCode;
        StatusCode badAttribute = host.Monitor(id, host.Host.Folder.NodeId, attributeId: 13).StatusCode;
        StatusCode displayName = host.Monitor(id, host.Host.Folder.NodeId, attributeId: 4).StatusCode;

        Assert.Equal(StatusCode.BadNodeIdUnknown, unknown);
        Assert.Equal(StatusCode.BadAttributeIdInvalid, badAttribute);
        Assert.Equal(StatusCode.Good, displayName);
    }

    [Fact]
    public void MonitoredItemLimit_PerSubscription_BadTooManyMonitoredItems()
    {
        var host = new SubscriptionTestHost(new SubscriptionLimits { MaxMonitoredItemsPerSubscription = 2 });
        uint id = host.CreateSubscription().SubscriptionId;
        host.Monitor(id, host.Host.Speed.NodeId);
        host.Monitor(id, host.Host.Interval.NodeId);

        StatusCode third = host.Monitor(id, host.Host.ReadOnly.NodeId).StatusCode;

        Assert.Equal(StatusCode.BadTooManyMonitoredItems, third);
    }

    [Fact]
    public void SubscriptionLimit_PerSession_BadTooManySubscriptions()
    {
        var host = new SubscriptionTestHost(new SubscriptionLimits { MaxSubscriptionsPerSession = 1 });
        host.CreateSubscription();

        var ex = Assert.Throws<ServiceResultException>(() => host.CreateSubscription());

        Assert.Equal(StatusCode.BadTooManySubscriptions, ex.StatusCode);
    }

    [Fact]
    public async Task DeleteMonitoredItems_ThenChanges_NotReported()
    {
        var host = new SubscriptionTestHost();
        uint id = host.CreateSubscription().SubscriptionId;
        uint item = host.Monitor(id, host.Host.Speed.NodeId).MonitoredItemId;
        Task<IServiceResponse> first = host.Publish();
        host.Tick();
        await first;

        DeleteMonitoredItemsResponse deleted = host.Items.DeleteMonitoredItems(host.Context, new DeleteMonitoredItemsRequest { RequestHeader = SubscriptionTestHost.Header, SubscriptionId = id, MonitoredItemIds = [item, item] });
        host.Host.Speed.SetValue(new Variant(9.0));
        Task<IServiceResponse> second = host.Publish();
        host.Tick(ticks: 3);

        Assert.Equal([StatusCode.Good, StatusCode.BadMonitoredItemIdInvalid], deleted.Results!);
        Assert.Equal(0, host.Manager.MonitoredItemCount);
        Assert.Empty(((PublishResponse)await second).NotificationMessage.NotificationData);
    }

    [Fact]
    public async Task SessionClosed_QueuedPublishFails_SubscriptionsDeleted()
    {
        var host = new SubscriptionTestHost();
        host.CreateSubscription(keepAlive: 100, lifetime: 300);
        Task<IServiceResponse> first = host.Publish();
        host.Tick();
        await first;
        Task<IServiceResponse> waiting = host.Publish();

        host.Manager.CloseSession(host.Session.SessionId);

        var ex = await Assert.ThrowsAsync<ServiceResultException>(() => waiting);
        Assert.Equal(StatusCode.BadSessionClosed, ex.StatusCode);
        Assert.Equal(0, host.Manager.SubscriptionCount);
    }
}
