using SortLine.Simulators.Swir;

namespace SortLine.Simulators.Libs;

/// <summary>Settings of the simulated whisk-broom LIBS spectrometer.</summary>
/// <remarks>Wavelengths in nm, instrument coordinates in mm, rates in points per second, intensities in counts.</remarks>
public sealed record SimulatedLibsSpectrometerOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "SortLine:Simulators:Libs";

    /// <summary>Gets the seed of the shot-to-shot variation, noise and misfires (default 1).</summary>
    public long Seed { get; init; } = 1;

    /// <summary>Gets the model name reported in <see cref="Sensors.Libs.LibsSpectrometerInfo.Model"/>.</summary>
    public string Model { get; init; } = "SortLine simulated LIBS spectrometer";

    /// <summary>Gets the stitched spectrometers (default three, 8,192 channels over 200-900 nm, overlapping by 2 nm).</summary>
    public IReadOnlyList<LibsSegment> Segments { get; init; } =
        [new(200, 341, 2731, 100), new(339, 561, 2731, 120), new(559, 900, 2730, 90)];

    /// <summary>Gets the shot rate, points/s (default 100; 1-1,000).</summary>
    public double PointRateHz { get; init; } = 100;

    /// <summary>Gets real-time or burst pacing (default real time).</summary>
    public SensorPacing Pacing { get; init; } = SensorPacing.RealTime;

    /// <summary>Gets whether burst mode advances a stepped encoder by one shot period per point (default true).</summary>
    public bool AdvanceSteppedEncoder { get; init; } = true;

    /// <summary>Gets the number of pooled points (default 64; 1-65,536).</summary>
    public int PoolCapacity { get; init; } = 64;

    /// <summary>Gets the instrument → line frame transform (default scale 1.02, 1.5°, offset 15 mm across and 300 mm downstream).</summary>
    public LibsFrameTransform Frame { get; init; } = new(1.02, 1.5, 15, 300);

    /// <summary>Gets the start of the scanner's sweep, instrument X in mm (default 0).</summary>
    public double SweepStartXMm { get; init; }

    /// <summary>Gets the end of the scanner's sweep, instrument X in mm (default 960).</summary>
    public double SweepEndXMm { get; init; } = 960;

    /// <summary>Gets the shots per sweep; the scanner goes back and forth (triangle pattern; default 100; 2-100,000).</summary>
    public int PointsPerSweep { get; init; } = 100;

    /// <summary>Gets the laser spot diameter on the belt, mm (default 0.5; 0.01-20).</summary>
    public double SpotDiameterMm { get; init; } = 0.5;

    /// <summary>Gets the emission line FWHM (pseudo-Voigt, half Lorentzian), nm (default 0.15; 0.01-5).</summary>
    public double LineFwhmNm { get; init; } = 0.15;

    /// <summary>Gets the peak of the broad continuum (bremsstrahlung-like, plasma temperature <see cref="PlasmaTemperatureKelvin"/>), counts (default 400).</summary>
    public double ContinuumCounts { get; init; } = 400;

    /// <summary>Gets the plasma temperature that shapes the continuum, K (default 12,000).</summary>
    public double PlasmaTemperatureKelvin { get; init; } = 12_000;

    /// <summary>Gets the shot-to-shot relative variation of the plasma intensity (log-normal sigma; default 0.15; 0-1).</summary>
    public double ShotToShotVariation { get; init; } = 0.15;

    /// <summary>Gets the read noise, counts rms (default 8).</summary>
    public double ReadNoiseCounts { get; init; } = 8;

    /// <summary>Gets the counts per detected photon (shot noise variance = signal × this; default 1; 0-100).</summary>
    public double CountsPerPhoton { get; init; } = 1;

    /// <summary>Gets the detector's largest count (default 65,535).</summary>
    public double MaxCounts { get; init; } = 65_535;

    /// <summary>Gets the probability that the laser makes no plasma (default 0.02; 0-1).</summary>
    public double MisfireProbability { get; init; } = 0.02;

    /// <summary>Gets the probability that a point is lost by the device (default 0; 0-1).</summary>
    public double DroppedPointProbability { get; init; }

    /// <summary>Gets after how many delivered points (counted from each connect) the instrument disconnects (default null: never).</summary>
    public long? DisconnectAfterPoints { get; init; }

    /// <summary>Gets after how many delivered points (counted from each connect) the instrument stalls: it stays
    /// connected but delivers nothing more until reconnected (default null: never).</summary>
    public long? StallAfterPoints { get; init; }

    /// <summary>Gets how many recent points keep their ground truth retrievable (default 16,384).</summary>
    public int TruthHistoryPoints { get; init; } = 16_384;

    /// <summary>Gets the calibration targets' belt positions (across m, along m) (default five markers spread across the belt).</summary>
    public IReadOnlyList<(double AcrossMetres, double AlongMetres)> CalibrationTargets { get; init; } =
        [(0.1, 0.05), (0.3, 0.12), (0.5, 0.07), (0.7, 0.15), (0.9, 0.09)];

    /// <summary>Checks every value.</summary>
    /// <exception cref="ArgumentException">A value is out of range or inconsistent (the message names it).</exception>
    public void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Model, nameof(Model));
        if (Segments is null || Segments.Count == 0)
        {
            throw new ArgumentException("At least one spectrometer segment is needed.", nameof(Segments));
        }

        foreach (LibsSegment s in Segments)
        {
            if (!(s.StartNm > 0 && s.EndNm > s.StartNm && double.IsFinite(s.EndNm) && s.Channels >= 2 && s.BaselineCounts >= 0))
            {
                throw new ArgumentException($"Segment {s} needs 0 < start < end, ≥ 2 channels and a baseline ≥ 0.", nameof(Segments));
            }
        }

        CheckRange(PointRateHz, 1, 1000, nameof(PointRateHz));
        if (!Enum.IsDefined(Pacing))
        {
            throw new ArgumentOutOfRangeException(nameof(Pacing), Pacing, "Unknown pacing.");
        }

        CheckRange(PoolCapacity, 1, 65_536, nameof(PoolCapacity));
        if (!(Frame.Scale > 0 && double.IsFinite(Frame.Scale) && double.IsFinite(Frame.RotationDegrees)
            && double.IsFinite(Frame.OffsetAcrossMm) && double.IsFinite(Frame.OffsetDownstreamMm)))
        {
            throw new ArgumentException($"The frame transform {Frame} needs a positive scale and finite values.", nameof(Frame));
        }

        CheckRange(SweepStartXMm, -1e4, 1e4, nameof(SweepStartXMm));
        CheckRange(SweepEndXMm, -1e4, 1e4, nameof(SweepEndXMm));
        CheckRange(PointsPerSweep, 2, 100_000, nameof(PointsPerSweep));
        CheckRange(SpotDiameterMm, 0.01, 20, nameof(SpotDiameterMm));
        CheckRange(LineFwhmNm, 0.01, 5, nameof(LineFwhmNm));
        CheckRange(ContinuumCounts, 0, 1e6, nameof(ContinuumCounts));
        CheckRange(PlasmaTemperatureKelvin, 1000, 100_000, nameof(PlasmaTemperatureKelvin));
        CheckRange(ShotToShotVariation, 0, 1, nameof(ShotToShotVariation));
        CheckRange(ReadNoiseCounts, 0, 1e4, nameof(ReadNoiseCounts));
        CheckRange(CountsPerPhoton, 0, 100, nameof(CountsPerPhoton));
        CheckRange(MaxCounts, 1, 1e9, nameof(MaxCounts));
        CheckRange(MisfireProbability, 0, 1, nameof(MisfireProbability));
        CheckRange(DroppedPointProbability, 0, 1, nameof(DroppedPointProbability));
        if (DisconnectAfterPoints is long n)
        {
            CheckRange(n, 1, long.MaxValue, nameof(DisconnectAfterPoints));
        }

        if (StallAfterPoints is long stall)
        {
            CheckRange(stall, 1, long.MaxValue, nameof(StallAfterPoints));
        }

        CheckRange(TruthHistoryPoints, 1, 1 << 24, nameof(TruthHistoryPoints));
        ArgumentNullException.ThrowIfNull(CalibrationTargets, nameof(CalibrationTargets));
    }

    private static void CheckRange(double value, double min, double max, string name)
    {
        if (!(value >= min && value <= max))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be within {min}-{max}.");
        }
    }
}
