namespace SortLine.Simulators.Recording.Envi;

/// <summary>Options of <see cref="EnviSwirRecorder"/>.</summary>
public sealed class EnviSwirRecorderOptions
{
    private long _timestampFrequency = TimeProvider.System.TimestampFrequency;

    /// <summary>Gets or sets free text for the header's <c>description</c> (braces and line breaks are replaced).</summary>
    public string? Description { get; set; }

    /// <summary>
    /// Gets or sets the ticks per second of the lines' <see cref="Sensors.SampleStamp.Timestamp"/>: the
    /// <see cref="TimeProvider.TimestampFrequency"/> of the source's time provider. Default: the system's.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive.</exception>
    public long TimestampFrequency
    {
        get => _timestampFrequency;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            _timestampFrequency = value;
        }
    }

    /// <summary>Gets or sets whether existing files of the same name are replaced (default false: creating fails).</summary>
    public bool Overwrite { get; set; }

    /// <summary>
    /// Gets or sets whether <see cref="EnviSwirRecorder.Flush"/> and <see cref="EnviSwirRecorder.Close"/> also force
    /// the data to the storage device (fsync), so it survives a power loss, not only a process crash. Default true.
    /// </summary>
    public bool FlushToDisk { get; set; } = true;
}
