// Wire layout (OPC 10000-6 §7.1.2.5, Table 53), the body after the 8-byte "ERRF" header:
//
//   offset  size  field
//   0       4     Error    UInt32 StatusCode, e.g. Bad_TcpMessageTooLarge (0x80800000)
//   4       4+n   Reason   String: a more verbose description; at most 4096 bytes
//
// Minimum body 8 bytes. The sender closes the socket after an ERR.
using System.Globalization;
using SortLine.OpcUa.Encoding;

namespace SortLine.OpcUa.Transport;

/// <summary>The ERR message a peer sends before closing the connection.</summary>
internal sealed record ErrorMessage
{
    /// <summary>Largest Reason in UTF-8 bytes (Part 6 §7.1.2.5).</summary>
    public const int MaxReasonLength = 4096;

    /// <summary>The error.</summary>
    public StatusCode Error { get; init; }

    /// <summary>Human-readable detail, at most <see cref="MaxReasonLength"/> UTF-8 bytes.</summary>
    /// <exception cref="ArgumentException">The reason is longer than 4096 UTF-8 bytes.</exception>
    public string? Reason
    {
        get;
        init
        {
            if (value is not null && System.Text.Encoding.UTF8.GetByteCount(value) > MaxReasonLength)
            {
                throw new ArgumentException("Reason exceeds " + MaxReasonLength.ToString(CultureInfo.InvariantCulture) + " UTF-8 bytes", nameof(value));
            }

            field = value;
        }
    }

    /// <summary>Creates an ERR, cutting <paramref name="reason"/> at a character boundary to fit 4096 UTF-8 bytes.</summary>
    public static ErrorMessage Create(StatusCode error, string? reason)
    {
        if (reason is not null && System.Text.Encoding.UTF8.GetByteCount(reason) > MaxReasonLength)
        {
            int bytes = 0;
            int length = 0;
            while (length < reason.Length)
            {
                int chars = char.IsSurrogatePair(reason, length) ? 2 : 1;
                int charBytes = System.Text.Encoding.UTF8.GetByteCount(reason.AsSpan(length, chars));
                if (bytes + charBytes > MaxReasonLength)
                {
                    break;
                }

                bytes += charBytes;
                length += chars;
            }

            reason = reason[..length];
        }

        return new ErrorMessage { Error = error, Reason = reason };
    }

    /// <summary>Reads the body (after the header).</summary>
    /// <exception cref="UaDecodingException">Malformed body, trailing bytes, or a Reason over 4096 bytes (BadDecodingError).</exception>
    public static ErrorMessage Decode(ref UaBinaryReader reader)
    {
        StatusCode error = reader.ReadStatusCode();
        long reasonOffset = reader.Offset;
        int remainingBefore = reader.Remaining;
        string? reason = reader.ReadString();
        if (remainingBefore - reader.Remaining - sizeof(int) > MaxReasonLength)
        {
            throw new UaDecodingException(StatusCode.BadDecodingError, reasonOffset, "ERR Reason exceeds 4096 bytes");
        }

        reader.EnsureAtEnd();
        return new ErrorMessage { Error = error, Reason = reason };
    }

    /// <summary>Writes the body (after the header).</summary>
    /// <exception cref="UaEncodingException">No room.</exception>
    public void Encode(ref UaBinaryWriter writer)
    {
        writer.WriteStatusCode(Error);
        writer.WriteString(Reason);
    }

    /// <summary>Writes the whole chunk: "ERRF", the size, then the body.</summary>
    /// <exception cref="UaEncodingException">No room.</exception>
    public void EncodeMessage(ref UaBinaryWriter writer)
    {
        int start = writer.Position;
        new MessageHeader(MessageType.Error, ChunkType.Final, 0).Encode(ref writer);
        Encode(ref writer);
        writer.PatchUInt32(start + 4, (uint)(writer.Position - start));
    }
}
