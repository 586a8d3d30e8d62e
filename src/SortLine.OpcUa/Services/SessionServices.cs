using SortLine.OpcUa.Encoding;
using SortLine.OpcUa.Sessions;

namespace SortLine.OpcUa.Services;

/// <summary>CreateSession, ActivateSession and CloseSession (OPC 10000-4 §5.6).</summary>
internal sealed class SessionServices(SessionManager sessions, IdentityValidator identity, EndpointConfiguration endpoints, uint maxRequestMessageSize)
{
    /// <summary>The table entries of this service set.</summary>
    public IEnumerable<ServiceDescription> Describe()
    {
        yield return ServiceDescription.Create<CreateSessionRequest>(CreateSessionRequest.EncodingId, SessionRequirement.None, CreateSessionRequest.Decode, CreateSession);
        yield return ServiceDescription.Create<ActivateSessionRequest>(ActivateSessionRequest.EncodingId, SessionRequirement.None, ActivateSessionRequest.Decode, ActivateSession);
        yield return ServiceDescription.Create<CloseSessionRequest>(CloseSessionRequest.EncodingId, SessionRequirement.Session, CloseSessionRequest.Decode, CloseSession);
    }

    /// <summary>Creates a session bound to the channel (Bad_TooManySessions past the limit).</summary>
    public CreateSessionResponse CreateSession(ServiceContext context, CreateSessionRequest request)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(request);
        Session session = sessions.TryCreate(context.Channel.ChannelId, request.SessionName, request.RequestedSessionTimeout)
            ?? throw new ServiceResultException(StatusCode.BadTooManySessions);
        return new CreateSessionResponse
        {
            SessionId = session.SessionId,
            AuthenticationToken = session.AuthenticationToken,
            RevisedSessionTimeout = session.Timeout.TotalMilliseconds,
            ServerNonce = session.ServerNonce,
            ServerEndpoints = endpoints.GetEndpoints(request.EndpointUrl ?? context.Channel.EndpointUrl),
            ServerSoftwareCertificates = [],
            ServerSignature = new SignatureData(),
            MaxRequestMessageSize = maxRequestMessageSize,
        };
    }

    /// <summary>
    /// Activates a session: unknown or expired token → Bad_SessionIdInvalid; the first activation must come over the
    /// creating channel (Bad_SecureChannelIdInvalid); the identity token must match an offered policy.
    /// </summary>
    public ActivateSessionResponse ActivateSession(ServiceContext context, ActivateSessionRequest request)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(request);
        if (!sessions.TryGet(request.RequestHeader.AuthenticationToken, out Session? session))
        {
            throw new ServiceResultException(StatusCode.BadSessionIdInvalid);
        }

        if (!session.IsActivated && session.ChannelId != context.Channel.ChannelId)
        {
            throw new ServiceResultException(StatusCode.BadSecureChannelIdInvalid);
        }

        StatusCode status = identity.Validate(request.UserIdentityToken, out string? userName);
        if (status.IsBad)
        {
            throw new ServiceResultException(status);
        }

        session.Touch(context.Now);
        byte[] nonce = session.Activate(context.Channel.ChannelId, userName);
        return new ActivateSessionResponse
        {
            ServerNonce = nonce,
            Results = [.. (request.ClientSoftwareCertificates ?? []).Select(_ => StatusCode.Good)],
            DiagnosticInfos = [],
        };
    }

    /// <summary>Closes the session (its subscriptions go with it once subscriptions exist).</summary>
    public CloseSessionResponse CloseSession(ServiceContext context, CloseSessionRequest request)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(request);
        sessions.Close(context.RequiredSession);
        return new CloseSessionResponse();
    }
}
