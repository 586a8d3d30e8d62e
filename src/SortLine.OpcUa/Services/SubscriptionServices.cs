using SortLine.OpcUa.Encoding;
using SortLine.OpcUa.Subscriptions;

namespace SortLine.OpcUa.Services;

/// <summary>
/// CreateSubscription, ModifySubscription, SetPublishingMode, DeleteSubscriptions, Publish and Republish (OPC 10000-4
/// §5.13). Publish completes asynchronously: the request waits in the session's queue until a subscription has a
/// message (or a keep-alive) for it, its TimeoutHint passes (Bad_Timeout), a newer request pushes it out
/// (Bad_TooManyPublishRequests) or the connection closes.
/// </summary>
internal sealed class SubscriptionServices(SubscriptionManager subscriptions)
{
    /// <summary>The table entries of this service set.</summary>
    public IEnumerable<ServiceDescription> Describe()
    {
        yield return ServiceDescription.Create<CreateSubscriptionRequest>(CreateSubscriptionRequest.EncodingId, SessionRequirement.ActivatedSession, CreateSubscriptionRequest.Decode, CreateSubscription);
        yield return ServiceDescription.Create<ModifySubscriptionRequest>(ModifySubscriptionRequest.EncodingId, SessionRequirement.ActivatedSession, ModifySubscriptionRequest.Decode, ModifySubscription);
        yield return ServiceDescription.Create<SetPublishingModeRequest>(SetPublishingModeRequest.EncodingId, SessionRequirement.ActivatedSession, SetPublishingModeRequest.Decode, SetPublishingMode);
        yield return ServiceDescription.Create<DeleteSubscriptionsRequest>(DeleteSubscriptionsRequest.EncodingId, SessionRequirement.ActivatedSession, DeleteSubscriptionsRequest.Decode, DeleteSubscriptions);
        yield return ServiceDescription.CreateAsync<PublishRequest>(PublishRequest.EncodingId, SessionRequirement.ActivatedSession, PublishRequest.Decode, PublishAsync);
        yield return ServiceDescription.Create<RepublishRequest>(RepublishRequest.EncodingId, SessionRequirement.ActivatedSession, RepublishRequest.Decode, Republish);
    }

    /// <summary>Creates a subscription with revised parameters.</summary>
    public CreateSubscriptionResponse CreateSubscription(ServiceContext context, CreateSubscriptionRequest request)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(request);
        var parameters = SubscriptionParameters.Revise(
            subscriptions.Limits, request.RequestedPublishingInterval, request.RequestedLifetimeCount, request.RequestedMaxKeepAliveCount,
            request.MaxNotificationsPerPublish, request.Priority);
        Subscription subscription = subscriptions.For(context.RequiredSession.SessionId).Create(parameters, request.PublishingEnabled);
        return new CreateSubscriptionResponse
        {
            SubscriptionId = subscription.Id,
            RevisedPublishingInterval = parameters.PublishingInterval,
            RevisedLifetimeCount = parameters.LifetimeCount,
            RevisedMaxKeepAliveCount = parameters.MaxKeepAliveCount,
        };
    }

    /// <summary>Changes a subscription's parameters.</summary>
    public ModifySubscriptionResponse ModifySubscription(ServiceContext context, ModifySubscriptionRequest request)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(request);
        SessionSubscriptions session = subscriptions.For(context.RequiredSession.SessionId);
        var parameters = SubscriptionParameters.Revise(
            subscriptions.Limits, request.RequestedPublishingInterval, request.RequestedLifetimeCount, request.RequestedMaxKeepAliveCount,
            request.MaxNotificationsPerPublish, request.Priority);
        lock (session.Gate)
        {
            if (!session.TryGet(request.SubscriptionId, out Subscription? subscription))
            {
                throw new ServiceResultException(StatusCode.BadSubscriptionIdInvalid);
            }

            subscription.Modify(parameters);
        }

        return new ModifySubscriptionResponse
        {
            RevisedPublishingInterval = parameters.PublishingInterval,
            RevisedLifetimeCount = parameters.LifetimeCount,
            RevisedMaxKeepAliveCount = parameters.MaxKeepAliveCount,
        };
    }

    /// <summary>Enables or disables publishing.</summary>
    public SetPublishingModeResponse SetPublishingMode(ServiceContext context, SetPublishingModeRequest request)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(request);
        uint[] ids = request.SubscriptionIds is { Length: > 0 } s ? s : throw new ServiceResultException(StatusCode.BadNothingToDo);
        SessionSubscriptions session = subscriptions.For(context.RequiredSession.SessionId);
        var results = new StatusCode[ids.Length];
        lock (session.Gate)
        {
            for (int i = 0; i < ids.Length; i++)
            {
                if (session.TryGet(ids[i], out Subscription? subscription))
                {
                    subscription.PublishingEnabled = request.PublishingEnabled;
                    subscription.ResetLifetime();
                    results[i] = StatusCode.Good;
                }
                else
                {
                    results[i] = StatusCode.BadSubscriptionIdInvalid;
                }
            }
        }

        return new SetPublishingModeResponse { Results = results, DiagnosticInfos = [] };
    }

    /// <summary>Deletes subscriptions.</summary>
    public DeleteSubscriptionsResponse DeleteSubscriptions(ServiceContext context, DeleteSubscriptionsRequest request)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(request);
        uint[] ids = request.SubscriptionIds is { Length: > 0 } s ? s : throw new ServiceResultException(StatusCode.BadNothingToDo);
        SessionSubscriptions session = subscriptions.For(context.RequiredSession.SessionId);
        StatusCode[] results = [.. ids.Select(id => session.Delete(id) ? StatusCode.Good : StatusCode.BadSubscriptionIdInvalid)];
        return new DeleteSubscriptionsResponse { Results = results, DiagnosticInfos = [] };
    }

    /// <summary>Queues a Publish request; completes when a subscription answers it.</summary>
    public async ValueTask<IServiceResponse> PublishAsync(ServiceContext context, PublishRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(request);
        if (!subscriptions.TryGet(context.RequiredSession.SessionId, out SessionSubscriptions? session))
        {
            throw new ServiceResultException(StatusCode.BadNoSubscription);
        }

        return await session.PublishAsync(request.SubscriptionAcknowledgements, request.RequestHeader.TimeoutHint, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends a retained NotificationMessage again.</summary>
    public RepublishResponse Republish(ServiceContext context, RepublishRequest request)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(request);
        if (!subscriptions.TryGet(context.RequiredSession.SessionId, out SessionSubscriptions? session))
        {
            throw new ServiceResultException(StatusCode.BadSubscriptionIdInvalid);
        }

        return new RepublishResponse { NotificationMessage = session.Republish(request.SubscriptionId, request.RetransmitSequenceNumber) };
    }
}
