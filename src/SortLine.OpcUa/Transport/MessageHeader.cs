// Wire layout (OPC 10000-6 §7.1.2.2, Table 50), 8 bytes at the start of every chunk:
//
//   offset  size  field
//   0       3     MessageType   ASCII: HEL ACK ERR RHE OPN CLO MSG
//   3       1     ChunkType     ASCII: F (final), C (intermediate), A (abort); only MSG may use C or A
//   4       4     MessageSize   UInt32 LE, size of the whole chunk INCLUDING these 8 bytes
using System.Buffers.Binary;
using SortLine.OpcUa.Encoding;

namespace SortLine.OpcUa.Transport;

/// <summary>The 8-byte header of a UA TCP chunk.</summary>
/// <param name="MessageType">The message type.</param>
/// <param name="ChunkType">The chunk type.</param>
/// <param name="MessageSize">Size of the whole chunk including the header, in bytes.</param>
internal readonly record struct MessageHeader(MessageType MessageType, ChunkType ChunkType, uint MessageSize)
{
    /// <summary>Size of the header in bytes.</summary>
    public const int Size = 8;

    /// <summary>Size of the body (the chunk without the header), in bytes.</summary>
    public int BodySize => (int)(MessageSize - Size);

    /// <summary>Writes the header.</summary>
    /// <exception cref="UaEncodingException">No room (BadEncodingLimitsExceeded).</exception>
    public void Encode(ref UaBinaryWriter writer)
    {
        Span<byte> bytes = writer.Reserve(Size);
        uint type = (uint)MessageType;
        bytes[0] = (byte)type;
        bytes[1] = (byte)(type >> 8);
        bytes[2] = (byte)(type >> 16);
        bytes[3] = (byte)ChunkType;
        BinaryPrimitives.WriteUInt32LittleEndian(bytes[4..], MessageSize);
    }

    /// <summary>Parses the raw type bytes; <see cref="MessageType.None"/> when they name no known type.</summary>
    internal static MessageType ParseMessageType(ReadOnlySpan<byte> header)
    {
        var type = (MessageType)(header[0] | ((uint)header[1] << 8) | ((uint)header[2] << 16));
        return type switch
        {
            MessageType.Hello or MessageType.Acknowledge or MessageType.Error or MessageType.ReverseHello
                or MessageType.OpenSecureChannel or MessageType.CloseSecureChannel or MessageType.Message => type,
            _ => MessageType.None,
        };
    }
}
