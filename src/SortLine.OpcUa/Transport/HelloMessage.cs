// Wire layout (OPC 10000-6 §7.1.2.3, Table 51), the body after the 8-byte "HELF" header:
//
//   offset  size  field
//   0       4     ProtocolVersion     UInt32: latest UACP version the client supports (0)
//   4       4     ReceiveBufferSize   UInt32: largest chunk the client can receive (≥ 8192)
//   8       4     SendBufferSize      UInt32: largest chunk the client will send (≥ 8192)
//   12      4     MaxMessageSize      UInt32: largest response message the client accepts; 0 = no limit
//   16      4     MaxChunkCount       UInt32: most chunks per response; 0 = no limit
//   20      4+n   EndpointUrl         String: URL the client dialled; shall be < 4096 bytes
//
// Minimum body 24 bytes; total chunk size 32 + n.
using System.Globalization;
using SortLine.OpcUa.Encoding;

namespace SortLine.OpcUa.Transport;

/// <summary>The client's HEL message, which opens a UA TCP connection.</summary>
internal sealed record HelloMessage
{
    /// <summary>EndpointUrl must be shorter than this many UTF-8 bytes (Part 6 §7.1.2.3).</summary>
    public const int MaxEndpointUrlLength = 4096;

    /// <summary>Latest UACP protocol version the client supports.</summary>
    public uint ProtocolVersion { get; init; }

    /// <summary>Largest chunk the client can receive, in bytes.</summary>
    public uint ReceiveBufferSize { get; init; }

    /// <summary>Largest chunk the client will send, in bytes.</summary>
    public uint SendBufferSize { get; init; }

    /// <summary>Largest response message the client accepts, in bytes; 0 = no limit.</summary>
    public uint MaxMessageSize { get; init; }

    /// <summary>Most chunks per response message; 0 = no limit.</summary>
    public uint MaxChunkCount { get; init; }

    /// <summary>The URL the client dialled.</summary>
    public string? EndpointUrl { get; init; }

    /// <summary>Reads the body (after the header).</summary>
    /// <exception cref="UaDecodingException">BadDecodingError for a malformed body; BadTcpEndpointUrlInvalid for a URL of 4096 bytes or more.</exception>
    public static HelloMessage Decode(ref UaBinaryReader reader)
    {
        var hello = new HelloMessage
        {
            ProtocolVersion = reader.ReadUInt32(),
            ReceiveBufferSize = reader.ReadUInt32(),
            SendBufferSize = reader.ReadUInt32(),
            MaxMessageSize = reader.ReadUInt32(),
            MaxChunkCount = reader.ReadUInt32(),
        };
        long urlOffset = reader.Offset;
        string? url = reader.ReadString();
        if (url is not null && System.Text.Encoding.UTF8.GetByteCount(url) >= MaxEndpointUrlLength)
        {
            throw new UaDecodingException(
                StatusCode.BadTcpEndpointUrlInvalid,
                urlOffset,
                "EndpointUrl of " + System.Text.Encoding.UTF8.GetByteCount(url).ToString(CultureInfo.InvariantCulture) + " bytes is too long");
        }

        reader.EnsureAtEnd();
        return hello with { EndpointUrl = url };
    }

    /// <summary>Writes the body (after the header).</summary>
    /// <exception cref="UaEncodingException">No room.</exception>
    public void Encode(ref UaBinaryWriter writer)
    {
        writer.WriteUInt32(ProtocolVersion);
        writer.WriteUInt32(ReceiveBufferSize);
        writer.WriteUInt32(SendBufferSize);
        writer.WriteUInt32(MaxMessageSize);
        writer.WriteUInt32(MaxChunkCount);
        writer.WriteString(EndpointUrl);
    }

    /// <summary>Writes the whole chunk: "HELF", the size, then the body.</summary>
    /// <exception cref="UaEncodingException">No room.</exception>
    public void EncodeMessage(ref UaBinaryWriter writer)
    {
        int start = writer.Position;
        new MessageHeader(MessageType.Hello, ChunkType.Final, 0).Encode(ref writer);
        Encode(ref writer);
        writer.PatchUInt32(start + 4, (uint)(writer.Position - start));
    }
}
