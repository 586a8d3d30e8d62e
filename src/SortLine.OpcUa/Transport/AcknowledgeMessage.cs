// Wire layout (OPC 10000-6 §7.1.2.4, Table 52), the body after the 8-byte "ACKF" header:
//
//   offset  size  field
//   0       4     ProtocolVersion     UInt32: a version the server supports, ≤ the client's (0)
//   4       4     ReceiveBufferSize   UInt32: largest chunk the server receives; ≤ client's SendBufferSize
//   8       4     SendBufferSize      UInt32: largest chunk the server sends; ≤ client's ReceiveBufferSize
//   12      4     MaxMessageSize      UInt32: largest request message the server accepts; 0 = no limit
//   16      4     MaxChunkCount       UInt32: most chunks per request; 0 = no limit
//
// Body 20 bytes; total chunk size 28.
using SortLine.OpcUa.Encoding;

namespace SortLine.OpcUa.Transport;

/// <summary>The server's ACK message: the negotiated buffer sizes and the server's request limits.</summary>
internal sealed record AcknowledgeMessage
{
    /// <summary>Size of the whole ACK chunk in bytes.</summary>
    public const int MessageSize = MessageHeader.Size + 20;

    /// <summary>The protocol version the server will use.</summary>
    public uint ProtocolVersion { get; init; }

    /// <summary>Largest chunk the server receives, in bytes.</summary>
    public uint ReceiveBufferSize { get; init; }

    /// <summary>Largest chunk the server sends, in bytes.</summary>
    public uint SendBufferSize { get; init; }

    /// <summary>Largest request message the server accepts, in bytes; 0 = no limit.</summary>
    public uint MaxMessageSize { get; init; }

    /// <summary>Most chunks per request message; 0 = no limit.</summary>
    public uint MaxChunkCount { get; init; }

    /// <summary>Reads the body (after the header).</summary>
    /// <exception cref="UaDecodingException">Truncated body or trailing bytes (BadDecodingError).</exception>
    public static AcknowledgeMessage Decode(ref UaBinaryReader reader)
    {
        var ack = new AcknowledgeMessage
        {
            ProtocolVersion = reader.ReadUInt32(),
            ReceiveBufferSize = reader.ReadUInt32(),
            SendBufferSize = reader.ReadUInt32(),
            MaxMessageSize = reader.ReadUInt32(),
            MaxChunkCount = reader.ReadUInt32(),
        };
        reader.EnsureAtEnd();
        return ack;
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
    }

    /// <summary>Writes the whole chunk: "ACKF", the size (28), then the body.</summary>
    /// <exception cref="UaEncodingException">No room.</exception>
    public void EncodeMessage(ref UaBinaryWriter writer)
    {
        new MessageHeader(MessageType.Acknowledge, ChunkType.Final, MessageSize).Encode(ref writer);
        Encode(ref writer);
    }
}
