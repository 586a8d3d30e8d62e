using SortLine.OpcUa.AddressSpace;
using SortLine.OpcUa.Encoding;
using SortLine.OpcUa.Subscriptions;

namespace SortLine.OpcUa.Services;

/// <summary>
/// CreateMonitoredItems, ModifyMonitoredItems, SetMonitoringMode and DeleteMonitoredItems (OPC 10000-4 §5.12). Data
/// change monitoring of the Value attribute (sampling interval 0 = every change of a stored variable; otherwise a
/// timer on the injected clock), and of any other readable attribute (reported once: attributes other than Value are
/// fixed once a node is built). Per-item failures go into Results.
/// </summary>
internal sealed class MonitoredItemServices(INodeStore store, AttributeServices attributes, SubscriptionManager subscriptions)
{
    /// <summary>The table entries of this service set.</summary>
    public IEnumerable<ServiceDescription> Describe()
    {
        yield return ServiceDescription.Create<CreateMonitoredItemsRequest>(CreateMonitoredItemsRequest.EncodingId, SessionRequirement.ActivatedSession, CreateMonitoredItemsRequest.Decode, CreateMonitoredItems);
        yield return ServiceDescription.Create<ModifyMonitoredItemsRequest>(ModifyMonitoredItemsRequest.EncodingId, SessionRequirement.ActivatedSession, ModifyMonitoredItemsRequest.Decode, ModifyMonitoredItems);
        yield return ServiceDescription.Create<SetMonitoringModeRequest>(SetMonitoringModeRequest.EncodingId, SessionRequirement.ActivatedSession, SetMonitoringModeRequest.Decode, SetMonitoringMode);
        yield return ServiceDescription.Create<DeleteMonitoredItemsRequest>(DeleteMonitoredItemsRequest.EncodingId, SessionRequirement.ActivatedSession, DeleteMonitoredItemsRequest.Decode, DeleteMonitoredItems);
    }

    /// <summary>Creates monitored items; each queues the current value first.</summary>
    public CreateMonitoredItemsResponse CreateMonitoredItems(ServiceContext context, CreateMonitoredItemsRequest request)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(request);
        CheckTimestamps(request.TimestampsToReturn);
        MonitoredItemCreateRequest[] items = CheckCount(request.ItemsToCreate);
        SessionSubscriptions session = subscriptions.For(context.RequiredSession.SessionId);
        var results = new MonitoredItemCreateResult[items.Length];
        lock (session.Gate)
        {
            Subscription subscription = Find(session, request.SubscriptionId);
            for (int i = 0; i < items.Length; i++)
            {
                results[i] = CreateOne(session, subscription, items[i], request.TimestampsToReturn);
            }
        }

        return new CreateMonitoredItemsResponse { Results = results, DiagnosticInfos = [] };
    }

    /// <summary>Changes items' parameters.</summary>
    public ModifyMonitoredItemsResponse ModifyMonitoredItems(ServiceContext context, ModifyMonitoredItemsRequest request)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(request);
        CheckTimestamps(request.TimestampsToReturn);
        MonitoredItemModifyRequest[] items = CheckCount(request.ItemsToModify);
        SessionSubscriptions session = subscriptions.For(context.RequiredSession.SessionId);
        var results = new MonitoredItemModifyResult[items.Length];
        lock (session.Gate)
        {
            Subscription subscription = Find(session, request.SubscriptionId);
            for (int i = 0; i < items.Length; i++)
            {
                if (!subscription.TryGetItem(items[i].MonitoredItemId, out MonitoredItem? item))
                {
                    results[i] = new MonitoredItemModifyResult { StatusCode = StatusCode.BadMonitoredItemIdInvalid };
                    continue;
                }

                StatusCode status = Revise(item.Source, items[i].RequestedParameters, item.Settings.Mode, request.TimestampsToReturn, subscription, out MonitoredItemSettings? settings);
                if (status.IsBad)
                {
                    results[i] = new MonitoredItemModifyResult { StatusCode = status };
                    continue;
                }

                item.Apply(settings!);
                results[i] = new MonitoredItemModifyResult { RevisedSamplingInterval = settings!.SamplingInterval, RevisedQueueSize = (uint)settings.QueueSize };
            }
        }

        return new ModifyMonitoredItemsResponse { Results = results, DiagnosticInfos = [] };
    }

    /// <summary>Sets items' monitoring mode (leaving Disabled queues the current value; entering it clears the queue).</summary>
    public SetMonitoringModeResponse SetMonitoringMode(ServiceContext context, SetMonitoringModeRequest request)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(request);
        if (request.MonitoringMode is < MonitoringMode.Disabled or > MonitoringMode.Reporting)
        {
            throw new ServiceResultException(StatusCode.BadMonitoringModeInvalid);
        }

        uint[] ids = CheckCount(request.MonitoredItemIds);
        SessionSubscriptions session = subscriptions.For(context.RequiredSession.SessionId);
        var results = new StatusCode[ids.Length];
        lock (session.Gate)
        {
            Subscription subscription = Find(session, request.SubscriptionId);
            for (int i = 0; i < ids.Length; i++)
            {
                if (subscription.TryGetItem(ids[i], out MonitoredItem? item))
                {
                    item.Apply(item.Settings with { Mode = request.MonitoringMode });
                    results[i] = StatusCode.Good;
                }
                else
                {
                    results[i] = StatusCode.BadMonitoredItemIdInvalid;
                }
            }
        }

        return new SetMonitoringModeResponse { Results = results, DiagnosticInfos = [] };
    }

    /// <summary>Deletes items.</summary>
    public DeleteMonitoredItemsResponse DeleteMonitoredItems(ServiceContext context, DeleteMonitoredItemsRequest request)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(request);
        uint[] ids = CheckCount(request.MonitoredItemIds);
        SessionSubscriptions session = subscriptions.For(context.RequiredSession.SessionId);
        var results = new StatusCode[ids.Length];
        lock (session.Gate)
        {
            Subscription subscription = Find(session, request.SubscriptionId);
            for (int i = 0; i < ids.Length; i++)
            {
                if (subscription.RemoveItem(ids[i]))
                {
                    subscriptions.ReleaseMonitoredItems(1);
                    results[i] = StatusCode.Good;
                }
                else
                {
                    results[i] = StatusCode.BadMonitoredItemIdInvalid;
                }
            }
        }

        return new DeleteMonitoredItemsResponse { Results = results, DiagnosticInfos = [] };
    }

    private MonitoredItemCreateResult CreateOne(SessionSubscriptions session, Subscription subscription, MonitoredItemCreateRequest request, TimestampsToReturn timestamps)
    {
        StatusCode status = ResolveSource(request.ItemToMonitor, out MonitoredItemSource? source);
        if (status.IsBad)
        {
            return new MonitoredItemCreateResult { StatusCode = status };
        }

        if (request.MonitoringMode is < MonitoringMode.Disabled or > MonitoringMode.Reporting)
        {
            return new MonitoredItemCreateResult { StatusCode = StatusCode.BadMonitoringModeInvalid };
        }

        status = Revise(source!, request.RequestedParameters, request.MonitoringMode, timestamps, subscription, out MonitoredItemSettings? settings);
        if (status.IsBad)
        {
            return new MonitoredItemCreateResult { StatusCode = status };
        }

        if (subscription.Items.Count >= subscriptions.Limits.MaxMonitoredItemsPerSubscription || !subscriptions.TryReserveMonitoredItem())
        {
            return new MonitoredItemCreateResult { StatusCode = StatusCode.BadTooManyMonitoredItems };
        }

        var item = new MonitoredItem(session, subscriptions.NextId(), source!, settings!, subscriptions.Time);
        subscription.AddItem(item);
        return new MonitoredItemCreateResult
        {
            MonitoredItemId = item.Id,
            RevisedSamplingInterval = settings!.SamplingInterval,
            RevisedQueueSize = (uint)settings.QueueSize,
        };
    }

    private StatusCode ResolveSource(ReadValueId itemToMonitor, out MonitoredItemSource? source)
    {
        source = null;
        if (!store.TryGetNode(itemToMonitor.NodeId, out Node? node))
        {
            return StatusCode.BadNodeIdUnknown;
        }

        TimeProvider time = subscriptions.Time;
        DataValue probe = attributes.ReadAttribute(itemToMonitor, TimestampsToReturn.Neither, time.GetUtcNow().UtcDateTime);
        StatusCode status = probe.Status.WithoutInfoBits;
        if (status == StatusCode.BadAttributeIdInvalid || status == StatusCode.BadIndexRangeInvalid || status == StatusCode.BadDataEncodingInvalid ||
            status == StatusCode.BadDataEncodingUnsupported || status == StatusCode.BadNotReadable)
        {
            return status;
        }

        if ((AttributeId)itemToMonitor.AttributeId == AttributeId.Value && node is VariableNode variable)
        {
            string? range = string.IsNullOrEmpty(itemToMonitor.IndexRange) ? null : itemToMonitor.IndexRange;
            Func<DataValue> read = range is null ? () => variable.Value : () => ApplyRange(variable.Value, range);
            source = new MonitoredItemSource(
                node.NodeId, read, variable.ValueSource is null && range is null ? variable : null, IsStatic: false, DataChangeFilter.IsNumeric(variable.ValueType));
            return StatusCode.Good;
        }

        source = new MonitoredItemSource(node.NodeId, () => attributes.ReadAttribute(itemToMonitor, TimestampsToReturn.Neither, time.GetUtcNow().UtcDateTime), null, IsStatic: true, IsNumeric: false);
        return StatusCode.Good;
    }

    private static DataValue ApplyRange(DataValue value, string range)
    {
        Variant v = value.Value;
        StatusCode status = AttributeServices.ApplyIndexRange(ref v, range);
        return status.IsBad ? new DataValue { Status = status, SourceTimestamp = value.SourceTimestamp } : value with { Value = v };
    }

    private StatusCode Revise(
        MonitoredItemSource source, MonitoringParameters requested, MonitoringMode mode, TimestampsToReturn timestamps, Subscription subscription, out MonitoredItemSettings? settings)
    {
        settings = null;
        SubscriptionLimits limits = subscriptions.Limits;
        DataChangeFilter filter = DataChangeFilter.Default;
        if (!requested.Filter.IsNull)
        {
            if (source.IsStatic)
            {
                return StatusCode.BadFilterNotAllowed;
            }

            StatusCode filterStatus = DataChangeFilter.TryParse(requested.Filter, out filter);
            if (filterStatus.IsBad)
            {
                return filterStatus;
            }

            if (filter.AbsoluteDeadband > 0 && !source.IsNumeric)
            {
                return StatusCode.BadFilterNotAllowed;
            }
        }

        double sampling = requested.SamplingInterval;
        if (double.IsNaN(sampling) || sampling < 0)
        {
            sampling = subscription.Parameters.PublishingInterval;
        }

        if (!(sampling == 0 && source.ChangeSource is not null))
        {
            double minimum = Math.Max(limits.MinSamplingInterval, source.ChangeSource?.MinimumSamplingInterval ?? 0);
            sampling = Math.Clamp(sampling, minimum, limits.MaxSamplingInterval);
        }

        int queueSize = (int)Math.Clamp(requested.QueueSize, 1u, (uint)limits.MaxQueueSize);
        settings = new MonitoredItemSettings(requested.ClientHandle, mode, sampling, queueSize, requested.DiscardOldest, filter, timestamps);
        return StatusCode.Good;
    }

    private static Subscription Find(SessionSubscriptions session, uint subscriptionId)
    {
        if (!session.TryGet(subscriptionId, out Subscription? subscription))
        {
            throw new ServiceResultException(StatusCode.BadSubscriptionIdInvalid);
        }

        subscription.ResetLifetime();
        return subscription;
    }

    private static void CheckTimestamps(TimestampsToReturn timestamps)
    {
        if (timestamps is < TimestampsToReturn.Source or > TimestampsToReturn.Neither)
        {
            throw new ServiceResultException(StatusCode.BadTimestampsToReturnInvalid);
        }
    }

    private T[] CheckCount<T>(T[]? items)
    {
        T[] checkedItems = items is { Length: > 0 } i ? i : throw new ServiceResultException(StatusCode.BadNothingToDo);
        return checkedItems.Length > subscriptions.Limits.MaxMonitoredItemsPerCall ? throw new ServiceResultException(StatusCode.BadTooManyOperations) : checkedItems;
    }
}
