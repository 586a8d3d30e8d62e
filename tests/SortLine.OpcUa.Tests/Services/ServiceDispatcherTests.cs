using SortLine.OpcUa.Encoding;
using SortLine.OpcUa.SecureChannel;
using SortLine.OpcUa.Services;
using SortLine.OpcUa.Sessions;

namespace SortLine.OpcUa.Tests.Services;

public sealed class ServiceDispatcherTests
{
    private readonly ServiceTestHost _host = new();

    private static byte[] Message(uint typeId, Action<PooledByteBuffer>? body = null, RequestHeader? header = null)
    {
        using var buffer = new PooledByteBuffer(256);
        var writer = new UaBinaryWriter(buffer);
        writer.WriteNodeId(new NodeId(typeId));
        (header ?? new RequestHeader { RequestHandle = 4242 }).Encode(ref writer);
        writer.Commit();
        body?.Invoke(buffer);
        return buffer.WrittenSpan.ToArray();
    }

    private static byte[] Encode(uint typeId, IServiceRequestEncodable request)
    {
        using var buffer = new PooledByteBuffer(256);
        var writer = new UaBinaryWriter(buffer);
        writer.WriteNodeId(new NodeId(typeId));
        request.Encode(ref writer);
        writer.Commit();
        return buffer.WrittenSpan.ToArray();
    }

    private (uint TypeId, ResponseHeader Header) Dispatch(byte[] message)
    {
        using ServiceReply reply = _host.Dispatcher.HandleRequestAsync(_host.ChannelContext, message, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        var reader = new UaBinaryReader(reply.Body.WrittenSpan);
        NodeId typeId = reader.ReadNodeId();
        return (typeId.NumericIdentifier, ResponseHeader.Decode(ref reader));
    }

    [Theory]
    [InlineData(712u)] // Call: a valid service outside this increment's table
    [InlineData(826u)] // Publish
    [InlineData(60000u)] // not a service at all
    public void HandleRequest_UnknownService_ServiceFaultBadServiceUnsupportedWithHandle(uint typeId)
    {
        (uint responseType, ResponseHeader header) = Dispatch(Message(typeId));

        Assert.Equal(ServiceFault.EncodingId, responseType);
        Assert.Equal(StatusCode.BadServiceUnsupported, header.ServiceResult);
        Assert.Equal(4242u, header.RequestHandle);
    }

    [Fact]
    public void HandleRequest_TypeIdOnly_ThrowsBadDecodingErrorForTheChannel()
    {
        byte[] message = [0x01, 0x00, 0x77, 0x02]; // ReadRequest id and nothing else

        var ex = Assert.Throws<SecureChannelException>(() => Dispatch(message));

        Assert.Equal(StatusCode.BadDecodingError, ex.StatusCode);
    }

    [Fact]
    public void HandleRequest_TruncatedBodyWithReadableHeader_ServiceFaultBadDecodingError()
    {
        (uint responseType, ResponseHeader header) = Dispatch(Message(ReadRequest.EncodingId, b => { }));

        Assert.Equal(ServiceFault.EncodingId, responseType);
        Assert.Equal(StatusCode.BadDecodingError, header.ServiceResult);
        Assert.Equal(4242u, header.RequestHandle);
    }

    [Fact]
    public void HandleRequest_ReadWithoutSession_ServiceFaultBadSessionIdInvalid()
    {
        var read = new ReadRequest { RequestHeader = new RequestHeader { RequestHandle = 9 }, NodesToRead = [new ReadValueId { NodeId = new NodeId(2259), AttributeId = 13 }] };

        (uint responseType, ResponseHeader header) = Dispatch(Encode(ReadRequest.EncodingId, new Encodable(read.Encode)));

        Assert.Equal((ServiceFault.EncodingId, StatusCode.BadSessionIdInvalid, 9u), (responseType, header.ServiceResult, header.RequestHandle));
    }

    [Fact]
    public void HandleRequest_ReadBeforeActivation_ServiceFaultBadSessionNotActivated()
    {
        Session session = _host.Sessions.TryCreate(ServiceTestHost.Channel, "s", 60_000)!;
        var read = new ReadRequest { RequestHeader = ServiceTestHost.Header(session.AuthenticationToken), NodesToRead = [new ReadValueId { NodeId = new NodeId(2259), AttributeId = 13 }] };

        (_, ResponseHeader header) = Dispatch(Encode(ReadRequest.EncodingId, new Encodable(read.Encode)));

        Assert.Equal(StatusCode.BadSessionNotActivated, header.ServiceResult);
    }

    [Fact]
    public void HandleRequest_ReadAfterActivation_ReadResponseGood()
    {
        Session session = _host.ActivatedSession();
        var read = new ReadRequest { RequestHeader = ServiceTestHost.Header(session.AuthenticationToken, 5), NodesToRead = [new ReadValueId { NodeId = new NodeId(2259), AttributeId = 13 }] };

        (uint responseType, ResponseHeader header) = Dispatch(Encode(ReadRequest.EncodingId, new Encodable(read.Encode)));

        Assert.Equal((ReadResponse.EncodingId, StatusCode.Good, 5u), (responseType, header.ServiceResult, header.RequestHandle));
    }

    [Fact]
    public async Task HandleRequest_HandlerThrows_ServiceFaultBadInternalError()
    {
        var dispatcher = new ServiceDispatcher(
            [ServiceDescription.Create<GetEndpointsRequest>(GetEndpointsRequest.EncodingId, SessionRequirement.None, GetEndpointsRequest.Decode, (_, _) => throw new InvalidOperationException("boom"))],
            _host.Sessions, UaEncodingLimits.Default, _host.Time, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
        var request = new GetEndpointsRequest { RequestHeader = new RequestHeader { RequestHandle = 3 } };

        using ServiceReply reply = await dispatcher.HandleRequestAsync(_host.ChannelContext, Encode(GetEndpointsRequest.EncodingId, new Encodable(request.Encode)), CancellationToken.None);

        (NodeId typeId, StatusCode result) = DecodeFault(reply.Body.WrittenSpan.ToArray());
        Assert.Equal(new NodeId(ServiceFault.EncodingId), typeId);
        Assert.Equal(StatusCode.BadInternalError, result);
    }

    [Fact]
    public void Constructor_DuplicateEncodingId_Throws()
    {
        ServiceDescription entry = ServiceDescription.Create<GetEndpointsRequest>(GetEndpointsRequest.EncodingId, SessionRequirement.None, GetEndpointsRequest.Decode, (_, _) => new GetEndpointsResponse());

        Assert.Throws<ArgumentException>(() => new ServiceDispatcher([entry, entry], _host.Sessions, UaEncodingLimits.Default, _host.Time, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance));
    }

    private static (NodeId TypeId, StatusCode Result) DecodeFault(byte[] body)
    {
        var reader = new UaBinaryReader(body);
        NodeId typeId = reader.ReadNodeId();
        return (typeId, ResponseHeader.Decode(ref reader).ServiceResult);
    }

    private interface IServiceRequestEncodable
    {
        void Encode(ref UaBinaryWriter writer);
    }

    private sealed class Encodable(EncodeBody encode) : IServiceRequestEncodable
    {
        public void Encode(ref UaBinaryWriter writer) => encode(ref writer);
    }

    private delegate void EncodeBody(ref UaBinaryWriter writer);
}
