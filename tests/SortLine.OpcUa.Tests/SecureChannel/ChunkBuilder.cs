using System.Buffers;
using System.Buffers.Binary;
using SortLine.OpcUa.Encoding;
using SortLine.OpcUa.SecureChannel;
using SortLine.OpcUa.Transport;

namespace SortLine.OpcUa.Tests.SecureChannel;

/// <summary>Builds client chunks (SecurityPolicy None) the way Part 6 §6.7.2 lays them out, independently of the server's writer.</summary>
internal static class ChunkBuilder
{
    public static byte[] Open(uint channelId, uint sequenceNumber, uint requestId, SecurityTokenRequestType type, uint requestedLifetime = 60_000,
        string policyUri = NoneSecurityPolicy.PolicyUri, uint protocolVersion = 0, MessageSecurityMode mode = MessageSecurityMode.None)
    {
        using var buffer = new PooledByteBuffer(256);
        var writer = new UaBinaryWriter(buffer);
        new MessageHeader(MessageType.OpenSecureChannel, ChunkType.Final, 0).Encode(ref writer);
        writer.WriteUInt32(channelId);
        writer.WriteString(policyUri);
        writer.WriteByteString(null);
        writer.WriteByteString(null);
        writer.WriteUInt32(sequenceNumber);
        writer.WriteUInt32(requestId);
        writer.WriteNodeId(new NodeId(OpenSecureChannelRequest.BinaryEncodingId));
        new OpenSecureChannelRequest
        {
            RequestHeader = new RequestHeader { RequestHandle = 7 },
            ClientProtocolVersion = protocolVersion,
            RequestType = type,
            SecurityMode = mode,
            ClientNonce = [],
            RequestedLifetime = requestedLifetime,
        }.Encode(ref writer);
        writer.PatchUInt32(4, (uint)writer.Position);
        writer.Commit();
        return buffer.WrittenSpan.ToArray();
    }

    public static byte[] Symmetric(MessageType type, ChunkType chunkType, uint channelId, uint tokenId, uint sequenceNumber, uint requestId, ReadOnlySpan<byte> body)
    {
        var chunk = new byte[24 + body.Length];
        "MSG"u8.CopyTo(chunk);
        if (type == MessageType.CloseSecureChannel)
        {
            "CLO"u8.CopyTo(chunk);
        }

        chunk[3] = (byte)chunkType;
        BinaryPrimitives.WriteUInt32LittleEndian(chunk.AsSpan(4), (uint)chunk.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(chunk.AsSpan(8), channelId);
        BinaryPrimitives.WriteUInt32LittleEndian(chunk.AsSpan(12), tokenId);
        BinaryPrimitives.WriteUInt32LittleEndian(chunk.AsSpan(16), sequenceNumber);
        BinaryPrimitives.WriteUInt32LittleEndian(chunk.AsSpan(20), requestId);
        body.CopyTo(chunk.AsSpan(24));
        return chunk;
    }

    public static MessageHeader Header(byte[] chunk) => UaTcpFraming.ParseHeader(chunk.AsSpan(0, 8), TransportLimits.Default);

    /// <summary>Splits what the server wrote into chunks.</summary>
    public static List<byte[]> SplitChunks(ReadOnlySpan<byte> written)
    {
        var chunks = new List<byte[]>();
        while (!written.IsEmpty)
        {
            int size = (int)BinaryPrimitives.ReadUInt32LittleEndian(written[4..]);
            chunks.Add(written[..size].ToArray());
            written = written[size..];
        }

        return chunks;
    }

    public static OpenSecureChannelResponse DecodeOpenResponse(byte[] chunk)
    {
        var reader = new UaBinaryReader(chunk.AsSpan(12));
        Assert.Equal(NoneSecurityPolicy.PolicyUri, reader.ReadString());
        Assert.Null(reader.ReadByteString());
        Assert.Null(reader.ReadByteString());
        _ = reader.ReadUInt32();
        _ = reader.ReadUInt32();
        Assert.Equal(new NodeId(OpenSecureChannelResponse.BinaryEncodingId), reader.ReadNodeId());
        OpenSecureChannelResponse response = OpenSecureChannelResponse.Decode(ref reader);
        reader.EnsureAtEnd();
        return response;
    }
}
