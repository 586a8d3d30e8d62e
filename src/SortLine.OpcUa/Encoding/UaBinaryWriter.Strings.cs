using SortLine.OpcUa.Internal;

namespace SortLine.OpcUa.Encoding;

/// <content>Length-prefixed types: String, ByteString, XmlElement.</content>
internal ref partial struct UaBinaryWriter
{
    /// <summary>Writes a String: Int32 UTF-8 byte length (-1 for null) then the bytes.</summary>
    /// <exception cref="UaEncodingException">Over <see cref="UaEncodingLimits.MaxStringLength"/> or no room.</exception>
    public void WriteString(string? value) => WriteUtf8(value, "String");

    /// <summary>Writes a ByteString: Int32 length (-1 for null) then the bytes.</summary>
    /// <exception cref="UaEncodingException">Over <see cref="UaEncodingLimits.MaxByteStringLength"/> or no room.</exception>
    public void WriteByteString(ReadOnlySpan<byte> value, bool isNull = false)
    {
        if (isNull)
        {
            WriteInt32(-1);
            return;
        }

        if (value.Length > _limits.MaxByteStringLength)
        {
            ThrowHelper.ThrowEncodingLimit(_position, "ByteString length", value.Length, _limits.MaxByteStringLength);
        }

        WriteInt32(value.Length);
        WriteBytes(value);
    }

    /// <summary>Writes a ByteString; null is written as length -1.</summary>
    /// <exception cref="UaEncodingException">Over the limit or no room.</exception>
    public void WriteByteString(byte[]? value) => WriteByteString(value, value is null);

    /// <summary>Writes an XmlElement as a String.</summary>
    /// <exception cref="UaEncodingException">Over the limit or no room.</exception>
    public void WriteXmlElement(XmlElement value) => WriteUtf8(value.Value, "XmlElement");

    private void WriteUtf8(string? value, string what)
    {
        if (value is null)
        {
            WriteInt32(-1);
            return;
        }

        int byteCount = System.Text.Encoding.UTF8.GetByteCount(value);
        if (byteCount > _limits.MaxStringLength)
        {
            ThrowHelper.ThrowEncodingLimit(_position, what + " length", byteCount, _limits.MaxStringLength);
        }

        WriteInt32(byteCount);
        int written = System.Text.Encoding.UTF8.GetBytes(value, Reserve(byteCount));
        System.Diagnostics.Debug.Assert(written == byteCount, "GetByteCount and GetBytes agree");
    }
}
