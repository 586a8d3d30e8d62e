namespace SortLine.Sensors.Encoder;

/// <summary>Converts between belt distance and encoder counts.</summary>
/// <remarks>Distances are in metres; the scale is counts per metre of belt travel.</remarks>
public readonly record struct EncoderScale
{
    /// <summary>Creates a scale.</summary>
    /// <param name="countsPerMetre">Encoder counts per metre of belt travel; finite and &gt; 0.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="countsPerMetre"/> is not finite and positive.</exception>
    public EncoderScale(double countsPerMetre)
    {
        if (!(countsPerMetre > 0 && double.IsFinite(countsPerMetre)))
        {
            throw new ArgumentOutOfRangeException(nameof(countsPerMetre), countsPerMetre, "Counts per metre must be finite and positive.");
        }

        CountsPerMetre = countsPerMetre;
    }

    /// <summary>Gets the encoder counts per metre of belt travel.</summary>
    public double CountsPerMetre { get; }

    /// <summary>The number of counts (rounded to nearest) for a belt distance in metres.</summary>
    public long ToCounts(double metres) => (long)Math.Round(metres * CountsPerMetre, MidpointRounding.AwayFromZero);

    /// <summary>The belt distance in metres for a number of counts.</summary>
    public double ToMetres(long counts) => counts / CountsPerMetre;
}
