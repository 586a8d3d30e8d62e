using System.Globalization;
using SortLine.Learning.Internal;
using SortLine.Sensors.Swir;
using SortLine.Spectra;

namespace SortLine.Learning.Models;

/// <summary>
/// A trained MSKD student collapsed to an affine map over preprocessed SWIR spectra:
/// <c>scores = W·x + b</c> with <c>W</c> classes × bands, class = argmax of the scores, then the reject rule.
/// Immutable; carries everything needed to check that it is used on the right camera and preprocessing,
/// and where it came from. Persisted by <see cref="StudentModelFile"/> (see docs/model-format.md).
/// </summary>
public sealed class StudentModel
{
    private readonly string[] _classNames;
    private readonly double[] _weights;
    private readonly double[] _bias;

    /// <summary>Creates and validates a student model. Arrays are copied.</summary>
    /// <param name="version">Model version id: 1-64 characters of <c>[A-Za-z0-9._-]</c>, starting with a letter or digit.</param>
    /// <param name="createdUtc">When the model was created (stored as UTC).</param>
    /// <param name="parentVersion">The version it was retrained from (the champion at the time), or null for the first model.</param>
    /// <param name="classNames">Class names in score order (e.g. background, lepidolite, albite, quartz, muscovite); at least two, unique, non-blank.</param>
    /// <param name="reject">The reject rule.</param>
    /// <param name="bands">The camera bands the model was trained for.</param>
    /// <param name="preprocessing">The preprocessing its input must have had.</param>
    /// <param name="weights">W, row-major, classes × bands, finite.</param>
    /// <param name="bias">b, one per class, finite.</param>
    /// <param name="provenance">Training provenance; its per-class recall has one entry per class.</param>
    /// <exception cref="ArgumentNullException">A reference argument is null.</exception>
    /// <exception cref="ArgumentException">A value is invalid or inconsistent (the message names it).</exception>
    public StudentModel(string version, DateTimeOffset createdUtc, string? parentVersion, IReadOnlyList<string> classNames,
        RejectRule reject, BandSet bands, PreprocessingParameters preprocessing, ReadOnlySpan<double> weights, ReadOnlySpan<double> bias,
        TrainingProvenance provenance)
    {
        ModelVersionId.Validate(version, nameof(version));
        if (parentVersion is not null)
        {
            ModelVersionId.Validate(parentVersion, nameof(parentVersion));
            if (parentVersion == version)
            {
                throw new ArgumentException($"A model cannot be its own parent ('{version}').", nameof(parentVersion));
            }
        }

        ArgumentNullException.ThrowIfNull(classNames);
        ArgumentNullException.ThrowIfNull(reject);
        ArgumentNullException.ThrowIfNull(bands);
        ArgumentNullException.ThrowIfNull(preprocessing);
        ArgumentNullException.ThrowIfNull(provenance);
        ValidateClassNames(classNames);
        int classes = classNames.Count;
        ValidateReject(reject, classes);
        ValidatePreprocessing(preprocessing);
        if (weights.Length != checked(classes * bands.Count))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"W has {weights.Length} elements; {classes} classes × {bands.Count} bands = {classes * bands.Count} are required."), nameof(weights));
        }

        if (bias.Length != classes)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"b has {bias.Length} elements; one per class ({classes}) is required."), nameof(bias));
        }

        ThrowIfNotFinite(weights, nameof(weights));
        ThrowIfNotFinite(bias, nameof(bias));
        ValidateProvenance(provenance, classes);

        Version = version;
        CreatedUtc = createdUtc.ToUniversalTime();
        ParentVersion = parentVersion;
        _classNames = [.. classNames];
        Reject = reject;
        Bands = bands;
        Preprocessing = preprocessing;
        _weights = weights.ToArray();
        _bias = bias.ToArray();
        Provenance = provenance;
    }

    /// <summary>Gets the model version id.</summary>
    public string Version { get; }

    /// <summary>Gets when the model was created (UTC).</summary>
    public DateTimeOffset CreatedUtc { get; }

    /// <summary>Gets the version this model was retrained from, or null.</summary>
    public string? ParentVersion { get; }

    /// <summary>Gets the class names in score order.</summary>
    public IReadOnlyList<string> ClassNames => _classNames;

    /// <summary>Gets the number of classes (rows of W).</summary>
    public int ClassCount => _classNames.Length;

    /// <summary>Gets the number of bands (columns of W).</summary>
    public int BandCount => Bands.Count;

    /// <summary>Gets the reject rule.</summary>
    public RejectRule Reject { get; }

    /// <summary>Gets the camera bands the model was trained for.</summary>
    public BandSet Bands { get; }

    /// <summary>Gets the preprocessing the model's input must have had.</summary>
    public PreprocessingParameters Preprocessing { get; }

    /// <summary>Gets W, row-major, <see cref="ClassCount"/> × <see cref="BandCount"/>.</summary>
    public ReadOnlySpan<double> Weights => _weights;

    /// <summary>Gets W as a matrix view (rows = classes, columns = bands).</summary>
    public ReadOnlyMatrixSpan<double> WeightMatrix => new(_weights, ClassCount, BandCount);

    /// <summary>Gets b, one per class.</summary>
    public ReadOnlySpan<double> Bias => _bias;

    /// <summary>Gets the training provenance.</summary>
    public TrainingProvenance Provenance { get; }

    /// <summary>Refuses to run on a camera whose bands differ from the bands the model was trained for.</summary>
    /// <param name="cameraBands">The bands the camera delivers.</param>
    /// <param name="toleranceNm">Largest allowed band-centre difference in nm.</param>
    /// <exception cref="IncompatibleBandSetException">Band count differs or a centre is outside the tolerance.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="cameraBands"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="toleranceNm"/> is negative or not finite.</exception>
    public void EnsureCompatibleWith(BandSet cameraBands, double toleranceNm = BandSet.DefaultToleranceNm)
    {
        string? reason = Bands.FindIncompatibility(cameraBands, toleranceNm);
        if (reason is not null)
        {
            throw new IncompatibleBandSetException(Version, reason);
        }
    }

    /// <summary>Refuses to run on a camera whose bands differ from the bands the model was trained for.</summary>
    /// <param name="camera">The camera.</param>
    /// <param name="toleranceNm">Largest allowed band-centre difference in nm.</param>
    /// <exception cref="IncompatibleBandSetException">Band count differs or a centre is outside the tolerance.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="camera"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="toleranceNm"/> is negative or not finite.</exception>
    public void EnsureCompatibleWith(SwirCameraInfo camera, double toleranceNm = BandSet.DefaultToleranceNm) =>
        EnsureCompatibleWith(BandSet.FromCamera(camera), toleranceNm);

    private static void ValidateClassNames(IReadOnlyList<string> classNames)
    {
        if (classNames.Count < 2)
        {
            throw new ArgumentException($"A classifier has at least two classes; {classNames.Count} given.", nameof(classNames));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < classNames.Count; i++)
        {
            string name = classNames[i];
            if (string.IsNullOrWhiteSpace(name))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Class {i} has no name."), nameof(classNames));
            }

            if (!seen.Add(name))
            {
                throw new ArgumentException($"Class name '{name}' appears twice.", nameof(classNames));
            }
        }
    }

    private static void ValidateReject(RejectRule reject, int classes)
    {
        if (reject.RejectClass < 0 || reject.RejectClass >= classes)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"The reject class {reject.RejectClass} is not one of the {classes} classes."), nameof(reject));
        }

        if (reject.MinWinningScore is double score && !double.IsFinite(score))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"The minimum winning score {score} is not finite."), nameof(reject));
        }

        if (reject.MinMargin is double margin && !(margin >= 0 && double.IsFinite(margin)))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"The minimum margin {margin} must be finite and non-negative."), nameof(reject));
        }
    }

    private static void ValidatePreprocessing(PreprocessingParameters preprocessing)
    {
        PreprocessingParameters p = preprocessing;
        ArgumentNullException.ThrowIfNull(p.DarkReference, nameof(p.DarkReference));
        ArgumentNullException.ThrowIfNull(p.WhiteReference, nameof(p.WhiteReference));
        ValidateSha256(p.DarkReference.Sha256Hex, "dark reference", nameof(preprocessing));
        ValidateSha256(p.WhiteReference.Sha256Hex, "white reference", nameof(preprocessing));
        if (p.SavitzkyGolayWindow < 3 || p.SavitzkyGolayWindow % 2 == 0)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"The Savitzky–Golay window {p.SavitzkyGolayWindow} must be odd and at least 3."), nameof(preprocessing));
        }

        if (p.SavitzkyGolayOrder < 0 || p.SavitzkyGolayOrder >= p.SavitzkyGolayWindow)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"The Savitzky–Golay order {p.SavitzkyGolayOrder} must be in [0, window − 1 = {p.SavitzkyGolayWindow - 1}]."), nameof(preprocessing));
        }

        if (p.SavitzkyGolayDerivative < 0 || p.SavitzkyGolayDerivative > p.SavitzkyGolayOrder)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"The Savitzky–Golay derivative {p.SavitzkyGolayDerivative} must be in [0, order = {p.SavitzkyGolayOrder}]."), nameof(preprocessing));
        }
    }

    private static void ValidateSha256(string? hex, string what, string paramName)
    {
        if (hex is null || hex.Length != 64 || !hex.All(c => char.IsAsciiHexDigitLower(c) || char.IsAsciiDigit(c)))
        {
            throw new ArgumentException($"The {what} identity must be a SHA-256 as 64 lower-case hex digits; got '{hex}'.", paramName);
        }
    }

    private static void ValidateProvenance(TrainingProvenance provenance, int classes)
    {
        TrainingProvenance p = provenance;
        const string Name = nameof(provenance);
        ArgumentNullException.ThrowIfNull(p.Window, nameof(p.Window));
        ArgumentNullException.ThrowIfNull(p.CrossValidation, nameof(p.CrossValidation));
        ArgumentNullException.ThrowIfNull(p.HeldOut, nameof(p.HeldOut));
        ArgumentNullException.ThrowIfNull(p.HeldOut.PerClassRecall, nameof(p.HeldOut.PerClassRecall));
        if (p.PairCount < 1)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The pair count {p.PairCount} must be at least 1."), Name);
        }

        if (p.Window.EncoderEnd < p.Window.EncoderStart || p.Window.EndUtc < p.Window.StartUtc)
        {
            throw new ArgumentException("The training window ends before it starts.", Name);
        }

        if (p.Components < 1)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The component count {p.Components} must be at least 1."), Name);
        }

        for (int i = 0; i < p.CrossValidation.Count; i++)
        {
            CrossValidationPoint point = p.CrossValidation[i] ?? throw new ArgumentException("A cross-validation point is null.", Name);
            if (point.Components < 1 || (i > 0 && point.Components <= p.CrossValidation[i - 1].Components) || !IsUnitInterval(point.ErrorRate))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"Cross-validation point {i} ({point.Components} components, error {point.ErrorRate}) is invalid: components must increase from 1 and errors lie in [0, 1]."), Name);
            }
        }

        HeldOutMetrics h = p.HeldOut;
        if (h.Count < 0 || !IsUnitInterval(h.Accuracy) || !IsUnitInterval(h.BalancedAccuracy))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"Held-out metrics are invalid (count {h.Count}, accuracy {h.Accuracy}, balanced accuracy {h.BalancedAccuracy})."), Name);
        }

        if (h.PerClassRecall.Count != classes)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"Held-out recall has {h.PerClassRecall.Count} entries for {classes} classes."), Name);
        }

        for (int i = 0; i < classes; i++)
        {
            if (!IsUnitInterval(h.PerClassRecall[i]))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"Held-out recall of class {i} is {h.PerClassRecall[i]}; it must lie in [0, 1]."), Name);
            }
        }
    }

    private static bool IsUnitInterval(double value) => value >= 0 && value <= 1;

    private static void ThrowIfNotFinite(ReadOnlySpan<double> values, string name)
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Element {i} is {values[i]}; finite values are required."), name);
            }
        }
    }
}
