namespace SortLine.OpcUa.Internal;

/// <summary>
/// Structural equality for the CLR values a Variant carries: byte arrays by content, arrays element-wise
/// (recursively), everything else by <see cref="object.Equals(object?)"/>. Not used on hot paths.
/// </summary>
internal static class ValueEquality
{
    /// <summary>True when <paramref name="a"/> and <paramref name="b"/> hold equal values.</summary>
    public static bool AreEqual(object? a, object? b)
    {
        if (ReferenceEquals(a, b))
        {
            return true;
        }

        if (a is null || b is null)
        {
            return false;
        }

        if (a is byte[] x && b is byte[] y)
        {
            return x.AsSpan().SequenceEqual(y);
        }

        if (a is Array arrayA && b is Array arrayB)
        {
            if (arrayA.GetType() != arrayB.GetType() || arrayA.Length != arrayB.Length)
            {
                return false;
            }

            for (int i = 0; i < arrayA.Length; i++)
            {
                if (!AreEqual(arrayA.GetValue(i), arrayB.GetValue(i)))
                {
                    return false;
                }
            }

            return true;
        }

        return a.Equals(b);
    }

    /// <summary>A hash consistent with <see cref="AreEqual"/> (arrays hash by type and length only).</summary>
    public static int GetHashCode(object? value) => value switch
    {
        null => 0,
        Array array => HashCode.Combine(array.GetType(), array.Length),
        _ => value.GetHashCode(),
    };

    /// <summary>Byte-wise equality where null and empty differ.</summary>
    public static bool BytesEqual(byte[]? a, byte[]? b) =>
        ReferenceEquals(a, b) || (a is not null && b is not null && a.AsSpan().SequenceEqual(b));
}
