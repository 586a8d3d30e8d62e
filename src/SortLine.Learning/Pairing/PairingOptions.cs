using System.Globalization;

namespace SortLine.Learning.Pairing;

/// <summary>
/// Settings of the LIBS → SWIR pairing: registration (<see cref="LibsToSwirRegistration"/>), the SWIR line history
/// (<see cref="SwirLineHistory"/>) and the edge rule of <see cref="PairBuilder"/>. Units in the names (mm, rad, lines).
/// </summary>
/// <remarks>Every setter rejects a value outside its range with <see cref="ArgumentOutOfRangeException"/>.</remarks>
public sealed class PairingOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "SortLine:Learning:Pairing";

    private readonly double _swirPixelPitchMm = 2.5;
    private readonly int _minRegistrationTargets = 4;
    private readonly double _maxRegistrationRmsMm = 1.0;
    private readonly int _historyLines = 2048;
    private readonly double _maxLineOffsetMm = 5.0;
    private readonly int _edgeRadiusPixels = 1;
    private readonly double _edgeMaxSpectralAngleRad = 0.1;
    private readonly double _edgeWeight;

    /// <summary>
    /// Gets the SWIR pixel pitch across the belt at the belt surface, mm per pixel (&gt; 0). Default 2.5 (a 384-pixel line
    /// over a ~1 m belt); set it from the camera's field of view. The registration works in mm on both axes because a
    /// similarity transform has one scale: pixel columns are converted with this pitch.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not finite and positive.</exception>
    public double SwirPixelPitchMm
    {
        get => _swirPixelPitchMm;
        init => _swirPixelPitchMm = Positive(value, nameof(SwirPixelPitchMm));
    }

    /// <summary>Gets the least number of calibration targets (≥ 3: two fix a 2-D similarity exactly and leave no residual
    /// to check). Default 4.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 3.</exception>
    public int MinRegistrationTargets
    {
        get => _minRegistrationTargets;
        init => _minRegistrationTargets = AtLeast(value, 3, nameof(MinRegistrationTargets));
    }

    /// <summary>Gets the largest accepted RMS residual of the registration, mm (&gt; 0). Default 1.0.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not finite and positive.</exception>
    public double MaxRegistrationRmsMm
    {
        get => _maxRegistrationRmsMm;
        init => _maxRegistrationRmsMm = Positive(value, nameof(MaxRegistrationRmsMm));
    }

    /// <summary>Gets the SWIR line history length in lines (≥ 1). Default 2048 (4 s at 500 lines/s). It must cover the
    /// belt distance from the SWIR scan line to the LIBS spot plus the LIBS latency.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
    public int HistoryLines
    {
        get => _historyLines;
        init => _historyLines = AtLeast(value, 1, nameof(HistoryLines));
    }

    /// <summary>Gets the largest belt distance between a LIBS spot and the nearest SWIR line still accepted, mm (&gt; 0).
    /// Default 5 (about one line at 3 m/s and 600 lines/s).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not finite and positive.</exception>
    public double MaxLineOffsetMm
    {
        get => _maxLineOffsetMm;
        init => _maxLineOffsetMm = Positive(value, nameof(MaxLineOffsetMm));
    }

    /// <summary>Gets the edge neighbourhood radius r in pixels and lines (≥ 0): the (2r + 1) × (2r + 1) pixels around the
    /// paired pixel are compared. Default 1 (3 × 3); 0 disables the edge test.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public int EdgeRadiusPixels
    {
        get => _edgeRadiusPixels;
        init => _edgeRadiusPixels = AtLeast(value, 0, nameof(EdgeRadiusPixels));
    }

    /// <summary>Gets the largest spectral angle between the paired pixel and a neighbour before the pair is flagged as an
    /// edge, radians, in (0, π/2]. Default 0.1 (5.7°). Tune it on the line's preprocessed spectra: hull quotients of
    /// different minerals can differ by only a few degrees.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside (0, π/2].</exception>
    public double EdgeMaxSpectralAngleRad
    {
        get => _edgeMaxSpectralAngleRad;
        init
        {
            if (!(value > 0 && value <= Math.PI / 2))
            {
                throw new ArgumentOutOfRangeException(nameof(EdgeMaxSpectralAngleRad), value, "The angle must lie in (0, π/2] rad.");
            }

            _edgeMaxSpectralAngleRad = value;
        }
    }

    /// <summary>Gets the weight given to edge pairs, in [0, 1] (non-edge pairs weigh 1). Default 0: edge pairs are
    /// kept in the buffer for inspection but carry no weight.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside [0, 1].</exception>
    public double EdgeWeight
    {
        get => _edgeWeight;
        init
        {
            if (!(value >= 0 && value <= 1))
            {
                throw new ArgumentOutOfRangeException(nameof(EdgeWeight), value, "The edge weight must lie in [0, 1].");
            }

            _edgeWeight = value;
        }
    }

    private static double Positive(double value, string name)
    {
        if (!(value > 0) || !double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(name, value, string.Create(CultureInfo.InvariantCulture, $"{name} must be finite and positive."));
        }

        return value;
    }

    private static int AtLeast(int value, int min, string name)
    {
        if (value < min)
        {
            throw new ArgumentOutOfRangeException(name, value, string.Create(CultureInfo.InvariantCulture, $"{name} must be at least {min}."));
        }

        return value;
    }
}
