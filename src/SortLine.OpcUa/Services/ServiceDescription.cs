namespace SortLine.OpcUa.Services;

/// <summary>
/// One dispatcher table entry (open62541's UA_ServiceDescription): the request's binary encoding id, its name for
/// logs, the session it needs, its decoder and its handler.
/// </summary>
internal sealed record ServiceDescription(
    uint RequestEncodingId,
    string Name,
    SessionRequirement Session,
    RequestDecoder<IServiceRequest> Decode,
    Func<ServiceContext, IServiceRequest, CancellationToken, ValueTask<IServiceResponse>> Invoke)
{
    /// <summary>Describes a synchronous service.</summary>
    public static ServiceDescription Create<TRequest>(
        uint requestEncodingId,
        SessionRequirement session,
        RequestDecoder<TRequest> decode,
        Func<ServiceContext, TRequest, IServiceResponse> handler)
        where TRequest : class, IServiceRequest
    {
        ArgumentNullException.ThrowIfNull(decode);
        ArgumentNullException.ThrowIfNull(handler);
        return new ServiceDescription(
            requestEncodingId,
            typeof(TRequest).Name,
            session,
            (ref Encoding.UaBinaryReader reader) => decode(ref reader),
            (context, request, _) => ValueTask.FromResult(handler(context, (TRequest)request)));
    }

    /// <summary>Describes a service whose handler may complete later (Publish waits for notifications, Call for the host).</summary>
    public static ServiceDescription CreateAsync<TRequest>(
        uint requestEncodingId,
        SessionRequirement session,
        RequestDecoder<TRequest> decode,
        Func<ServiceContext, TRequest, CancellationToken, ValueTask<IServiceResponse>> handler)
        where TRequest : class, IServiceRequest
    {
        ArgumentNullException.ThrowIfNull(decode);
        ArgumentNullException.ThrowIfNull(handler);
        return new ServiceDescription(
            requestEncodingId,
            typeof(TRequest).Name,
            session,
            (ref Encoding.UaBinaryReader reader) => decode(ref reader),
            (context, request, cancellationToken) => handler(context, (TRequest)request, cancellationToken));
    }
}
