namespace SortLine.Simulators.Encoder;

/// <summary>Settings of the simulated belt encoder.</summary>
/// <remarks>Speeds in metres per second; scale in counts per metre.</remarks>
public sealed record SimulatedEncoderOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "SortLine:Simulators:Encoder";

    /// <summary>Gets the encoder counts per metre of belt travel (default 10,000: 0.1 mm per count).</summary>
    public double CountsPerMetre { get; init; } = 10_000;

    /// <summary>Gets the initial belt speed in m/s (default 2.0; allowed 0-10, where 0 is a stopped belt).</summary>
    public double BeltSpeedMetresPerSecond { get; init; } = 2.0;

    /// <summary>Gets the count at start (default 0; ≥ 0).</summary>
    public long StartCounts { get; init; }

    /// <summary>Checks every value.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range (the message names it).</exception>
    public void Validate()
    {
        if (!(CountsPerMetre > 0 && double.IsFinite(CountsPerMetre)))
        {
            throw new ArgumentOutOfRangeException(nameof(CountsPerMetre), CountsPerMetre, "Counts per metre must be finite and positive.");
        }

        if (!(BeltSpeedMetresPerSecond is >= 0 and <= 10))
        {
            throw new ArgumentOutOfRangeException(nameof(BeltSpeedMetresPerSecond), BeltSpeedMetresPerSecond, "The belt speed must be within 0-10 m/s.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(StartCounts, nameof(StartCounts));
    }
}
