using System.Globalization;
using SortLine.Learning.Pairing;
using SortLine.Spectra.Calibration;
using SortLine.Spectra.Continuum;
using SortLine.Spectra.Smoothing;

namespace SortLine.Pipeline.Inference;

/// <summary>
/// The line's per-pixel preprocessing plan (methods brief §2): reflectance against the current dark and white references
/// (<see cref="ReflectanceCalibration.ApplyPixel"/>) → Savitzky–Golay along bands → hull quotient, plus the belt-brightness
/// rule (a pixel whose mean reflectance is below <see cref="BackgroundReflectanceThreshold"/> is belt, class 0, without asking
/// a model). One immutable object per calibration: a recalibration publishes a new one (see <see cref="ModelSlot.Recalibrate"/>).
/// </summary>
/// <remarks>
/// <para><b>Same kernels as <see cref="LineClassifier"/></b>: each step is the public Spectra kernel on the pixel's spectrum, in
/// the same order, so the features written here are bit for bit the spectra a <see cref="LineClassifier"/> built from the same
/// calibration, smoothing and hull plan scores (<see cref="Matches"/>). The MSKD pairing history is fed with these features, so
/// the student is trained on exactly what it classifies. Dead cells read 0 (as in the classifier; no repair).</para>
/// <para>Immutable and thread-safe; callers pass their own scratch (<see cref="ScratchLength"/> floats,
/// <see cref="HullScratchLength"/> ints). <see cref="Apply"/> and <see cref="ApplyForeground"/> allocate nothing.</para>
/// <para>Units: raw DN in; features are hull quotients (dimensionless, ≤ 1 + rounding); the threshold is a mean reflectance
/// (dimensionless, 0 = dark reference, 1 = white reference).</para>
/// </remarks>
public sealed class LinePreprocessing : ISwirPixelPreprocessor
{
    /// <summary>The threshold as a sum over bands (−∞: no rule).</summary>
    private readonly float _sumThreshold;

    /// <summary>Creates the plan.</summary>
    /// <param name="calibration">The camera's reflectance calibration (defines pixels and bands).</param>
    /// <param name="smoothing">Savitzky–Golay plan (window ≤ bands).</param>
    /// <param name="hullQuotient">Hull quotient plan over the camera's band centres.</param>
    /// <param name="backgroundReflectanceThreshold">Mean reflectance below which a pixel is belt, or
    /// <see cref="double.NegativeInfinity"/> for no brightness rule (every pixel is foreground).</param>
    /// <exception cref="ArgumentNullException">A plan is null.</exception>
    /// <exception cref="ArgumentException">The plans do not fit the calibration's band count.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="backgroundReflectanceThreshold"/> is NaN or +∞.</exception>
    public LinePreprocessing(ReflectanceCalibration calibration, SavitzkyGolayPlan smoothing, HullQuotientPlan hullQuotient, double backgroundReflectanceThreshold)
    {
        ArgumentNullException.ThrowIfNull(calibration);
        ArgumentNullException.ThrowIfNull(smoothing);
        ArgumentNullException.ThrowIfNull(hullQuotient);
        if (smoothing.WindowLength > calibration.Bands)
        {
            throw new ArgumentException(Invariant($"The smoothing window ({smoothing.WindowLength}) is longer than the spectrum ({calibration.Bands} bands)."), nameof(smoothing));
        }

        if (hullQuotient.BandCount != calibration.Bands)
        {
            throw new ArgumentException(Invariant($"The hull quotient plan has {hullQuotient.BandCount} bands; the camera has {calibration.Bands}."), nameof(hullQuotient));
        }

        if (double.IsNaN(backgroundReflectanceThreshold) || double.IsPositiveInfinity(backgroundReflectanceThreshold))
        {
            throw new ArgumentOutOfRangeException(nameof(backgroundReflectanceThreshold), backgroundReflectanceThreshold,
                "The background threshold must be a finite mean reflectance (or −∞ for no brightness rule).");
        }

        Calibration = calibration;
        Smoothing = smoothing;
        HullQuotient = hullQuotient;
        BackgroundReflectanceThreshold = backgroundReflectanceThreshold;
        _sumThreshold = (float)(backgroundReflectanceThreshold * calibration.Bands);
    }

    /// <summary>Gets the reflectance calibration (dark and white references).</summary>
    public ReflectanceCalibration Calibration { get; }

    /// <summary>Gets the smoothing plan.</summary>
    public SavitzkyGolayPlan Smoothing { get; }

    /// <summary>Gets the hull quotient plan.</summary>
    public HullQuotientPlan HullQuotient { get; }

    /// <summary>Gets the mean reflectance below which a pixel is belt (−∞: no brightness rule).</summary>
    public double BackgroundReflectanceThreshold { get; }

    /// <summary>Gets the spatial pixels per line.</summary>
    public int Pixels => Calibration.Pixels;

    /// <summary>Gets the bands per pixel.</summary>
    public int Bands => Calibration.Bands;

    /// <summary>Gets the float scratch a caller passes: two spectra (<c>2 × Bands</c>).</summary>
    public int ScratchLength => 2 * Bands;

    /// <summary>Gets the int scratch a caller passes: the hull vertices (<see cref="Bands"/>).</summary>
    public int HullScratchLength => Bands;

    /// <summary>
    /// Whether a classifier scores exactly these features: same calibration object, same smoothing (window, order,
    /// derivative, delta) and a hull quotient over the same float wavelengths (the axis the float kernels use). Then classifying the features of
    /// <see cref="Apply"/> gives the classes of <see cref="LineClassifier.ClassifyLine"/>.
    /// </summary>
    /// <param name="classifier">The classifier.</param>
    /// <returns>True when the classifier's preprocessing is this one.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="classifier"/> is null.</exception>
    public bool Matches(LineClassifier classifier)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        SavitzkyGolayPlan s = classifier.Smoothing;
        return ReferenceEquals(classifier.Calibration, Calibration)
            && s.WindowLength == Smoothing.WindowLength
            && s.PolynomialOrder == Smoothing.PolynomialOrder
            && s.DerivativeOrder == Smoothing.DerivativeOrder
            && s.Delta.Equals(Smoothing.Delta)
            && classifier.HullQuotient is { } hull
            && hull.WavelengthsSingle.SequenceEqual(HullQuotient.WavelengthsSingle);
    }

    /// <summary>Preprocesses every pixel of a raw line into features and the brightness foreground mask. Allocates nothing.</summary>
    /// <param name="rawLine">Raw counts (DN), <see cref="Pixels"/> × <see cref="Bands"/>, pixel-interleaved.</param>
    /// <param name="features">Receives the hull quotients, same length and layout.</param>
    /// <param name="foreground">Receives per pixel whether it is at least as bright as the belt threshold (<see cref="Pixels"/> long).</param>
    /// <param name="scratch">At least <see cref="ScratchLength"/> floats.</param>
    /// <param name="hullScratch">At least <see cref="HullScratchLength"/> ints.</param>
    /// <returns>The number of foreground pixels.</returns>
    /// <exception cref="ArgumentException">A length is wrong, or a smoothed spectrum is not finite (see <see cref="HullQuotientPlan"/>).</exception>
    public int Apply(ReadOnlySpan<ushort> rawLine, Span<float> features, Span<bool> foreground, Span<float> scratch, Span<int> hullScratch)
    {
        int bands = Bands;
        CheckLengths(rawLine, foreground, scratch, hullScratch);
        if (features.Length != rawLine.Length)
        {
            throw new ArgumentException(Invariant($"The feature buffer has {features.Length} values; {rawLine.Length} are required."), nameof(features));
        }

        Span<float> reflectance = scratch[..bands];
        Span<float> smoothed = scratch.Slice(bands, bands);
        int count = 0;
        for (int p = 0; p < foreground.Length; p++)
        {
            Calibration.ApplyPixel(p, rawLine.Slice(p * bands, bands), reflectance);
            bool isForeground = IsBright(reflectance);
            foreground[p] = isForeground;
            count += isForeground ? 1 : 0;
            SmoothAndQuotient(reflectance, smoothed, features.Slice(p * bands, bands), hullScratch);
        }

        return count;
    }

    /// <summary>Preprocesses one pixel exactly as <see cref="Apply"/> does (the MSKD history's on-demand spectra). Allocates nothing.</summary>
    /// <param name="pixel">The pixel's index across the line (its dark and white references).</param>
    /// <param name="rawPixel">The pixel's raw counts, <see cref="Bands"/> long.</param>
    /// <param name="spectrum">Receives the hull quotient, <see cref="Bands"/> long.</param>
    /// <param name="scratch">At least <see cref="ScratchLength"/> floats.</param>
    /// <param name="hullScratch">At least <see cref="HullScratchLength"/> ints.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="pixel"/> is outside the line.</exception>
    /// <exception cref="ArgumentException">A length is wrong, or the smoothed spectrum is not finite.</exception>
    public void PreprocessPixel(int pixel, ReadOnlySpan<ushort> rawPixel, Span<float> spectrum, Span<float> scratch, Span<int> hullScratch)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(pixel);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(pixel, Pixels);
        int bands = Bands;
        if (rawPixel.Length != bands || spectrum.Length != bands)
        {
            throw new ArgumentException(Invariant($"The pixel has {rawPixel.Length} raw values and {spectrum.Length} outputs; {bands} each are required."), nameof(rawPixel));
        }

        CheckScratch(scratch, hullScratch);
        Span<float> reflectance = scratch[..bands];
        Calibration.ApplyPixel(pixel, rawPixel, reflectance);
        SmoothAndQuotient(reflectance, scratch.Slice(bands, bands), spectrum, hullScratch);
    }

    /// <summary>Computes only the brightness foreground mask of a raw line (reflectance, no smoothing). Allocates nothing.</summary>
    /// <param name="rawLine">Raw counts (DN), <see cref="Pixels"/> × <see cref="Bands"/>, pixel-interleaved.</param>
    /// <param name="foreground">Receives per pixel whether it is at least as bright as the belt threshold.</param>
    /// <param name="scratch">At least <see cref="ScratchLength"/> floats.</param>
    /// <returns>The number of foreground pixels.</returns>
    /// <exception cref="ArgumentException">A length is wrong.</exception>
    public int ApplyForeground(ReadOnlySpan<ushort> rawLine, Span<bool> foreground, Span<float> scratch)
    {
        int bands = Bands;
        CheckLengths(rawLine, foreground, scratch, hullScratch: [], checkHull: false);
        if (double.IsNegativeInfinity(BackgroundReflectanceThreshold))
        {
            foreground.Fill(true);
            return foreground.Length;
        }

        Span<float> reflectance = scratch[..bands];
        int count = 0;
        for (int p = 0; p < foreground.Length; p++)
        {
            Calibration.ApplyPixel(p, rawLine.Slice(p * bands, bands), reflectance);
            bool isForeground = IsBright(reflectance);
            foreground[p] = isForeground;
            count += isForeground ? 1 : 0;
        }

        return count;
    }

    /// <summary>The steps after reflectance, shared by <see cref="Apply"/> and <see cref="PreprocessPixel"/> so both give the same spectra.</summary>
    private void SmoothAndQuotient(ReadOnlySpan<float> reflectance, Span<float> smoothed, Span<float> output, Span<int> hullScratch)
    {
        Smoothing.Apply(reflectance, smoothed);
        HullQuotient.Apply(smoothed, output, hullScratch);
    }

    /// <summary>Mean reflectance ≥ threshold, as a sum (no division per pixel).</summary>
    private bool IsBright(ReadOnlySpan<float> reflectance)
    {
        if (float.IsNegativeInfinity(_sumThreshold))
        {
            return true;
        }

        float sum = 0;
        foreach (float r in reflectance)
        {
            sum += r;
        }

        return sum >= _sumThreshold;
    }

    private void CheckLengths(ReadOnlySpan<ushort> rawLine, Span<bool> foreground, Span<float> scratch, Span<int> hullScratch, bool checkHull = true)
    {
        if (rawLine.Length != Pixels * Bands)
        {
            throw new ArgumentException(Invariant($"The line has {rawLine.Length} values; {Pixels} × {Bands} are required."), nameof(rawLine));
        }

        if (foreground.Length != Pixels)
        {
            throw new ArgumentException(Invariant($"The foreground buffer has {foreground.Length} elements; {Pixels} are required."), nameof(foreground));
        }

        CheckScratch(scratch, hullScratch, checkHull);
    }

    private void CheckScratch(Span<float> scratch, Span<int> hullScratch, bool checkHull = true)
    {
        if (scratch.Length < ScratchLength)
        {
            throw new ArgumentException(Invariant($"The scratch has {scratch.Length} floats; {ScratchLength} are required."), nameof(scratch));
        }

        if (checkHull && hullScratch.Length < HullScratchLength)
        {
            throw new ArgumentException(Invariant($"The hull scratch has {hullScratch.Length} ints; {HullScratchLength} are required."), nameof(hullScratch));
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
