namespace SortLine.OpcUa.Services;

/// <summary>GetEndpoints and FindServers (OPC 10000-4 §5.4); no session needed.</summary>
internal sealed class DiscoveryServices(EndpointConfiguration endpoints)
{
    /// <summary>The table entries of this service set.</summary>
    public IEnumerable<ServiceDescription> Describe()
    {
        yield return ServiceDescription.Create<GetEndpointsRequest>(GetEndpointsRequest.EncodingId, SessionRequirement.None, GetEndpointsRequest.Decode, GetEndpoints);
        yield return ServiceDescription.Create<FindServersRequest>(FindServersRequest.EncodingId, SessionRequirement.None, FindServersRequest.Decode, FindServers);
    }

    /// <summary>Returns the endpoints, filtered by transport profile when the client asks.</summary>
    public GetEndpointsResponse GetEndpoints(ServiceContext context, GetEndpointsRequest request)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(request);
        EndpointDescription[] all = endpoints.GetEndpoints(request.EndpointUrl ?? context.Channel.EndpointUrl);
        string?[] profiles = request.ProfileUris ?? [];
        EndpointDescription[] matching = profiles.Length == 0
            ? all
            : [.. all.Where(e => profiles.Contains(e.TransportProfileUri, StringComparer.Ordinal))];
        return new GetEndpointsResponse { Endpoints = matching };
    }

    /// <summary>Returns this server unless the ServerUris filter excludes it.</summary>
    public FindServersResponse FindServers(ServiceContext context, FindServersRequest request)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(request);
        ApplicationDescription application = endpoints.Application with { DiscoveryUrls = [endpoints.GetEndpoints(request.EndpointUrl ?? context.Channel.EndpointUrl)[0].EndpointUrl] };
        string?[] filter = request.ServerUris ?? [];
        bool include = filter.Length == 0 || filter.Contains(application.ApplicationUri, StringComparer.Ordinal);
        return new FindServersResponse { Servers = include ? [application] : [] };
    }
}
