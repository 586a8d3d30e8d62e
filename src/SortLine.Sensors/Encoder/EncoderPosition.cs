namespace SortLine.Sensors.Encoder;

/// <summary>
/// A belt position in encoder counts. Counts increase monotonically while the belt runs forward; the 64-bit
/// range never wraps in practice (at 10⁶ counts/s it lasts 292,000 years).
/// </summary>
/// <param name="Counts">The encoder count.</param>
public readonly record struct EncoderPosition(long Counts) : IComparable<EncoderPosition>
{
    /// <summary>The position a distance further along the belt.</summary>
    public static EncoderPosition operator +(EncoderPosition position, long counts) => new(position.Counts + counts);

    /// <summary>The signed distance in counts from <paramref name="right"/> to <paramref name="left"/>.</summary>
    public static long operator -(EncoderPosition left, EncoderPosition right) => left.Counts - right.Counts;

    /// <summary>Whether <paramref name="left"/> lies before <paramref name="right"/> on the belt.</summary>
    public static bool operator <(EncoderPosition left, EncoderPosition right) => left.Counts < right.Counts;

    /// <summary>Whether <paramref name="left"/> lies after <paramref name="right"/> on the belt.</summary>
    public static bool operator >(EncoderPosition left, EncoderPosition right) => left.Counts > right.Counts;

    /// <summary>Whether <paramref name="left"/> lies at or before <paramref name="right"/>.</summary>
    public static bool operator <=(EncoderPosition left, EncoderPosition right) => left.Counts <= right.Counts;

    /// <summary>Whether <paramref name="left"/> lies at or after <paramref name="right"/>.</summary>
    public static bool operator >=(EncoderPosition left, EncoderPosition right) => left.Counts >= right.Counts;

    /// <inheritdoc/>
    public int CompareTo(EncoderPosition other) => Counts.CompareTo(other.Counts);

    /// <summary>Adds a distance in counts (the named alternative to <c>+</c>).</summary>
    public EncoderPosition Add(long counts) => this + counts;

    /// <summary>Subtracts another position (the named alternative to <c>-</c>).</summary>
    public static long Subtract(EncoderPosition left, EncoderPosition right) => left - right;
}
