namespace SortLine.OpcUa.Encoding;

/// <summary>
/// A value with its status and timestamps (OPC 10000-6 §5.2.2.17). On the wire a mask says which fields
/// follow: 0x01 Value (when not a null Variant), 0x02 Status (when not Good), 0x04 SourceTimestamp,
/// 0x08 ServerTimestamp, 0x10 SourcePicoseconds, 0x20 ServerPicoseconds (each when not 0). Stream order:
/// Value, Status, SourceTimestamp, SourcePicoseconds, ServerTimestamp, ServerPicoseconds.
/// </summary>
/// <remarks>Picoseconds are in units of 10 ps, 0-9999, added to the matching timestamp.</remarks>
public sealed record DataValue
{
    /// <summary>Largest picosecond field value (10 ps units): one 100 ns DateTime tick minus one unit.</summary>
    public const ushort MaxPicoseconds = 9999;

    /// <summary>The value; <see cref="Variant.Null"/> when absent.</summary>
    public Variant Value { get; init; }

    /// <summary>The status; Good when absent.</summary>
    public StatusCode Status { get; init; }

    /// <summary>When the source produced the value (UTC), or null.</summary>
    public DateTime? SourceTimestamp { get; init; }

    /// <summary>Sub-tick resolution of <see cref="SourceTimestamp"/>, in 10 ps units.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is above <see cref="MaxPicoseconds"/>.</exception>
    public ushort SourcePicoseconds
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, MaxPicoseconds);
            field = value;
        }
    }

    /// <summary>When the server received or produced the value (UTC), or null.</summary>
    public DateTime? ServerTimestamp { get; init; }

    /// <summary>Sub-tick resolution of <see cref="ServerTimestamp"/>, in 10 ps units.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is above <see cref="MaxPicoseconds"/>.</exception>
    public ushort ServerPicoseconds
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, MaxPicoseconds);
            field = value;
        }
    }
}
