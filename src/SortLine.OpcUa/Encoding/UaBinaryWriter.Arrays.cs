using SortLine.OpcUa.Internal;

namespace SortLine.OpcUa.Encoding;

/// <content>Arrays outside a Variant: Int32 count (-1 for null) then the elements.</content>
internal ref partial struct UaBinaryWriter
{
    /// <summary>Writes an array count after checking it against <see cref="UaEncodingLimits.MaxArrayLength"/>; -1 for null.</summary>
    /// <exception cref="UaEncodingException">Over the limit or no room.</exception>
    public void WriteArrayLength(int length)
    {
        if (length > _limits.MaxArrayLength)
        {
            ThrowHelper.ThrowEncodingLimit(_position, "Array length", length, _limits.MaxArrayLength);
        }

        WriteInt32(length < 0 ? -1 : length);
    }

    /// <summary>Writes an array (null is written as count -1).</summary>
    /// <exception cref="UaEncodingException">Over the limits or no room.</exception>
    public void WriteArray<T>(ReadOnlySpan<T> values, UaElementEncoder<T> encoder, bool isNull = false)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        if (isNull)
        {
            WriteInt32(-1);
            return;
        }

        WriteArrayLength(values.Length);
        WriteElements(values, encoder);
    }

    /// <summary>Writes an array; a null array is written as count -1.</summary>
    /// <exception cref="UaEncodingException">Over the limits or no room.</exception>
    public void WriteArray<T>(T[]? values, UaElementEncoder<T> encoder) => WriteArray<T>(values, encoder, values is null);

    internal void WriteElements<T>(ReadOnlySpan<T> values, UaElementEncoder<T> encoder)
    {
        foreach (T value in values)
        {
            encoder(ref this, value);
        }
    }
}
