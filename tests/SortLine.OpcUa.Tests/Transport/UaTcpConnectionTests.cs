using System.Buffers.Binary;
using System.Net.Sockets;
using SortLine.OpcUa.Encoding;
using SortLine.OpcUa.SecureChannel;
using SortLine.OpcUa.Server;
using SortLine.OpcUa.Tests.SecureChannel;
using SortLine.OpcUa.Transport;

namespace SortLine.OpcUa.Tests.Transport;

/// <summary>Raw-socket tests of the TCP layer against a real server on an ephemeral port.</summary>
public sealed class UaTcpConnectionTests : IAsyncLifetime
{
    private readonly OpcUaServer _server = new(new OpcUaServerOptions { Port = 0 });

    public Task InitializeAsync() => _server.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private async Task<NetworkStream> ConnectAsync()
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(_server.LocalEndPoint!);
        return new NetworkStream(socket, ownsSocket: true);
    }

    private static byte[] Hello(uint bufferSize = 65536, string url = "opc.tcp://localhost:4840")
    {
        using var buffer = new PooledByteBuffer(128);
        var writer = new UaBinaryWriter(buffer);
        new HelloMessage { ReceiveBufferSize = bufferSize, SendBufferSize = bufferSize, EndpointUrl = url }.EncodeMessage(ref writer);
        writer.Commit();
        return buffer.WrittenSpan.ToArray();
    }

    private static async Task<byte[]> ReadChunkAsync(Stream stream)
    {
        var header = new byte[8];
        await stream.ReadExactlyAsync(header);
        var chunk = new byte[BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(4))];
        header.CopyTo(chunk, 0);
        await stream.ReadExactlyAsync(chunk.AsMemory(8));
        return chunk;
    }

    private static StatusCode ErrorStatus(byte[] chunk)
    {
        Assert.Equal("ERRF"u8.ToArray(), chunk[..4]);
        return new StatusCode(BinaryPrimitives.ReadUInt32LittleEndian(chunk.AsSpan(8)));
    }

    private static async Task AssertClosedAsync(Stream stream) => Assert.Equal(0, await stream.ReadAsync(new byte[1]));

    [Fact]
    public async Task Hello_Acknowledged_WithNegotiatedSizes()
    {
        await using NetworkStream stream = await ConnectAsync();

        await stream.WriteAsync(Hello(bufferSize: 16384));
        byte[] ack = await ReadChunkAsync(stream);

        Assert.Equal("ACKF"u8.ToArray(), ack[..4]);
        var reader = new UaBinaryReader(ack.AsSpan(8));
        AcknowledgeMessage decoded = AcknowledgeMessage.Decode(ref reader);
        Assert.Equal((16384u, 16384u), (decoded.ReceiveBufferSize, decoded.SendBufferSize));
    }

    [Fact]
    public async Task MessageBeforeHello_ErrBadTcpMessageTypeInvalidThenClose()
    {
        await using NetworkStream stream = await ConnectAsync();

        await stream.WriteAsync(ChunkBuilder.Open(0, 1, 1, SecurityTokenRequestType.Issue));

        Assert.Equal(StatusCode.BadTcpMessageTypeInvalid, ErrorStatus(await ReadChunkAsync(stream)));
        await AssertClosedAsync(stream);
    }

    [Fact]
    public async Task SecondHello_ErrThenClose()
    {
        await using NetworkStream stream = await ConnectAsync();
        await stream.WriteAsync(Hello());
        await ReadChunkAsync(stream);

        await stream.WriteAsync(Hello());

        Assert.Equal(StatusCode.BadTcpMessageTypeInvalid, ErrorStatus(await ReadChunkAsync(stream)));
        await AssertClosedAsync(stream);
    }

    [Fact]
    public async Task HelloWithSmallBuffers_ErrThenClose()
    {
        await using NetworkStream stream = await ConnectAsync();

        await stream.WriteAsync(Hello(bufferSize: 1024));

        Assert.Equal(StatusCode.BadTcpNotEnoughResources, ErrorStatus(await ReadChunkAsync(stream)));
        await AssertClosedAsync(stream);
    }

    [Fact]
    public async Task SequenceGap_ErrBadSequenceNumberInvalid_OtherConnectionUnaffected()
    {
        await using NetworkStream bad = await ConnectAsync();
        await using NetworkStream good = await ConnectAsync();
        foreach (NetworkStream stream in new[] { bad, good })
        {
            await stream.WriteAsync(Hello());
            await ReadChunkAsync(stream);
            await stream.WriteAsync(ChunkBuilder.Open(0, 1, 1, SecurityTokenRequestType.Issue));
        }

        byte[] opened = await ReadChunkAsync(bad);
        uint channelId = BinaryPrimitives.ReadUInt32LittleEndian(opened.AsSpan(8));
        await bad.WriteAsync(ChunkBuilder.Symmetric(MessageType.Message, ChunkType.Final, channelId, 1, 5, 2, [0, 0]));

        Assert.Equal(StatusCode.BadSequenceNumberInvalid, ErrorStatus(await ReadChunkAsync(bad)));
        await AssertClosedAsync(bad);
        byte[] goodOpened = await ReadChunkAsync(good);
        uint goodChannel = BinaryPrimitives.ReadUInt32LittleEndian(goodOpened.AsSpan(8));
        Assert.NotEqual(channelId, goodChannel);
        await good.WriteAsync(ChunkBuilder.Symmetric(MessageType.Message, ChunkType.Final, goodChannel, 1, 2, 2, [0x01, 0x00, 0xAC, 0x01, .. new byte[30]])); // GetEndpoints (428)
        Assert.Equal("MSGF"u8.ToArray(), (await ReadChunkAsync(good))[..4]);
    }

    [Fact]
    public async Task UnknownService_ServiceFaultAndChannelStaysOpen()
    {
        await using NetworkStream stream = await ConnectAsync();
        await stream.WriteAsync(Hello());
        await ReadChunkAsync(stream);
        await stream.WriteAsync(ChunkBuilder.Open(0, 1, 1, SecurityTokenRequestType.Issue));
        uint channelId = BinaryPrimitives.ReadUInt32LittleEndian((await ReadChunkAsync(stream)).AsSpan(8));
        byte[] header = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 9, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];

        await stream.WriteAsync(ChunkBuilder.Symmetric(MessageType.Message, ChunkType.Final, channelId, 1, 2, 3, [0x01, 0x00, 0x30, 0x02, .. header])); // RegisterNodes (560), not offered
        byte[] response = await ReadChunkAsync(stream);

        var reader = new UaBinaryReader(response.AsSpan(24));
        Assert.Equal(new NodeId(397), reader.ReadNodeId());
        ResponseHeader decoded = ResponseHeader.Decode(ref reader);
        Assert.Equal((StatusCode.BadServiceUnsupported, 9u), (decoded.ServiceResult, decoded.RequestHandle));
        await stream.WriteAsync(ChunkBuilder.Symmetric(MessageType.CloseSecureChannel, ChunkType.Final, channelId, 1, 3, 4, []));
        await AssertClosedAsync(stream);
    }

    [Fact]
    public async Task StopAsync_OpenConnection_ErrBadServerHaltedThenClose()
    {
        await using NetworkStream stream = await ConnectAsync();
        await stream.WriteAsync(Hello());
        await ReadChunkAsync(stream);

        await _server.StopAsync();

        Assert.Equal(StatusCode.BadServerHalted, ErrorStatus(await ReadChunkAsync(stream)));
        await AssertClosedAsync(stream);
    }
}
