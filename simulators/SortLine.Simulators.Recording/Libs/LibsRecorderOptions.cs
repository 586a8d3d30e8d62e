namespace SortLine.Simulators.Recording.Libs;

/// <summary>Options of <see cref="LibsRecorder"/>.</summary>
public sealed class LibsRecorderOptions
{
    private long _timestampFrequency = TimeProvider.System.TimestampFrequency;

    /// <summary>Gets or sets the ticks per second of the points' timestamps (the source's
    /// <see cref="TimeProvider.TimestampFrequency"/>). Default: the system's.</summary>
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

    /// <summary>Gets or sets whether an existing file is replaced (default false: creating fails).</summary>
    public bool Overwrite { get; set; }

    /// <summary>Gets or sets whether each record is also forced to the storage device (fsync), surviving a power
    /// loss and not only a process crash. Default false (LIBS rates are low, but fsync costs milliseconds).</summary>
    public bool FlushToDiskEveryRecord { get; set; }
}
