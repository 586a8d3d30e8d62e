namespace SortLine.OpcUa.Encoding;

/// <content>Arrays outside a Variant (OPC 10000-6 §5.2.5): Int32 count (-1 = null) then the elements.</content>
internal ref partial struct UaBinaryReader
{
    /// <summary>
    /// Reads and validates an array count: -1 (null) is returned as -1; the count is checked against
    /// <see cref="UaEncodingLimits.MaxArrayLength"/> and against the bytes left at
    /// <paramref name="minElementSize"/> bytes per element, before the caller allocates.
    /// </summary>
    /// <exception cref="UaDecodingException">Count below -1, over the limit, or more elements than bytes.</exception>
    public int ReadArrayLength(int minElementSize)
    {
        long prefixOffset = Offset;
        return CheckLength(ReadInt32(), _limits.MaxArrayLength, minElementSize, prefixOffset, "Array");
    }

    /// <summary>Reads an array whose elements take at least <paramref name="minElementSize"/> bytes each.</summary>
    /// <returns>The elements, or null for a null array (count -1).</returns>
    /// <exception cref="UaDecodingException">A bad count or element.</exception>
    public T[]? ReadArray<T>(UaElementDecoder<T> decoder, int minElementSize)
    {
        ArgumentNullException.ThrowIfNull(decoder);
        int length = ReadArrayLength(minElementSize);
        return length < 0 ? null : ReadElements(length, decoder);
    }

    /// <summary>Reads <paramref name="length"/> elements (already validated against the limits and bytes left).</summary>
    internal T[] ReadElements<T>(int length, UaElementDecoder<T> decoder)
    {
        if (length == 0)
        {
            return [];
        }

        var values = new T[length];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = decoder(ref this);
        }

        return values;
    }
}
