namespace SortLine.OpcUa.Encoding;

/// <summary>
/// Conversion between <see cref="DateTime"/> and the UA Binary DateTime (OPC 10000-6 §5.2.2.5): an Int64
/// count of 100 ns ticks since 1601-01-01 00:00 UTC, with the spec's clamping rules.
/// </summary>
internal static class UaDateTime
{
    /// <summary>1601-01-01T00:00:00Z in .NET ticks (the same epoch as <see cref="DateTime.ToFileTimeUtc"/>).</summary>
    public static readonly long EpochTicks = new DateTime(1601, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;

    /// <summary>9999-12-31T23:59:59Z: at or after this instant a value encodes as Int64.MaxValue.</summary>
    public static readonly DateTime MaxEncodable = new(9999, 12, 31, 23, 59, 59, DateTimeKind.Utc);

    /// <summary>Earliest value a decode can return (<see cref="DateTime.MinValue"/> as UTC).</summary>
    public static readonly DateTime MinValue = DateTime.SpecifyKind(DateTime.MinValue, DateTimeKind.Utc);

    /// <summary>Latest value a decode can return (<see cref="DateTime.MaxValue"/> as UTC).</summary>
    public static readonly DateTime MaxValue = DateTime.SpecifyKind(DateTime.MaxValue, DateTimeKind.Utc);

    /// <summary>
    /// Encodes: values at or before 1601-01-01 (including <see cref="DateTime.MinValue"/>) give 0; values at
    /// or after 9999-12-31 23:59:59 (including <see cref="DateTime.MaxValue"/>) give Int64.MaxValue.
    /// </summary>
    /// <remarks>Local times are converted to UTC; Unspecified is taken as UTC.</remarks>
    public static long ToWireTicks(DateTime value)
    {
        DateTime utc = value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value;
        if (utc.Ticks <= EpochTicks)
        {
            return 0;
        }

        if (utc.Ticks >= MaxEncodable.Ticks)
        {
            return long.MaxValue;
        }

        return utc.Ticks - EpochTicks;
    }

    /// <summary>
    /// Decodes: 0 and negative values give <see cref="MinValue"/>; Int64.MaxValue and values beyond
    /// <see cref="DateTime.MaxValue"/> give <see cref="MaxValue"/>. Results are UTC.
    /// </summary>
    public static DateTime FromWireTicks(long ticks)
    {
        if (ticks <= 0)
        {
            return MinValue;
        }

        if (ticks > DateTime.MaxValue.Ticks - EpochTicks)
        {
            return MaxValue;
        }

        return new DateTime(ticks + EpochTicks, DateTimeKind.Utc);
    }
}
