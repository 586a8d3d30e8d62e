using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using SortLine.OpcUa.Encoding;
using SortLine.OpcUa.SecureChannel;
using SortLine.OpcUa.Services;
using SortLine.OpcUa.Transport;
using ChunkBuilder = SortLine.OpcUa.Tests.SecureChannel.ChunkBuilder;

namespace SortLine.OpcUa.Tests.Robustness;

/// <summary>
/// A minimal well-behaved OPC UA client over a raw socket (SecurityPolicy None): HEL/ACK, OPN Issue, then one request
/// at a time (MSG F chunk out, MSG C*/F chunks in, reassembled by RequestId), CreateSession/ActivateSession
/// (anonymous)/Read/Browse/CloseSession, and CLO. Chunks are laid out by <see cref="UaMessages"/>, independently of the
/// server's chunk writer. Every call is bounded by the caller's token.
/// </summary>
internal sealed class RawUaClient : IAsyncDisposable
{
    private readonly NetworkStream _stream;
    private uint _sequenceNumber = 1;
    private uint _requestId = 1;
    private uint _requestHandle = 1;

    private RawUaClient(NetworkStream stream) => _stream = stream;

    public NetworkStream Stream => _stream;

    public uint ChannelId { get; private set; }

    public uint TokenId { get; private set; }

    public NodeId AuthenticationToken { get; private set; }

    /// <summary>Connects, sends HEL and opens the secure channel.</summary>
    public static async Task<RawUaClient> ConnectAsync(IPEndPoint endPoint, CancellationToken cancellationToken, uint requestedLifetimeMs = 600_000)
    {
        var socket = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(endPoint, cancellationToken);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        var client = new RawUaClient(new NetworkStream(socket, ownsSocket: true));
        try
        {
            await client.OpenAsync(endPoint, requestedLifetimeMs, cancellationToken);
            return client;
        }
        catch
        {
            await client.DisposeAsync();
            throw;
        }
    }

    private async Task OpenAsync(IPEndPoint endPoint, uint requestedLifetimeMs, CancellationToken cancellationToken)
    {
        await _stream.WriteAsync(UaMessages.Hello("opc.tcp://" + endPoint), cancellationToken);
        byte[] ack = await ReadChunkAsync(_stream, cancellationToken);
        ExpectType(ack, "ACKF");
        await _stream.WriteAsync(ChunkBuilderOpen(requestedLifetimeMs), cancellationToken);
        byte[] opn = await ReadChunkAsync(_stream, cancellationToken);
        ExpectType(opn, "OPNF");
        OpenSecureChannelResponse response = ChunkBuilder.DecodeOpenResponse(opn);
        ChannelId = response.ChannelId;
        TokenId = response.TokenId;
    }

    private byte[] ChunkBuilderOpen(uint requestedLifetimeMs) =>
        ChunkBuilder.Open(0, _sequenceNumber++, _requestId++, SecurityTokenRequestType.Issue, requestedLifetimeMs);

    /// <summary>Takes the next chunk sequence number (for callers that write their own chunks on <see cref="Stream"/>).</summary>
    public uint TakeSequenceNumber() => _sequenceNumber++;

    /// <summary>Takes the next RequestId.</summary>
    public uint TakeRequestId() => _requestId++;

    /// <summary>CreateSession then ActivateSession with an anonymous identity token.</summary>
    public async Task CreateAndActivateSessionAsync(string sessionName, CancellationToken cancellationToken)
    {
        await CreateSessionAsync(sessionName, cancellationToken);
        await ActivateSessionAsync(cancellationToken);
    }

    /// <summary>CreateSession; the token becomes <see cref="AuthenticationToken"/>.</summary>
    public async Task CreateSessionAsync(string sessionName, CancellationToken cancellationToken)
    {
        byte[] created = await CallAsync(
            CreateSessionRequest.EncodingId,
            CreateSessionResponse.EncodingId,
            UaMessages.Encode(new CreateSessionRequest
            {
                RequestHeader = NextHeader(),
                ClientDescription = new ApplicationDescription { ApplicationUri = "urn:sortline:tests:raw", ApplicationName = new LocalizedText(null, "raw") },
                EndpointUrl = "opc.tcp://localhost",
                SessionName = sessionName,
                ClientNonce = new byte[32],
                RequestedSessionTimeout = 60_000,
            }.Encode, CreateSessionRequest.EncodingId),
            cancellationToken);
        var reader = new UaBinaryReader(created);
        _ = reader.ReadNodeId();
        CreateSessionResponse session = CreateSessionResponse.Decode(ref reader);
        AuthenticationToken = session.AuthenticationToken;
    }

    /// <summary>ActivateSession of <see cref="AuthenticationToken"/> with an anonymous identity token.</summary>
    public async Task ActivateSessionAsync(CancellationToken cancellationToken) =>
        await CallAsync(
            ActivateSessionRequest.EncodingId,
            ActivateSessionResponse.EncodingId,
            UaMessages.Encode(new ActivateSessionRequest { RequestHeader = NextHeader(), UserIdentityToken = UaMessages.AnonymousToken() }.Encode, ActivateSessionRequest.EncodingId),
            cancellationToken);

    /// <summary>Reads attributes; returns one DataValue per item.</summary>
    public async Task<DataValue[]> ReadAsync(ReadValueId[] nodes, CancellationToken cancellationToken)
    {
        byte[] body = await CallAsync(
            ReadRequest.EncodingId,
            ReadResponse.EncodingId,
            UaMessages.Encode(new ReadRequest { RequestHeader = NextHeader(), TimestampsToReturn = TimestampsToReturn.Both, NodesToRead = nodes }.Encode, ReadRequest.EncodingId),
            cancellationToken);
        var reader = new UaBinaryReader(body);
        _ = reader.ReadNodeId();
        return ReadResponse.Decode(ref reader).Results ?? [];
    }

    /// <summary>Browses the forward hierarchical references of one node.</summary>
    public async Task<BrowseResult> BrowseAsync(NodeId node, CancellationToken cancellationToken)
    {
        byte[] body = await CallAsync(
            BrowseRequest.EncodingId,
            BrowseResponse.EncodingId,
            UaMessages.Encode(new BrowseRequest
            {
                RequestHeader = NextHeader(),
                NodesToBrowse =
                [
                    new BrowseDescription
                    {
                        NodeId = node,
                        BrowseDirection = BrowseDirection.Forward,
                        ReferenceTypeId = new NodeId(33), // HierarchicalReferences
                        IncludeSubtypes = true,
                        ResultMask = 63,
                    },
                ],
            }.Encode, BrowseRequest.EncodingId),
            cancellationToken);
        var reader = new UaBinaryReader(body);
        _ = reader.ReadNodeId();
        BrowseResult[] results = BrowseResponse.Decode(ref reader).Results ?? [];
        return Assert.Single(results);
    }

    /// <summary>Calls one method; returns its status code (CallMethodResult.StatusCode) and output arguments.</summary>
    public async Task<(StatusCode Status, Variant[] Outputs)> CallMethodAsync(NodeId objectId, NodeId methodId, Variant[] inputs, CancellationToken cancellationToken)
    {
        // CallRequest: RequestHeader, CallMethodRequest[] { ObjectId, MethodId, InputArguments Variant[] }.
        RequestHeader header = NextHeader();
        byte[] body = await CallAsync(
            CallRequest.EncodingId,
            CallResponse.EncodingId,
            UaMessages.Encode((ref UaBinaryWriter w) =>
            {
                header.Encode(ref w);
                w.WriteArrayLength(1);
                w.WriteNodeId(objectId);
                w.WriteNodeId(methodId);
                w.WriteArray(inputs, static (ref UaBinaryWriter ww, Variant v) => ww.WriteVariant(v));
            }, CallRequest.EncodingId),
            cancellationToken);

        // CallResponse: ResponseHeader, CallMethodResult[] { StatusCode, InputArgumentResults StatusCode[], InputArgumentDiagnosticInfos[], OutputArguments Variant[] }.
        var reader = new UaBinaryReader(body);
        _ = reader.ReadNodeId();
        _ = ResponseHeader.Decode(ref reader);
        Assert.Equal(1, reader.ReadArrayLength(4));
        StatusCode status = reader.ReadStatusCode();
        _ = reader.ReadArray(static (ref UaBinaryReader r) => r.ReadStatusCode(), 4);
        _ = reader.ReadArray(static (ref UaBinaryReader r) => r.ReadDiagnosticInfo(), 1);
        Variant[] outputs = reader.ReadArray(static (ref UaBinaryReader r) => r.ReadVariant(), 1) ?? [];
        return (status, outputs);
    }

    /// <summary>Writes one attribute value; returns the per-item status code.</summary>
    public async Task<StatusCode> WriteAsync(NodeId node, Variant value, CancellationToken cancellationToken)
    {
        byte[] body = await CallAsync(
            WriteRequest.EncodingId,
            WriteResponse.EncodingId,
            UaMessages.Encode(new WriteRequest
            {
                RequestHeader = NextHeader(),
                NodesToWrite = [new WriteValue { NodeId = node, AttributeId = 13, Value = new DataValue { Value = value } }],
            }.Encode, WriteRequest.EncodingId),
            cancellationToken);
        var reader = new UaBinaryReader(body);
        _ = reader.ReadNodeId();
        return Assert.Single(WriteResponse.Decode(ref reader).Results ?? []);
    }

    /// <summary>Creates a subscription with publishing enabled; returns its id. The client sends no Publish requests of its own.</summary>
    public async Task<uint> CreateSubscriptionAsync(double publishingIntervalMs, uint lifetimeCount, uint maxKeepAliveCount, CancellationToken cancellationToken)
    {
        // CreateSubscriptionRequest: RequestHeader, RequestedPublishingInterval Double, RequestedLifetimeCount UInt32,
        // RequestedMaxKeepAliveCount UInt32, MaxNotificationsPerPublish UInt32, PublishingEnabled Boolean, Priority Byte.
        RequestHeader header = NextHeader();
        byte[] body = await CallAsync(
            CreateSubscriptionRequest.EncodingId,
            CreateSubscriptionResponse.EncodingId,
            UaMessages.Encode((ref UaBinaryWriter w) =>
            {
                header.Encode(ref w);
                w.WriteDouble(publishingIntervalMs);
                w.WriteUInt32(lifetimeCount);
                w.WriteUInt32(maxKeepAliveCount);
                w.WriteUInt32(0);
                w.WriteBoolean(true);
                w.WriteByte(0);
            }, CreateSubscriptionRequest.EncodingId),
            cancellationToken);

        // CreateSubscriptionResponse: ResponseHeader, SubscriptionId UInt32, revised interval, lifetime and keep-alive.
        var reader = new UaBinaryReader(body);
        _ = reader.ReadNodeId();
        _ = ResponseHeader.Decode(ref reader);
        return reader.ReadUInt32();
    }

    /// <summary>Monitors the Value attribute of one node (Reporting, queue size 10); returns the item's status code.</summary>
    public async Task<StatusCode> CreateMonitoredItemAsync(uint subscriptionId, NodeId node, uint clientHandle, double samplingIntervalMs, CancellationToken cancellationToken)
    {
        // CreateMonitoredItemsRequest: RequestHeader, SubscriptionId UInt32, TimestampsToReturn Int32,
        // MonitoredItemCreateRequest[] { ReadValueId, MonitoringMode Int32,
        // MonitoringParameters { ClientHandle UInt32, SamplingInterval Double, Filter ExtensionObject, QueueSize UInt32, DiscardOldest Boolean } }.
        RequestHeader header = NextHeader();
        byte[] body = await CallAsync(
            CreateMonitoredItemsRequest.EncodingId,
            CreateMonitoredItemsResponse.EncodingId,
            UaMessages.Encode((ref UaBinaryWriter w) =>
            {
                header.Encode(ref w);
                w.WriteUInt32(subscriptionId);
                w.WriteInt32((int)TimestampsToReturn.Both);
                w.WriteArrayLength(1);
                new ReadValueId { NodeId = node, AttributeId = 13 }.Encode(ref w);
                w.WriteInt32((int)MonitoringMode.Reporting);
                w.WriteUInt32(clientHandle);
                w.WriteDouble(samplingIntervalMs);
                w.WriteExtensionObject(default);
                w.WriteUInt32(10);
                w.WriteBoolean(true);
            }, CreateMonitoredItemsRequest.EncodingId),
            cancellationToken);

        // CreateMonitoredItemsResponse: ResponseHeader, MonitoredItemCreateResult[] { StatusCode, ... }.
        var reader = new UaBinaryReader(body);
        _ = reader.ReadNodeId();
        _ = ResponseHeader.Decode(ref reader);
        Assert.Equal(1, reader.ReadArrayLength(1));
        return reader.ReadStatusCode();
    }

    /// <summary>Closes the session.</summary>
    public async Task CloseSessionAsync(CancellationToken cancellationToken) =>
        await CallAsync(
            CloseSessionRequest.EncodingId,
            CloseSessionResponse.EncodingId,
            UaMessages.Encode(new CloseSessionRequest { RequestHeader = NextHeader(), DeleteSubscriptions = true }.Encode, CloseSessionRequest.EncodingId),
            cancellationToken);

    /// <summary>Sends CLO and waits for the server to close the socket.</summary>
    public async Task CloseChannelAsync(CancellationToken cancellationToken)
    {
        await _stream.WriteAsync(ChunkBuilder.Symmetric(MessageType.CloseSecureChannel, ChunkType.Final, ChannelId, TokenId, _sequenceNumber++, _requestId++, UaMessages.CloseSecureChannelBody()), cancellationToken);
        int read = await _stream.ReadAsync(new byte[1], cancellationToken);
        Assert.True(read == 0, "The server sent data after CLO instead of closing");
    }

    /// <summary>Sends one request and returns the response body (encoding NodeId onwards); fails on a ServiceFault or a wrong type.</summary>
    private async Task<byte[]> CallAsync(uint requestType, uint expectedResponseType, byte[] body, CancellationToken cancellationToken)
    {
        uint requestId = _requestId++;
        await _stream.WriteAsync(ChunkBuilder.Symmetric(MessageType.Message, ChunkType.Final, ChannelId, TokenId, _sequenceNumber++, requestId, body), cancellationToken);
        using var message = new MemoryStream();
        while (true)
        {
            byte[] chunk = await ReadChunkAsync(_stream, cancellationToken);
            if (chunk.AsSpan(0, 3).SequenceEqual("ERR"u8))
            {
                throw new InvalidOperationException("ERR " + new StatusCode(BinaryPrimitives.ReadUInt32LittleEndian(chunk.AsSpan(8))).ToString() + " in reply to request type " + requestType);
            }

            ExpectType(chunk, "MSG");
            Assert.Equal(requestId, BinaryPrimitives.ReadUInt32LittleEndian(chunk.AsSpan(20)));
            message.Write(chunk, 24, chunk.Length - 24);
            if (chunk[3] == (byte)'F')
            {
                break;
            }
        }

        byte[] response = message.ToArray();
        var reader = new UaBinaryReader(response);
        NodeId typeId = reader.ReadNodeId();
        if (typeId == new NodeId(ServiceFault.EncodingId))
        {
            throw new InvalidOperationException("ServiceFault " + ResponseHeader.Decode(ref reader).ServiceResult.ToString() + " in reply to request type " + requestType);
        }

        Assert.Equal(new NodeId(expectedResponseType), typeId);
        ResponseHeader header = ResponseHeader.Decode(ref reader);
        Assert.True(header.ServiceResult.IsGood, "ServiceResult " + header.ServiceResult.ToString());
        return response;
    }

    private RequestHeader NextHeader() => new()
    {
        AuthenticationToken = AuthenticationToken,
        Timestamp = DateTime.UtcNow,
        RequestHandle = _requestHandle++,
        TimeoutHint = 10_000,
    };

    private static void ExpectType(byte[] chunk, string expected)
    {
        string actual = System.Text.Encoding.ASCII.GetString(chunk, 0, expected.Length);
        if (actual != expected)
        {
            string detail = actual.StartsWith("ERR", StringComparison.Ordinal) && chunk.Length >= 12
                ? " " + new StatusCode(BinaryPrimitives.ReadUInt32LittleEndian(chunk.AsSpan(8))).ToString()
                : string.Empty;
            throw new InvalidOperationException("Expected " + expected + ", got " + actual + detail);
        }
    }

    /// <summary>Reads one whole chunk (header included).</summary>
    public static async Task<byte[]> ReadChunkAsync(Stream stream, CancellationToken cancellationToken)
    {
        var header = new byte[8];
        await stream.ReadExactlyAsync(header, cancellationToken);
        uint size = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(4));
        if (size is < 8 or > 1 << 24)
        {
            throw new InvalidOperationException("Implausible chunk size " + size);
        }

        var chunk = new byte[size];
        header.CopyTo(chunk, 0);
        await stream.ReadExactlyAsync(chunk.AsMemory(8), cancellationToken);
        return chunk;
    }

    public async ValueTask DisposeAsync() => await _stream.DisposeAsync();
}
