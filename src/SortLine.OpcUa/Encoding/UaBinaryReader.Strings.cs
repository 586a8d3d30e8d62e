using System.Text.Unicode;
using SortLine.OpcUa.Internal;

namespace SortLine.OpcUa.Encoding;

/// <content>Length-prefixed types: String, ByteString, XmlElement (OPC 10000-6 §5.2.2.4, 7, 8).</content>
internal ref partial struct UaBinaryReader
{
    /// <summary>Reads a String: Int32 byte length (-1 = null, 0 = empty) then UTF-8.</summary>
    /// <exception cref="UaDecodingException">Bad length, over <see cref="UaEncodingLimits.MaxStringLength"/>, truncated, or invalid UTF-8.</exception>
    public string? ReadString() => ReadUtf8(_limits.MaxStringLength, "String");

    /// <summary>Reads a ByteString: Int32 length (-1 = null, 0 = empty) then the bytes (copied).</summary>
    /// <exception cref="UaDecodingException">Bad length, over <see cref="UaEncodingLimits.MaxByteStringLength"/>, or truncated.</exception>
    public byte[]? ReadByteString()
    {
        long prefixOffset = Offset;
        int length = CheckLength(ReadInt32(), _limits.MaxByteStringLength, 1, prefixOffset, "ByteString");
        return length < 0 ? null : ReadBytes(length).ToArray();
    }

    /// <summary>Reads an XmlElement (a String holding XML; the XML itself is not parsed).</summary>
    /// <exception cref="UaDecodingException">As for <see cref="ReadString"/>.</exception>
    public XmlElement ReadXmlElement() => new(ReadUtf8(_limits.MaxStringLength, "XmlElement"));

    private string? ReadUtf8(int limit, string what)
    {
        long prefixOffset = Offset;
        int length = CheckLength(ReadInt32(), limit, 1, prefixOffset, what);
        if (length < 0)
        {
            return null;
        }

        long textOffset = Offset;
        ReadOnlySpan<byte> bytes = ReadBytes(length);
        if (!Utf8.IsValid(bytes))
        {
            ThrowHelper.ThrowDecoding(textOffset, what + " is not valid UTF-8");
        }

        return System.Text.Encoding.UTF8.GetString(bytes);
    }
}
