using System.Buffers;
using System.Globalization;
using SortLine.OpcUa.Encoding;

namespace SortLine.OpcUa.Transport;

/// <summary>
/// Splits a TCP byte stream into UA TCP chunks (OPC 10000-6 §7.1.2.2). Framing is separate from decoding:
/// an incomplete chunk is not an error (the caller reads more), only a bad header throws.
/// </summary>
internal static class UaTcpFraming
{
    /// <summary>
    /// Smallest valid size per type: HEL = header + 5 UInt32 + an (empty) String length; ACK = header + 5 UInt32;
    /// ERR = header + StatusCode + String length; RHE = header + two String lengths; secure-channel chunks =
    /// header + SecureChannelId + at least a 4-byte security header (open62541 uses the same 16).
    /// </summary>
    private static uint MinimumSize(MessageType type) => type switch
    {
        MessageType.Hello => MessageHeader.Size + 24,
        MessageType.Acknowledge => MessageHeader.Size + 20,
        _ => MessageHeader.Size + 8,
    };

    /// <summary>
    /// Takes one complete chunk off the front of <paramref name="buffer"/>.
    /// </summary>
    /// <param name="buffer">Bytes received so far; on success advanced past the chunk.</param>
    /// <param name="limits">The receive limits; chunks over <see cref="TransportLimits.ReceiveBufferSize"/> are refused.</param>
    /// <param name="header">The chunk header.</param>
    /// <param name="body">The chunk without its 8-byte header (a slice of the input, not a copy).</param>
    /// <returns>False when the header or body is not complete yet (nothing consumed).</returns>
    /// <exception cref="UaDecodingException">
    /// BadTcpMessageTypeInvalid for an unknown message type, an unknown chunk type, or C/A on a type other
    /// than MSG; BadTcpMessageTooLarge for a size over the receive buffer; BadDecodingError for a size below
    /// the minimum of its type. Thrown as soon as the 8 header bytes are in, before the body arrives.
    /// </exception>
    public static bool TryReadMessage(ref ReadOnlySequence<byte> buffer, in TransportLimits limits, out MessageHeader header, out ReadOnlySequence<byte> body)
    {
        if (buffer.Length < MessageHeader.Size)
        {
            header = default;
            body = default;
            return false;
        }

        Span<byte> raw = stackalloc byte[MessageHeader.Size];
        buffer.Slice(0, MessageHeader.Size).CopyTo(raw);
        header = ParseHeader(raw, limits);
        if (buffer.Length < header.MessageSize)
        {
            body = default;
            return false;
        }

        body = buffer.Slice(MessageHeader.Size, header.MessageSize - MessageHeader.Size);
        buffer = buffer.Slice(header.MessageSize);
        return true;
    }

    /// <summary>Validates 8 header bytes against <paramref name="limits"/>.</summary>
    /// <exception cref="UaDecodingException">As for <see cref="TryReadMessage"/>.</exception>
    internal static MessageHeader ParseHeader(ReadOnlySpan<byte> raw, in TransportLimits limits)
    {
        MessageType type = MessageHeader.ParseMessageType(raw);
        if (type == MessageType.None)
        {
            throw new UaDecodingException(StatusCode.BadTcpMessageTypeInvalid, 0, "Unknown message type '" + Printable(raw[..3]) + "'");
        }

        var chunkType = (ChunkType)raw[3];
        bool chunkTypeValid = chunkType == ChunkType.Final ||
            (type == MessageType.Message && chunkType is ChunkType.Intermediate or ChunkType.Abort);
        if (!chunkTypeValid)
        {
            throw new UaDecodingException(StatusCode.BadTcpMessageTypeInvalid, 3, "Chunk type '" + Printable(raw.Slice(3, 1)) + "' is not valid for " + type.ToString());
        }

        uint size = System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(raw[4..]);
        if (size > limits.ReceiveBufferSize)
        {
            throw new UaDecodingException(
                StatusCode.BadTcpMessageTooLarge,
                4,
                "Chunk size " + size.ToString(CultureInfo.InvariantCulture) + " exceeds the receive buffer size " + limits.ReceiveBufferSize.ToString(CultureInfo.InvariantCulture));
        }

        if (size < MinimumSize(type))
        {
            throw new UaDecodingException(
                StatusCode.BadDecodingError,
                4,
                "Chunk size " + size.ToString(CultureInfo.InvariantCulture) + " is below the minimum for " + type.ToString());
        }

        return new MessageHeader(type, chunkType, size);
    }

    private static string Printable(ReadOnlySpan<byte> bytes)
    {
        Span<char> chars = stackalloc char[bytes.Length];
        for (int i = 0; i < bytes.Length; i++)
        {
            chars[i] = bytes[i] is >= 0x20 and < 0x7F ? (char)bytes[i] : '?';
        }

        return new string(chars);
    }
}
