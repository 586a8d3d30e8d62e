using Microsoft.Extensions.Logging.Abstractions;
using SortLine.OpcUa.Encoding;
using SortLine.OpcUa.Services;
using SortLine.OpcUa.Sessions;
using SortLine.OpcUa.Subscriptions;
using SortLine.OpcUa.Tests.Services;

namespace SortLine.OpcUa.Tests.Subscriptions;

/// <summary>The subscription and monitored item services over <see cref="ServiceTestHost"/> with its fake clock.</summary>
internal sealed class SubscriptionTestHost
{
    public SubscriptionTestHost(SubscriptionLimits? limits = null)
    {
        Manager = new SubscriptionManager(limits ?? new SubscriptionLimits(), Host.Time, NullLogger.Instance);
        Subscriptions = new SubscriptionServices(Manager);
        Items = new MonitoredItemServices(Host.Store, Host.Attributes, Manager);
        Session = Host.ActivatedSession();
        Context = Host.Context(Session);
    }

    public ServiceTestHost Host { get; } = new();

    public SubscriptionManager Manager { get; }

    public SubscriptionServices Subscriptions { get; }

    public MonitoredItemServices Items { get; }

    public Session Session { get; }

    public ServiceContext Context { get; }

    public static RequestHeader Header => new() { RequestHandle = 1 };

    public CreateSubscriptionResponse CreateSubscription(double interval = 100, uint lifetime = 30, uint keepAlive = 3, uint maxNotifications = 0) =>
        Subscriptions.CreateSubscription(Context, new CreateSubscriptionRequest
        {
            RequestHeader = Header,
            RequestedPublishingInterval = interval,
            RequestedLifetimeCount = lifetime,
            RequestedMaxKeepAliveCount = keepAlive,
            MaxNotificationsPerPublish = maxNotifications,
            PublishingEnabled = true,
        });

    public MonitoredItemCreateResult Monitor(uint subscriptionId, NodeId nodeId, uint clientHandle = 1, double sampling = 0, uint queueSize = 10, bool discardOldest = true, ExtensionObject filter = default, uint attributeId = 13) =>
        Items.CreateMonitoredItems(Context, new CreateMonitoredItemsRequest
        {
            RequestHeader = Header,
            SubscriptionId = subscriptionId,
            TimestampsToReturn = TimestampsToReturn.Both,
            ItemsToCreate =
            [
                new MonitoredItemCreateRequest
                {
                    ItemToMonitor = new ReadValueId { NodeId = nodeId, AttributeId = attributeId },
                    MonitoringMode = MonitoringMode.Reporting,
                    RequestedParameters = new MonitoringParameters { ClientHandle = clientHandle, SamplingInterval = sampling, QueueSize = queueSize, DiscardOldest = discardOldest, Filter = filter },
                },
            ],
        }).Results![0];

    public ModifySubscriptionResponse ModifySubscription(uint subscriptionId, double interval, uint lifetime, uint keepAlive, uint maxNotifications = 0, ServiceContext? context = null) =>
        Subscriptions.ModifySubscription(context ?? Context, new ModifySubscriptionRequest
        {
            RequestHeader = Header,
            SubscriptionId = subscriptionId,
            RequestedPublishingInterval = interval,
            RequestedLifetimeCount = lifetime,
            RequestedMaxKeepAliveCount = keepAlive,
            MaxNotificationsPerPublish = maxNotifications,
        });

    public ModifyMonitoredItemsResponse ModifyItems(uint subscriptionId, TimestampsToReturn timestamps, params MonitoredItemModifyRequest[] items) =>
        Items.ModifyMonitoredItems(Context, new ModifyMonitoredItemsRequest
        {
            RequestHeader = Header,
            SubscriptionId = subscriptionId,
            TimestampsToReturn = timestamps,
            ItemsToModify = items,
        });

    public static MonitoredItemModifyRequest ModifyRequest(uint itemId, uint clientHandle = 1, double sampling = 0, uint queueSize = 10, bool discardOldest = true) => new()
    {
        MonitoredItemId = itemId,
        RequestedParameters = new MonitoringParameters { ClientHandle = clientHandle, SamplingInterval = sampling, QueueSize = queueSize, DiscardOldest = discardOldest },
    };

    public SetMonitoringModeResponse SetMode(uint subscriptionId, MonitoringMode mode, params uint[] itemIds) =>
        Items.SetMonitoringMode(Context, new SetMonitoringModeRequest
        {
            RequestHeader = Header,
            SubscriptionId = subscriptionId,
            MonitoringMode = mode,
            MonitoredItemIds = itemIds,
        });

    /// <summary>Values of the notifications of a response, in order.</summary>
    public static double[] Values(PublishResponse response) => [.. Notifications(response).Select(n => (double)n.Value.Value.Value!)];

    public Task<IServiceResponse> Publish(params SubscriptionAcknowledgement[] acknowledgements) => Publish(0, acknowledgements);

    public Task<IServiceResponse> Publish(uint timeoutHint, params SubscriptionAcknowledgement[] acknowledgements) =>
        Subscriptions.PublishAsync(
            Context with { RequestHeader = new RequestHeader { RequestHandle = 2, TimeoutHint = timeoutHint } },
            new PublishRequest { RequestHeader = new RequestHeader { TimeoutHint = timeoutHint }, SubscriptionAcknowledgements = acknowledgements },
            CancellationToken.None).AsTask();

    /// <summary>
    /// True while a Publish request of the session waits in the server's queue. Tests check this rather than the service
    /// task's IsCompleted: the task's continuation may run on another thread after the timer tick answered the request.
    /// </summary>
    public bool HasQueuedPublish => Manager.For(Session.SessionId).HasPendingPublish;

    public void Tick(double intervalMs = 100, int ticks = 1)
    {
        for (int i = 0; i < ticks; i++)
        {
            Host.Time.Advance(TimeSpan.FromMilliseconds(intervalMs));
        }
    }

    /// <summary>Decodes the DataChangeNotification of a response into (client handle, value) pairs.</summary>
    public static List<(uint Handle, DataValue Value)> Notifications(PublishResponse response)
    {
        var list = new List<(uint, DataValue)>();
        foreach (ExtensionObject data in response.NotificationMessage.NotificationData)
        {
            Assert.Equal(new NodeId(NotificationMessage.DataChangeNotificationEncodingId), data.TypeId);
            var reader = new UaBinaryReader(data.Body);
            int count = reader.ReadInt32();
            for (int i = 0; i < count; i++)
            {
                list.Add((reader.ReadUInt32(), reader.ReadDataValue()));
            }
        }

        return list;
    }
}
