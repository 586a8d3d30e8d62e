namespace SortLine.Simulators.Recording.Replay;

/// <summary>Options of the recording replayers (<see cref="SwirRecordingReplayer"/>, <see cref="LibsRecordingReplayer"/>).</summary>
/// <remarks>Setters validate their value. Counts are encoder counts.</remarks>
public sealed class ReplayOptions
{
    private ReplayPacing _pacing;
    private double _speedFactor = 1;
    private ReplayEncoderMode _encoderMode;
    private long _countsPerSample = 1;
    private int _poolCapacity = 16;

    /// <summary>Gets or sets the pacing (default <see cref="ReplayPacing.RecordedPace"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined pacing.</exception>
    public ReplayPacing Pacing
    {
        get => _pacing;
        set
        {
            if (!Enum.IsDefined(value))
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "Unknown pacing.");
            }

            _pacing = value;
        }
    }

    /// <summary>Gets or sets the speed-up for <see cref="ReplayPacing.Accelerated"/> (default 1; 0.5 = half speed).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not finite and positive.</exception>
    public double SpeedFactor
    {
        get => _speedFactor;
        set
        {
            if (!(value > 0 && double.IsFinite(value)))
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "The speed factor must be finite and positive.");
            }

            _speedFactor = value;
        }
    }

    /// <summary>Gets or sets whether the replay starts again from the beginning at the end of the recording
    /// (default false: the stream completes).</summary>
    public bool Loop { get; set; }

    /// <summary>Gets or sets which encoder positions the samples carry (default <see cref="ReplayEncoderMode.Recorded"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined mode.</exception>
    public ReplayEncoderMode EncoderMode
    {
        get => _encoderMode;
        set
        {
            if (!Enum.IsDefined(value))
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "Unknown encoder mode.");
            }

            _encoderMode = value;
        }
    }

    /// <summary>Gets or sets the encoder position of the first synthetic sample (default 0).</summary>
    public long EncoderOrigin { get; set; }

    /// <summary>Gets or sets the encoder counts between consecutive synthetic samples (default 1, ≥ 1).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public long CountsPerSample
    {
        get => _countsPerSample;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            _countsPerSample = value;
        }
    }

    /// <summary>Gets or sets the number of pooled samples (default 16, ≥ 1). When the consumer holds them all,
    /// further samples are dropped and counted.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int PoolCapacity
    {
        get => _poolCapacity;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            _poolCapacity = value;
        }
    }

    /// <summary>A copy, so a replayer keeps a snapshot of the options it was created with.</summary>
    internal ReplayOptions Clone() => (ReplayOptions)MemberwiseClone();
}
