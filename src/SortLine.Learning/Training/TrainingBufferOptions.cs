namespace SortLine.Learning.Training;

/// <summary>Where the training buffer lives, how large it may grow and how durable an append is.</summary>
/// <remarks>Sizes in bytes. Retention drops whole segments, oldest first, so segment limits must not exceed the totals.</remarks>
public sealed class TrainingBufferOptions
{
    private long _maxTotalBytes = 1L << 30;
    private long _maxRecords = 2_000_000;
    private long _segmentMaxBytes = 16L << 20;
    private int _segmentMaxRecords = 65_536;
    private int _fsyncInterval = 64;

    /// <summary>Gets or sets the folder holding the segment files (created if missing).</summary>
    public required string Directory { get; init; }

    /// <summary>Gets or sets the total size above which the oldest segments are deleted (default 1 GiB).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 4096.</exception>
    public long MaxTotalBytes
    {
        get => _maxTotalBytes;
        init => _maxTotalBytes = value >= 4096 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "At least 4096 bytes.");
    }

    /// <summary>Gets or sets the number of records above which the oldest segments are deleted (default 2,000,000).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public long MaxRecords
    {
        get => _maxRecords;
        init => _maxRecords = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "At least 1 record.");
    }

    /// <summary>Gets or sets the size at which the active segment is closed and a new one started (default 16 MiB).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1024.</exception>
    public long SegmentMaxBytes
    {
        get => _segmentMaxBytes;
        init => _segmentMaxBytes = value >= 1024 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "At least 1024 bytes.");
    }

    /// <summary>Gets or sets the record count at which the active segment is closed (default 65,536).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int SegmentMaxRecords
    {
        get => _segmentMaxRecords;
        init => _segmentMaxRecords = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "At least 1 record.");
    }

    /// <summary>Gets or sets what an acknowledged append guarantees (default <see cref="TrainingBufferDurability.FsyncEveryN"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined policy.</exception>
    public TrainingBufferDurability Durability
    {
        get;
        init => field = Enum.IsDefined(value) ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "Unknown durability policy.");
    } = TrainingBufferDurability.FsyncEveryN;

    /// <summary>Gets or sets N for <see cref="TrainingBufferDurability.FsyncEveryN"/> (default 64).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int FsyncInterval
    {
        get => _fsyncInterval;
        init => _fsyncInterval = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "At least 1.");
    }

    /// <summary>Checks the cross-field rules: a segment fits in the totals.</summary>
    /// <exception cref="ArgumentException">A segment limit exceeds the corresponding total, or the folder is blank.</exception>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Directory))
        {
            throw new ArgumentException("The training buffer needs a directory.", nameof(Directory));
        }

        if (SegmentMaxBytes > MaxTotalBytes)
        {
            throw new ArgumentException($"SegmentMaxBytes ({SegmentMaxBytes}) exceeds MaxTotalBytes ({MaxTotalBytes}).", nameof(SegmentMaxBytes));
        }

        if (SegmentMaxRecords > MaxRecords)
        {
            throw new ArgumentException($"SegmentMaxRecords ({SegmentMaxRecords}) exceeds MaxRecords ({MaxRecords}).", nameof(SegmentMaxRecords));
        }
    }
}
