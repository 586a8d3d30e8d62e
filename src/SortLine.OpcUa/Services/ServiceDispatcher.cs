using System.Collections.Frozen;
using Microsoft.Extensions.Logging;
using SortLine.OpcUa.Encoding;
using SortLine.OpcUa.SecureChannel;
using SortLine.OpcUa.Sessions;

namespace SortLine.OpcUa.Services;

/// <summary>
/// Dispatches requests through a table keyed by the request's binary encoding id (open62541 style). It decodes the
/// request, applies the session gate, runs the handler and encodes the response with a ResponseHeader that echoes
/// the RequestHandle. Anything outside the table gets a ServiceFault with Bad_ServiceUnsupported, handler failures a
/// ServiceFault (never a dropped connection); only a body whose RequestHandle cannot be read is a channel error.
/// </summary>
internal sealed partial class ServiceDispatcher : IServiceRequestHandler
{
    private readonly FrozenDictionary<uint, ServiceDescription> _services;
    private readonly SessionManager _sessions;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly UaEncodingLimits _limits;

    /// <summary>Creates the dispatcher over a service table.</summary>
    /// <exception cref="ArgumentException">Two entries share an encoding id.</exception>
    public ServiceDispatcher(IEnumerable<ServiceDescription> services, SessionManager sessions, UaEncodingLimits limits, TimeProvider time, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(sessions);
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        var table = new Dictionary<uint, ServiceDescription>();
        foreach (ServiceDescription service in services)
        {
            if (!table.TryAdd(service.RequestEncodingId, service))
            {
                throw new ArgumentException("Duplicate service " + service.Name, nameof(services));
            }
        }

        _services = table.ToFrozenDictionary();
        _sessions = sessions;
        _limits = limits;
        _time = time;
        _logger = logger;
    }

    /// <summary>The encoding ids in the table.</summary>
    public IEnumerable<uint> RequestEncodingIds => _services.Keys;

    /// <inheritdoc/>
    public async ValueTask<ServiceReply> HandleRequestAsync(ChannelContext channel, ReadOnlyMemory<byte> message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        if (!TryDecode(message.Span, out ServiceDescription? service, out IServiceRequest? request, out StatusCode fault, out uint faultHandle))
        {
            return CreateFault(faultHandle, fault);
        }

        RequestHeader header = request.RequestHeader;
        DateTime now = _time.GetUtcNow().UtcDateTime;
        Session? session = null;
        if (service.Session != SessionRequirement.None)
        {
            StatusCode gate = _sessions.Validate(header.AuthenticationToken, channel.ChannelId, service.Session == SessionRequirement.ActivatedSession, out session);
            if (gate.IsBad)
            {
                return CreateFault(header.RequestHandle, gate);
            }
        }

        IServiceResponse response;
        try
        {
            response = await service.Invoke(new ServiceContext(channel, session, header, now), request, cancellationToken).ConfigureAwait(false);
        }
        catch (ServiceResultException ex)
        {
            return CreateFault(header.RequestHandle, ex.StatusCode);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogHandlerFailed(_logger, ex, service.Name);
            return CreateFault(header.RequestHandle, StatusCode.BadInternalError);
        }

        return Encode(response, header.RequestHandle, StatusCode.Good);
    }

    /// <inheritdoc/>
    public ServiceReply CreateFault(uint requestHandle, StatusCode status) => Encode(ServiceFault.Instance, requestHandle, status);

    private bool TryDecode(
        ReadOnlySpan<byte> message,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ServiceDescription? service,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IServiceRequest? request,
        out StatusCode fault,
        out uint faultHandle)
    {
        service = null;
        request = null;
        var reader = new UaBinaryReader(message, _limits);
        NodeId typeId;
        try
        {
            typeId = reader.ReadNodeId();
        }
        catch (UaDecodingException ex)
        {
            throw new SecureChannelException(StatusCode.BadDecodingError, "Request type id: " + ex.Message);
        }

        int bodyStart = reader.Position;
        if (typeId.NamespaceIndex != 0 || typeId.IdType != NodeIdType.Numeric || !_services.TryGetValue(typeId.NumericIdentifier, out service))
        {
            LogUnsupported(_logger, typeId);
            fault = StatusCode.BadServiceUnsupported;
            faultHandle = ReadRequestHandle(message[bodyStart..]);
            return false;
        }

        try
        {
            request = service.Decode(ref reader);
            fault = StatusCode.Good;
            faultHandle = 0;
            return true;
        }
        catch (UaDecodingException ex)
        {
            LogDecodeFailed(_logger, service.Name, ex.Offset, ex.Message);
            fault = ex.StatusCode;
            faultHandle = ReadRequestHandle(message[bodyStart..]);
            return false;
        }
    }

    /// <summary>Reads just the RequestHeader to answer a request that cannot be served; throws a channel error when even that fails.</summary>
    private uint ReadRequestHandle(ReadOnlySpan<byte> body)
    {
        try
        {
            var reader = new UaBinaryReader(body, _limits);
            return RequestHeader.Decode(ref reader).RequestHandle;
        }
        catch (UaDecodingException ex)
        {
            throw new SecureChannelException(StatusCode.BadDecodingError, "RequestHeader: " + ex.Message);
        }
    }

    private ServiceReply Encode(IServiceResponse response, uint requestHandle, StatusCode serviceResult)
    {
        var header = new ResponseHeader { Timestamp = _time.GetUtcNow().UtcDateTime, RequestHandle = requestHandle, ServiceResult = serviceResult };
        var buffer = new PooledByteBuffer(4096, _limits.MaxMessageSize);
        try
        {
            var writer = new UaBinaryWriter(buffer, _limits);
            writer.WriteNodeId(new NodeId(response.BinaryEncodingId));
            header.Encode(ref writer);
            response.EncodeBody(ref writer);
            writer.Commit();
            return new ServiceReply(buffer, requestHandle);
        }
        catch (UaEncodingException ex) when (response is not ServiceFault)
        {
            buffer.Dispose();
            LogEncodeFailed(_logger, ex.Message);
            return CreateFault(requestHandle, ex.StatusCode == StatusCode.BadEncodingLimitsExceeded ? StatusCode.BadResponseTooLarge : StatusCode.BadEncodingError);
        }
        catch
        {
            buffer.Dispose();
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Service {Service} failed")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, string service);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Unsupported service {TypeId}")]
    private static partial void LogUnsupported(ILogger logger, NodeId typeId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Could not decode {Service} at offset {Offset}: {Reason}")]
    private static partial void LogDecodeFailed(ILogger logger, string service, long offset, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not encode a response: {Reason}")]
    private static partial void LogEncodeFailed(ILogger logger, string reason);
}
