namespace SortLine.Simulators.Swir;

/// <summary>Settings of the simulated SWIR push-broom camera.</summary>
/// <remarks>
/// Wavelengths in nm, lengths in m, rates in lines per second, signal levels in DN (detector counts) unless the name
/// says electrons. The detector model: DN = dark + gain · illumination · reflectance + noise, with noise variance
/// (in DN²) = signal / <see cref="ConversionGainElectronsPerDn"/> + (<see cref="ReadNoiseElectrons"/> / conversion gain)²,
/// then rounding (adds 1/12 DN²) and clipping to the bit depth.
/// </remarks>
public sealed record SimulatedSwirCameraOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "SortLine:Simulators:Swir";

    /// <summary>Gets the seed of the camera's fixed pattern and noise (default 1).</summary>
    public long Seed { get; init; } = 1;

    /// <summary>Gets the model name reported in <see cref="Sensors.Swir.SwirCameraInfo.Model"/>.</summary>
    public string Model { get; init; } = "SortLine simulated SWIR camera";

    /// <summary>Gets the pixels across the belt (default 384; 1-4096).</summary>
    public int SpatialPixels { get; init; } = 384;

    /// <summary>Gets the number of bands (default 288; 2-1024).</summary>
    public int Bands { get; init; } = 288;

    /// <summary>Gets the first band centre, nm (default 900).</summary>
    public double FirstBandNm { get; init; } = 900;

    /// <summary>Gets the last band centre, nm (default 2500; the library covers 350-2500 nm).</summary>
    public double LastBandNm { get; init; } = 2500;

    /// <summary>Gets the band FWHM as a multiple of the band spacing (default 1.0; 0.3-5).</summary>
    public double FwhmPerBandSpacing { get; init; } = 1.0;

    /// <summary>Gets the detector bit depth (default 12; 8-16).</summary>
    public int BitDepth { get; init; } = 12;

    /// <summary>Gets the line rate in lines/s (default 670; 1-10,000).</summary>
    public double LineRateHz { get; init; } = 670;

    /// <summary>Gets real-time or burst pacing (default real time).</summary>
    public SensorPacing Pacing { get; init; } = SensorPacing.RealTime;

    /// <summary>Gets whether burst mode advances a stepped <see cref="Encoder.SimulatedBeltEncoder"/> by one line period per line (default true).</summary>
    public bool AdvanceSteppedEncoder { get; init; } = true;

    /// <summary>Gets the number of pooled lines (default 64; 1-65,536). A reader holding all of them makes the camera drop lines.</summary>
    public int PoolCapacity { get; init; } = 64;

    /// <summary>Gets where the field of view starts across the belt, m (default 0).</summary>
    public double FieldOfViewStartMetres { get; init; }

    /// <summary>Gets the field of view width across the belt, m (default 1.0, the default belt width).</summary>
    public double FieldOfViewWidthMetres { get; init; } = 1.0;

    /// <summary>Gets the pixel footprint length along the belt, m (default null: square pixels, equal to the across pitch).</summary>
    public double? FootprintAlongMetres { get; init; }

    /// <summary>Gets the scene sample grid per pixel and axis (default 2, i.e. 4 samples; 1-4): pixels on particle edges see mixtures.</summary>
    public int SubsamplesPerAxis { get; init; } = 2;

    /// <summary>Gets the mean dark level, DN (default 300).</summary>
    public double DarkLevelDn { get; init; } = 300;

    /// <summary>Gets the standard deviation of the fixed dark pattern over pixels and bands, DN (default 15).</summary>
    public double DarkPatternStdDn { get; init; } = 15;

    /// <summary>Gets the mean signal above dark for reflectance 1 at the peak of the spectral response and nominal illumination, DN (default 3200).</summary>
    public double WhiteLevelDn { get; init; } = 3200;

    /// <summary>Gets the relative response at the ends of the band range (lamp × detector; default 0.45; 0.05-1; 1 at mid-range).</summary>
    public double SpectralResponseAtEdges { get; init; } = 0.45;

    /// <summary>Gets the relative standard deviation of the per pixel and band gain (photo-response non-uniformity; default 0.03; 0-0.2).</summary>
    public double GainNonUniformity { get; init; } = 0.03;

    /// <summary>Gets the conversion gain, electrons per DN (default 10).</summary>
    public double ConversionGainElectronsPerDn { get; init; } = 10;

    /// <summary>Gets the read noise, electrons rms (default 60).</summary>
    public double ReadNoiseElectrons { get; init; } = 60;

    /// <summary>Gets the number of dead detector elements (pixel, band), stuck at their dark level (default 16).</summary>
    public int DeadElementCount { get; init; } = 16;

    /// <summary>Gets the relative amplitude of the slow illumination drift (default 0.01; 0-0.2).</summary>
    public double IlluminationDriftAmplitude { get; init; } = 0.01;

    /// <summary>Gets the drift period, s (default 120). Drift time is line sequence / line rate, so it is deterministic.</summary>
    public double IlluminationDriftPeriodSeconds { get; init; } = 120;

    /// <summary>Gets the white reference tile's reflectance (default 0.99).</summary>
    public double WhiteReferenceReflectance { get; init; } = 0.99;

    /// <summary>Gets the probability that the device loses a line (default 0; 0-1).</summary>
    public double DroppedLineProbability { get; init; }

    /// <summary>Gets after how many delivered lines (counted from each connect) the camera disconnects (default null: never).</summary>
    public long? DisconnectAfterLines { get; init; }

    /// <summary>Gets after how many delivered lines (counted from each connect) the camera stalls: it stays connected
    /// but delivers nothing more until reconnected, like a camera whose trigger or transfer hung (default null: never).</summary>
    public long? StallAfterLines { get; init; }

    /// <summary>Gets how many recent lines keep their ground truth retrievable (default 16,384).</summary>
    public int TruthHistoryLines { get; init; } = 16_384;

    /// <summary>Gets the band spacing in nm.</summary>
    public double BandSpacingNm => (LastBandNm - FirstBandNm) / (Bands - 1);

    /// <summary>Checks every value and the cross-field rules.</summary>
    /// <exception cref="ArgumentException">A value is out of range or inconsistent (the message names it).</exception>
    public void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Model, nameof(Model));
        CheckRange(SpatialPixels, 1, 4096, nameof(SpatialPixels));
        CheckRange(Bands, 2, 1024, nameof(Bands));
        CheckRange(FirstBandNm, 300, 3000, nameof(FirstBandNm));
        CheckRange(LastBandNm, FirstBandNm + 1, 3000, nameof(LastBandNm));
        CheckRange(FwhmPerBandSpacing, 0.3, 5, nameof(FwhmPerBandSpacing));
        CheckRange(BitDepth, 8, 16, nameof(BitDepth));
        CheckRange(LineRateHz, 1, 10_000, nameof(LineRateHz));
        if (!Enum.IsDefined(Pacing))
        {
            throw new ArgumentOutOfRangeException(nameof(Pacing), Pacing, "Unknown pacing.");
        }

        CheckRange(PoolCapacity, 1, 65_536, nameof(PoolCapacity));
        CheckRange(FieldOfViewStartMetres, -10, 10, nameof(FieldOfViewStartMetres));
        CheckRange(FieldOfViewWidthMetres, 0.001, 10, nameof(FieldOfViewWidthMetres));
        if (FootprintAlongMetres is double along)
        {
            CheckRange(along, 0, 1, nameof(FootprintAlongMetres));
        }

        CheckRange(SubsamplesPerAxis, 1, 4, nameof(SubsamplesPerAxis));
        CheckRange(DarkLevelDn, 0, 60_000, nameof(DarkLevelDn));
        CheckRange(DarkPatternStdDn, 0, 1000, nameof(DarkPatternStdDn));
        CheckRange(WhiteLevelDn, 1, 65_535, nameof(WhiteLevelDn));
        CheckRange(SpectralResponseAtEdges, 0.05, 1, nameof(SpectralResponseAtEdges));
        CheckRange(GainNonUniformity, 0, 0.2, nameof(GainNonUniformity));
        CheckRange(ConversionGainElectronsPerDn, 0.01, 1000, nameof(ConversionGainElectronsPerDn));
        CheckRange(ReadNoiseElectrons, 0, 10_000, nameof(ReadNoiseElectrons));
        CheckRange(DeadElementCount, 0, (double)SpatialPixels * Bands, nameof(DeadElementCount));
        CheckRange(IlluminationDriftAmplitude, 0, 0.2, nameof(IlluminationDriftAmplitude));
        CheckRange(IlluminationDriftPeriodSeconds, 0.001, 1e7, nameof(IlluminationDriftPeriodSeconds));
        CheckRange(WhiteReferenceReflectance, 0.01, 1, nameof(WhiteReferenceReflectance));
        CheckRange(DroppedLineProbability, 0, 1, nameof(DroppedLineProbability));
        if (DisconnectAfterLines is long n)
        {
            CheckRange(n, 1, long.MaxValue, nameof(DisconnectAfterLines));
        }

        if (StallAfterLines is long stall)
        {
            CheckRange(stall, 1, long.MaxValue, nameof(StallAfterLines));
        }

        CheckRange(TruthHistoryLines, 1, 1 << 24, nameof(TruthHistoryLines));
        if (DarkLevelDn + WhiteLevelDn > (1 << BitDepth) - 1)
        {
            throw new ArgumentException(
                $"Dark level {DarkLevelDn} DN + white level {WhiteLevelDn} DN exceeds the {BitDepth}-bit range.", nameof(WhiteLevelDn));
        }
    }

    private static void CheckRange(double value, double min, double max, string name)
    {
        if (!(value >= min && value <= max))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be within {min}-{max}.");
        }
    }
}
