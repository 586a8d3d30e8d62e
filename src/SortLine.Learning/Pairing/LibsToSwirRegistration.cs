using System.Globalization;
using SortLine.Sensors.Encoder;
using SortLine.Spectra;
using SortLine.Spectra.Geometry;

namespace SortLine.Learning.Pairing;

/// <summary>
/// Registers LIBS spots to the SWIR pixel grid (methods brief §4): a 2-D similarity transform (rotation, uniform scale,
/// translation; Kabsch-Umeyama, <see cref="SimilarityTransform"/>) from the LIBS instrument frame to the SWIR frame,
/// estimated from calibration targets seen by both sensors. Immutable.
/// </summary>
/// <remarks>
/// <para><b>Frames.</b> Source: the spot in the LIBS instrument frame (x across, y along the belt, mm). Destination, in mm
/// on both axes: across = SWIR pixel column × <see cref="PairingOptions.SwirPixelPitchMm"/>; along = the belt travel from
/// the moment the SWIR camera imaged the spot to the moment of the LIBS shot, i.e. (LIBS encoder − SWIR encoder)
/// converted to mm with the <see cref="EncoderScale"/>. Mapping a new shot gives that travel, hence the SWIR line to
/// look up: SWIR encoder = LIBS encoder − counts(along). Both axes are in mm so that one scale factor is physical
/// (≈ 1 when both instruments are calibrated in mm).</para>
/// <para><b>Refusals</b> (<see cref="RegistrationException"/> with a <see cref="RegistrationFailure"/>): fewer targets
/// than <see cref="PairingOptions.MinRegistrationTargets"/>; coincident or collinear targets; an RMS residual above
/// <see cref="PairingOptions.MaxRegistrationRmsMm"/>.</para>
/// <para><see cref="Locate"/> allocates nothing and is thread-safe.</para>
/// </remarks>
public sealed class LibsToSwirRegistration
{
    private readonly double _r00, _r01, _r10, _r11, _tx, _ty, _scale;

    private LibsToSwirRegistration(SimilarityTransform transform, double rmsResidualMm, int targetCount, double pixelPitchMm, EncoderScale encoderScale)
    {
        Transform = transform;
        RmsResidualMm = rmsResidualMm;
        TargetCount = targetCount;
        PixelPitchMm = pixelPitchMm;
        EncoderScale = encoderScale;
        ReadOnlySpan<double> r = transform.Rotation;
        (_r00, _r01, _r10, _r11) = (r[0], r[1], r[2], r[3]);
        (_tx, _ty) = (transform.Translation[0], transform.Translation[1]);
        _scale = transform.Scale;
    }

    /// <summary>Gets the LIBS frame (mm) → SWIR frame (mm) transform.</summary>
    public SimilarityTransform Transform { get; }

    /// <summary>Gets the RMS residual over the targets, mm in the SWIR frame.</summary>
    public double RmsResidualMm { get; }

    /// <summary>Gets the number of targets the transform was estimated from (0 for <see cref="FromTransform"/>).</summary>
    public int TargetCount { get; }

    /// <summary>Gets the SWIR pixel pitch, mm per pixel.</summary>
    public double PixelPitchMm { get; }

    /// <summary>Gets the encoder scale used for the along-belt axis.</summary>
    public EncoderScale EncoderScale { get; }

    /// <summary>Gets the rotation angle of the transform, radians (counter-clockwise from LIBS x to SWIR across).</summary>
    public double RotationRad => Math.Atan2(_r10, _r00);

    /// <summary>Estimates the registration from calibration targets.</summary>
    /// <param name="targets">Targets seen by both sensors.</param>
    /// <param name="encoderScale">Encoder counts per metre of belt.</param>
    /// <param name="options">Settings (pixel pitch, target count, residual bound); <see langword="null"/> for the defaults.</param>
    /// <returns>The registration.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="targets"/> is null.</exception>
    /// <exception cref="ArgumentException">A target coordinate is not finite.</exception>
    /// <exception cref="RegistrationException">Too few targets, degenerate targets, or an RMS residual above the bound.</exception>
    public static LibsToSwirRegistration Estimate(IReadOnlyList<RegistrationTarget> targets, EncoderScale encoderScale, PairingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(targets);
        options ??= new PairingOptions();
        int n = targets.Count;
        if (n < options.MinRegistrationTargets)
        {
            throw new RegistrationException(RegistrationFailure.TooFewTargets, double.NaN, string.Create(CultureInfo.InvariantCulture,
                $"{n} calibration targets given; at least {options.MinRegistrationTargets} are required."));
        }

        var source = new double[2 * n];
        var destination = new double[2 * n];
        for (int i = 0; i < n; i++)
        {
            RegistrationTarget t = targets[i];
            source[2 * i] = t.LibsXMm;
            source[(2 * i) + 1] = t.LibsYMm;
            destination[2 * i] = t.SwirColumn * options.SwirPixelPitchMm;
            destination[(2 * i) + 1] = 1000.0 * encoderScale.ToMetres(t.LibsEncoder - t.SwirEncoder);
            if (!double.IsFinite(source[2 * i]) || !double.IsFinite(source[(2 * i) + 1]) || !double.IsFinite(destination[2 * i]))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Target {i} has a non-finite coordinate."), nameof(targets));
            }
        }

        SimilarityTransform transform;
        double rms;
        try
        {
            transform = SimilarityTransform.Estimate(new ReadOnlyMatrixSpan<double>(source, n, 2), new ReadOnlyMatrixSpan<double>(destination, n, 2), out rms);
        }
        catch (ArgumentException e)
        {
            throw new RegistrationException(RegistrationFailure.Degenerate, double.NaN, "The calibration targets do not fix a similarity transform: " + e.Message, e);
        }

        if (!(rms <= options.MaxRegistrationRmsMm))
        {
            throw new RegistrationException(RegistrationFailure.ResidualTooLarge, rms, string.Create(CultureInfo.InvariantCulture,
                $"The registration's RMS residual is {rms:G4} mm over {n} targets; at most {options.MaxRegistrationRmsMm} mm is accepted. Check the target matches."));
        }

        return new LibsToSwirRegistration(transform, rms, n, options.SwirPixelPitchMm, encoderScale);
    }

    /// <summary>Wraps a stored transform (e.g. from configuration) as a registration.</summary>
    /// <param name="transform">A 2-D LIBS (mm) → SWIR (mm) transform.</param>
    /// <param name="pixelPitchMm">SWIR pixel pitch, mm per pixel (&gt; 0).</param>
    /// <param name="encoderScale">Encoder counts per metre.</param>
    /// <param name="rmsResidualMm">The residual recorded when it was estimated (≥ 0), or NaN if unknown.</param>
    /// <returns>The registration.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="transform"/> is null.</exception>
    /// <exception cref="ArgumentException">The transform is not 2-D.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="pixelPitchMm"/> is not finite and positive.</exception>
    public static LibsToSwirRegistration FromTransform(SimilarityTransform transform, double pixelPitchMm, EncoderScale encoderScale, double rmsResidualMm = double.NaN)
    {
        ArgumentNullException.ThrowIfNull(transform);
        if (transform.Dimension != 2)
        {
            throw new ArgumentException("A 2-D transform is required.", nameof(transform));
        }

        if (!(pixelPitchMm > 0) || !double.IsFinite(pixelPitchMm))
        {
            throw new ArgumentOutOfRangeException(nameof(pixelPitchMm), pixelPitchMm, "The pixel pitch must be finite and positive.");
        }

        return new LibsToSwirRegistration(transform, rmsResidualMm, 0, pixelPitchMm, encoderScale);
    }

    /// <summary>Maps a LIBS spot to the SWIR pixel column and line that imaged it.</summary>
    /// <param name="scanXMm">Across-belt spot position in the LIBS frame, mm.</param>
    /// <param name="scanYMm">Along-belt spot position in the LIBS frame, mm.</param>
    /// <param name="libsEncoder">Belt position at the shot.</param>
    /// <returns>The SWIR column and line encoder position.</returns>
    public SwirLocation Locate(double scanXMm, double scanYMm, EncoderPosition libsEncoder)
    {
        double across = (_scale * ((_r00 * scanXMm) + (_r01 * scanYMm))) + _tx;
        double along = (_scale * ((_r10 * scanXMm) + (_r11 * scanYMm))) + _ty;
        long travelCounts = EncoderScale.ToCounts(along / 1000.0);
        return new SwirLocation(across / PixelPitchMm, libsEncoder + (-travelCounts), across, along);
    }
}
