using System.Globalization;
using SortLine.Learning.Models;
using SortLine.Spectra.Calibration;
using SortLine.Spectra.Classification;
using SortLine.Spectra.Continuum;
using SortLine.Spectra.Regression;
using SortLine.Spectra.Smoothing;

namespace SortLine.Pipeline.Inference;

/// <summary>
/// The fused per-pixel classifier of a SWIR line: for each pixel, reflectance (<see cref="ReflectanceCalibration.ApplyPixel"/>)
/// → Savitzky–Golay (<see cref="SavitzkyGolayPlan"/>) → hull quotient (<see cref="HullQuotientPlan"/>, optional) → affine
/// class scores (<see cref="AffineClassifier"/>) → argmax and the reject rule (<see cref="PixelRejectRule"/>), writing a
/// class id and a confidence per pixel. One pixel's spectrum goes through every step before the next pixel, so it stays
/// in L1 cache.
/// </summary>
/// <remarks>
/// <para><b>Immutable and thread-safe</b>: one instance is one model version (the unit a <see cref="ModelSlot"/> swaps);
/// every worker passes its own <see cref="LineClassifierScratch"/>. <see cref="ClassifyLine"/> allocates nothing.</para>
/// <para><b>Same result as the step-by-step kernels</b>: each step is the public Spectra kernel itself on the pixel's
/// spectrum, so the class ids equal those of reflectance → Savitzky–Golay → hull quotient → <see cref="AffineClassifier"/>
/// run one after the other on the whole line, and the same reject rule.</para>
/// <para><b>Class and confidence</b>: the class is the argmax of the scores (lowest index on a tie); if the rule rejects the
/// pixel, or its scores are not finite, or it is dead (see <see cref="PixelRejectRule"/>), it gets
/// <see cref="PixelRejectRule.RejectClass"/>. The confidence is the winning score clamped to [0, 1] (a PLS-DA score is a
/// predicted class membership) for an accepted pixel, and 0 for a rejected or dead one.</para>
/// <para>Units: raw DN in, dimensionless scores out.</para>
/// </remarks>
public sealed class LineClassifier
{
    private readonly ReflectanceCalibration _calibration;
    private readonly SavitzkyGolayPlan _smoothing;
    private readonly HullQuotientPlan? _hullQuotient;
    private readonly AffineClassifier _classifier;
    private readonly bool[] _deadPixels;

    /// <summary>Builds a classifier from its parts.</summary>
    /// <param name="modelVersion">The model version id (recorded on every classified line).</param>
    /// <param name="calibration">Reflectance calibration of the camera (defines pixels and bands).</param>
    /// <param name="smoothing">Savitzky–Golay plan (window ≤ bands).</param>
    /// <param name="hullQuotient">Hull quotient plan over the camera's bands, or null when the model was trained without it.</param>
    /// <param name="model">The affine student: classes × bands (at most 256 classes).</param>
    /// <param name="reject">The reject rule (its class id must be a valid byte; it may be outside the model's classes).</param>
    /// <exception cref="ArgumentNullException">A required argument is null.</exception>
    /// <exception cref="ArgumentException">The parts do not fit together (bands, window, class count), or the version is empty.</exception>
    public LineClassifier(string modelVersion, ReflectanceCalibration calibration, SavitzkyGolayPlan smoothing, HullQuotientPlan? hullQuotient,
        AffineModel model, PixelRejectRule reject)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(modelVersion);
        ArgumentNullException.ThrowIfNull(calibration);
        ArgumentNullException.ThrowIfNull(smoothing);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(reject);
        int bands = calibration.Bands;
        if (smoothing.WindowLength > bands)
        {
            throw new ArgumentException(Invariant($"The smoothing window ({smoothing.WindowLength}) is longer than the spectrum ({bands} bands)."), nameof(smoothing));
        }

        if (hullQuotient is not null && hullQuotient.BandCount != bands)
        {
            throw new ArgumentException(Invariant($"The hull quotient plan has {hullQuotient.BandCount} bands; the camera has {bands}."), nameof(hullQuotient));
        }

        if (model.InputCount != bands)
        {
            throw new ArgumentException(Invariant($"The model takes {model.InputCount} bands; the camera has {bands}."), nameof(model));
        }

        if (model.OutputCount > 256)
        {
            throw new ArgumentException(Invariant($"The model has {model.OutputCount} classes; class ids are bytes (at most 256)."), nameof(model));
        }

        ModelVersion = modelVersion;
        _calibration = calibration;
        _smoothing = smoothing;
        _hullQuotient = hullQuotient;
        _classifier = new AffineClassifier(model);
        Reject = reject;

        // Dead pixels are a property of the calibration: decided once here, not per line.
        _deadPixels = new bool[calibration.Pixels];
        ReadOnlySpan<bool> dead = calibration.DeadMask;
        double limit = reject.MaxDeadBandFraction * bands;
        for (int p = 0; p < calibration.Pixels; p++)
        {
            int count = 0;
            foreach (bool d in dead.Slice(p * bands, bands))
            {
                count += d ? 1 : 0;
            }

            _deadPixels[p] = count > limit;
            DeadPixelCount += _deadPixels[p] ? 1 : 0;
        }
    }

    /// <summary>Gets the model version id.</summary>
    public string ModelVersion { get; }

    /// <summary>Gets the spatial pixels per line.</summary>
    public int Pixels => _calibration.Pixels;

    /// <summary>Gets the bands per pixel.</summary>
    public int Bands => _calibration.Bands;

    /// <summary>Gets the number of model classes (scores per pixel).</summary>
    public int ClassCount => _classifier.ClassCount;

    /// <summary>Gets the reject rule.</summary>
    public PixelRejectRule Reject { get; }

    /// <summary>Gets the number of pixels that are never classified (too many dead cells).</summary>
    public int DeadPixelCount { get; }

    /// <summary>Gets the reflectance calibration.</summary>
    public ReflectanceCalibration Calibration => _calibration;

    /// <summary>Gets the smoothing plan.</summary>
    public SavitzkyGolayPlan Smoothing => _smoothing;

    /// <summary>Gets the hull quotient plan, or null when the hull quotient is not applied.</summary>
    public HullQuotientPlan? HullQuotient => _hullQuotient;

    /// <summary>Gets the affine scoring kernel.</summary>
    public AffineClassifier Classifier => _classifier;

    /// <summary>Builds the classifier of a student model for a calibrated camera.</summary>
    /// <param name="student">The model (weights, preprocessing, bands, reject rule, version).</param>
    /// <param name="calibration">The camera's reflectance calibration (same band count as the model).</param>
    /// <param name="maxDeadBandFraction">See <see cref="PixelRejectRule.MaxDeadBandFraction"/>.</param>
    /// <returns>The classifier.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The model does not fit the calibration.</exception>
    public static LineClassifier FromStudent(StudentModel student, ReflectanceCalibration calibration, double maxDeadBandFraction = PixelRejectRule.DefaultMaxDeadBandFraction)
    {
        ArgumentNullException.ThrowIfNull(student);
        ArgumentNullException.ThrowIfNull(calibration);
        PreprocessingParameters pre = student.Preprocessing;
        var smoothing = new SavitzkyGolayPlan(pre.SavitzkyGolayWindow, pre.SavitzkyGolayOrder, pre.SavitzkyGolayDerivative);
        HullQuotientPlan? hull = pre.HullQuotient ? new HullQuotientPlan([.. student.Bands.CentersNm]) : null;
        var model = AffineModel.Create(student.WeightMatrix, student.Bias);
        return new LineClassifier(student.Version, calibration, smoothing, hull, model, PixelRejectRule.FromStudent(student.Reject, maxDeadBandFraction));
    }

    /// <summary>Creates scratch for one worker.</summary>
    /// <returns>New scratch sized for this classifier.</returns>
    public LineClassifierScratch CreateScratch() => new(Bands, ClassCount);

    /// <summary>Classifies every pixel of a raw line. Allocates nothing.</summary>
    /// <param name="rawLine">Raw counts (DN), <see cref="Pixels"/> × <see cref="Bands"/>, pixel-interleaved.</param>
    /// <param name="classes">Receives one class id per pixel (<see cref="Pixels"/> long).</param>
    /// <param name="confidence">Receives one confidence per pixel (<see cref="Pixels"/> long), or empty to skip.</param>
    /// <param name="scratch">The caller's scratch (see <see cref="CreateScratch"/>).</param>
    /// <returns>The number of rejected pixels (rule, dead or non-finite).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="scratch"/> is null.</exception>
    /// <exception cref="ArgumentException">A length is wrong or the scratch does not fit.</exception>
    public int ClassifyLine(ReadOnlySpan<ushort> rawLine, Span<byte> classes, Span<float> confidence, LineClassifierScratch scratch)
    {
        ArgumentNullException.ThrowIfNull(scratch);
        int bands = Bands;
        if (rawLine.Length != Pixels * bands)
        {
            throw new ArgumentException(Invariant($"The line has {rawLine.Length} values; {Pixels} × {bands} are required."), nameof(rawLine));
        }

        if (classes.Length != Pixels)
        {
            throw new ArgumentException(Invariant($"The class buffer has {classes.Length} elements; {Pixels} are required."), nameof(classes));
        }

        if (!confidence.IsEmpty && confidence.Length != Pixels)
        {
            throw new ArgumentException(Invariant($"The confidence buffer has {confidence.Length} elements; {Pixels} (or 0) are required."), nameof(confidence));
        }

        if (!scratch.Fits(this))
        {
            throw new ArgumentException(Invariant($"The scratch is for {scratch.Bands} bands and {scratch.Classes} classes; this classifier needs {bands} and {ClassCount}."), nameof(scratch));
        }

        int rejected = 0;
        bool withConfidence = !confidence.IsEmpty;
        for (int p = 0; p < classes.Length; p++)
        {
            byte id = ClassifyCore(p, rawLine.Slice(p * bands, bands), scratch, out float c, out bool isRejected);
            rejected += isRejected ? 1 : 0;
            classes[p] = id;
            if (withConfidence)
            {
                confidence[p] = c;
            }
        }

        return rejected;
    }

    /// <summary>Classifies one pixel. Allocates nothing.</summary>
    /// <param name="pixel">Pixel index in [0, <see cref="Pixels"/>).</param>
    /// <param name="rawSpectrum">The pixel's raw counts (DN), <see cref="Bands"/> long.</param>
    /// <param name="scratch">The caller's scratch.</param>
    /// <param name="confidence">The winning score clamped to [0, 1], or 0 when rejected.</param>
    /// <returns>The class id.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="scratch"/> is null.</exception>
    /// <exception cref="ArgumentException">A length is wrong or the scratch does not fit.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="pixel"/> is out of range.</exception>
    public byte ClassifyPixel(int pixel, ReadOnlySpan<ushort> rawSpectrum, LineClassifierScratch scratch, out float confidence)
    {
        ArgumentNullException.ThrowIfNull(scratch);
        if (!scratch.Fits(this))
        {
            throw new ArgumentException("The scratch does not fit this classifier.", nameof(scratch));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(pixel);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(pixel, Pixels);
        return ClassifyCore(pixel, rawSpectrum, scratch, out confidence, out _);
    }

    private byte ClassifyCore(int pixel, ReadOnlySpan<ushort> rawSpectrum, LineClassifierScratch scratch, out float confidence, out bool rejected)
    {
        if (_deadPixels[pixel])
        {
            confidence = 0;
            rejected = true;
            return Reject.RejectClass;
        }

        Span<float> spectrum = scratch.Spectrum;
        Span<float> smoothed = scratch.Smoothed;
        Span<float> scores = scratch.Scores.AsSpan(0, ClassCount);
        _calibration.ApplyPixel(pixel, rawSpectrum, spectrum);
        _smoothing.Apply(spectrum, smoothed);
        ReadOnlySpan<float> features = smoothed;
        if (_hullQuotient is not null)
        {
            _hullQuotient.Apply(smoothed, spectrum, scratch.Hull);
            features = spectrum;
        }

        _classifier.Predict(features, scores);
        return Decide(scores, Reject, out confidence, out rejected);
    }

    /// <summary>Argmax (lowest index on ties), runner-up and the reject rule; non-finite scores are rejected.</summary>
    internal static byte Decide(ReadOnlySpan<float> scores, PixelRejectRule reject, out float confidence, out bool rejected)
    {
        int best = 0;
        float bestScore = scores[0];
        float second = float.NegativeInfinity;
        bool finite = float.IsFinite(bestScore);
        for (int j = 1; j < scores.Length; j++)
        {
            float s = scores[j];
            finite &= float.IsFinite(s);
            if (s > bestScore)
            {
                second = bestScore;
                bestScore = s;
                best = j;
            }
            else if (s > second)
            {
                second = s;
            }
        }

        rejected = !finite || !reject.Accepts(bestScore, second);
        if (rejected)
        {
            confidence = 0;
            return reject.RejectClass;
        }

        confidence = Math.Clamp(bestScore, 0f, 1f);
        return (byte)best;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
