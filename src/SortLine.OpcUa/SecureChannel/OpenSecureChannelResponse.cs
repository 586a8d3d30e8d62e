// Wire layout (OPC 10000-4 §5.5.2.2), after the encoding NodeId 449:
//
//   ResponseHeader         ResponseHeader
//   ServerProtocolVersion  UInt32
//   SecurityToken          ChannelId UInt32, TokenId UInt32, CreatedAt DateTime, RevisedLifetime UInt32
//   ServerNonce            ByteString
using SortLine.OpcUa.Encoding;

namespace SortLine.OpcUa.SecureChannel;

/// <summary>OpenSecureChannelResponse.</summary>
internal sealed record OpenSecureChannelResponse
{
    /// <summary>Binary encoding id (OpenSecureChannelResponse_Encoding_DefaultBinary).</summary>
    public const uint BinaryEncodingId = 449;

    /// <summary>The response header.</summary>
    public required ResponseHeader ResponseHeader { get; init; }

    /// <summary>The server's protocol version.</summary>
    public uint ServerProtocolVersion { get; init; }

    /// <summary>Channel id.</summary>
    public uint ChannelId { get; init; }

    /// <summary>Token id.</summary>
    public uint TokenId { get; init; }

    /// <summary>When the token was created (UTC).</summary>
    public DateTime CreatedAt { get; init; }

    /// <summary>Revised lifetime in milliseconds.</summary>
    public uint RevisedLifetime { get; init; }

    /// <summary>Server nonce.</summary>
    public byte[]? ServerNonce { get; init; }

    /// <summary>Decodes the fields after the encoding id.</summary>
    /// <exception cref="UaDecodingException">Malformed input.</exception>
    public static OpenSecureChannelResponse Decode(ref UaBinaryReader reader) => new()
    {
        ResponseHeader = ResponseHeader.Decode(ref reader),
        ServerProtocolVersion = reader.ReadUInt32(),
        ChannelId = reader.ReadUInt32(),
        TokenId = reader.ReadUInt32(),
        CreatedAt = reader.ReadDateTime(),
        RevisedLifetime = reader.ReadUInt32(),
        ServerNonce = reader.ReadByteString(),
    };

    /// <summary>Encodes the fields after the encoding id.</summary>
    public void Encode(ref UaBinaryWriter writer)
    {
        ResponseHeader.Encode(ref writer);
        writer.WriteUInt32(ServerProtocolVersion);
        writer.WriteUInt32(ChannelId);
        writer.WriteUInt32(TokenId);
        writer.WriteDateTime(CreatedAt);
        writer.WriteUInt32(RevisedLifetime);
        writer.WriteByteString(ServerNonce);
    }
}
