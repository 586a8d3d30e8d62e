using SortLine.OpcUa.Encoding;
using SortLine.OpcUa.SecureChannel;
using SortLine.OpcUa.Services;

namespace SortLine.OpcUa.Tests.Services;

/// <summary>
/// FindServers (OPC 10000-4 §5.4.2) through the dispatcher without a session: the request is encoded, dispatched and the
/// response decoded as a client would see it.
/// </summary>
public sealed class DiscoveryServicesTests
{
    private readonly ServiceTestHost _host = new();

    private (uint TypeId, ResponseHeader Header, FindServersResponse? Response) FindServers(string? endpointUrl, string?[]? serverUris)
    {
        var request = new FindServersRequest
        {
            RequestHeader = new RequestHeader { RequestHandle = 77 },
            EndpointUrl = endpointUrl,
            LocaleIds = ["en"],
            ServerUris = serverUris,
        };
        byte[] message;
        using (var buffer = new PooledByteBuffer(256))
        {
            var writer = new UaBinaryWriter(buffer);
            writer.WriteNodeId(new NodeId(FindServersRequest.EncodingId));
            request.Encode(ref writer);
            writer.Commit();
            message = buffer.WrittenSpan.ToArray();
        }

        using ServiceReply reply = _host.Dispatcher.HandleRequestAsync(_host.ChannelContext, message, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        var reader = new UaBinaryReader(reply.Body.WrittenSpan);
        uint typeId = reader.ReadNodeId().NumericIdentifier;
        var headerReader = reader;
        ResponseHeader header = ResponseHeader.Decode(ref headerReader);
        return (typeId, header, typeId == FindServersResponse.EncodingId ? FindServersResponse.Decode(ref reader) : null);
    }

    [Fact]
    public void FindServers_NoFilterWithoutSession_DescribesThisServerAtTheDialledUrl()
    {
        (uint typeId, ResponseHeader header, FindServersResponse? response) = FindServers("opc.tcp://plc-gateway.local:4840", null);

        Assert.Equal(FindServersResponse.EncodingId, typeId);
        Assert.Equal(StatusCode.Good, header.ServiceResult);
        Assert.Equal(77u, header.RequestHandle);
        ApplicationDescription server = Assert.Single(response!.Servers!);
        Assert.Equal("urn:test:server", server.ApplicationUri);
        Assert.Equal("urn:test", server.ProductUri);
        Assert.Equal("Test", server.ApplicationName.Text);
        Assert.Equal(ApplicationType.Server, server.ApplicationType);
        Assert.Null(server.GatewayServerUri);
        Assert.Null(server.DiscoveryProfileUri);
        Assert.Equal("opc.tcp://plc-gateway.local:4840", Assert.Single(server.DiscoveryUrls!));
    }

    [Fact]
    public void FindServers_NoEndpointUrl_DiscoveryUrlIsTheChannelsUrl()
    {
        _host.Endpoints.SetEndpointUrl("opc.tcp://sorter-7:4840");

        (_, _, FindServersResponse? response) = FindServers(null, []);

        Assert.Equal("opc.tcp://localhost:4840", Assert.Single(Assert.Single(response!.Servers!).DiscoveryUrls!));
    }

    [Fact]
    public void FindServers_NotAnOpcTcpUrl_DiscoveryUrlIsTheAdvertisedEndpoint()
    {
        _host.Endpoints.SetEndpointUrl("opc.tcp://sorter-7:4840");

        (_, _, FindServersResponse? response) = FindServers("http://elsewhere:80/", null);

        Assert.Equal("opc.tcp://sorter-7:4840", Assert.Single(Assert.Single(response!.Servers!).DiscoveryUrls!));
    }

    [Fact]
    public void FindServers_FilterNamesThisServer_ServerReturned()
    {
        (_, _, FindServersResponse? response) = FindServers("opc.tcp://localhost:4840", ["urn:other:server", "urn:test:server"]);

        Assert.Equal("urn:test:server", Assert.Single(response!.Servers!).ApplicationUri);
    }

    [Theory]
    [InlineData("urn:other:server")]
    [InlineData("URN:TEST:SERVER")] // application URIs compare exactly
    [InlineData("urn:test:server ")]
    public void FindServers_FilterWithoutThisServer_EmptyList(string uri)
    {
        (uint typeId, ResponseHeader header, FindServersResponse? response) = FindServers("opc.tcp://localhost:4840", [uri]);

        Assert.Equal(FindServersResponse.EncodingId, typeId);
        Assert.Equal(StatusCode.Good, header.ServiceResult);
        Assert.Empty(response!.Servers!);
    }
}
