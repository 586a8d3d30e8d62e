using System.Globalization;

namespace SortLine.Pipeline.Inference;

/// <summary>
/// What the classification stage applies to a line, as one immutable unit: the line's preprocessing (current references,
/// belt-brightness rule) and, once there is one, the model with its <see cref="LineClassifier"/> built for exactly those
/// references. A <see cref="ModelSlot"/> publishes a new plan for every model swap and every recalibration, so a line is
/// never half old references, half new, and never scored by a classifier built for other references.
/// </summary>
/// <remarks>
/// <para><b>Per line</b> (<see cref="Process"/>): the foreground mask by brightness; the features (hull quotients of every
/// pixel) when the caller wants them (the MSKD pairing history); then, with a model, a line class id per pixel: 0 for belt
/// pixels, otherwise the classifier's class (argmax, reject rule, dead pixels as in <see cref="LineClassifier"/>) mapped to
/// the line's ids (<see cref="LineModel.LineClassOf"/>).</para>
/// <para><b>Two routes, one result.</b> When features are computed and the classifier's preprocessing is this plan's
/// (<see cref="ClassifiesFromFeatures"/>), the foreground pixels are scored from the features (no second preprocessing);
/// otherwise each foreground pixel goes through the fused <see cref="LineClassifier.ClassifyPixel"/>. Both run the same
/// kernels on the same spectra, so the class ids are identical (tested); belt pixels are never scored.</para>
/// <para>Confidence: the classifier's (winning score clamped to [0, 1], 0 when rejected), and 0 for belt pixels.
/// Allocates nothing per line. Thread-safe (immutable; callers pass their own <see cref="LineClassificationScratch"/>).</para>
/// </remarks>
public sealed class ClassificationPlan
{
    private readonly bool[] _deadPixels;

    /// <summary>Creates a plan (builds the model's classifier for the preprocessing's calibration).</summary>
    /// <param name="preprocessing">The line's preprocessing.</param>
    /// <param name="model">The model, or null before the first one.</param>
    /// <exception cref="ArgumentNullException"><paramref name="preprocessing"/> is null.</exception>
    /// <exception cref="ArgumentException">The model does not fit the camera (bands).</exception>
    public ClassificationPlan(LinePreprocessing preprocessing, LineModel? model)
    {
        ArgumentNullException.ThrowIfNull(preprocessing);
        Preprocessing = preprocessing;
        Model = model;
        if (model is null)
        {
            _deadPixels = [];
            return;
        }

        LineClassifier classifier = model.Build(preprocessing.Calibration);
        Classifier = classifier;
        ClassifiesFromFeatures = preprocessing.Matches(classifier);

        // The classifier's dead-pixel rule, decided once per plan (the same count as LineClassifier's).
        int bands = preprocessing.Bands;
        double limit = classifier.Reject.MaxDeadBandFraction * bands;
        ReadOnlySpan<bool> dead = preprocessing.Calibration.DeadMask;
        _deadPixels = new bool[preprocessing.Pixels];
        for (int p = 0; p < _deadPixels.Length; p++)
        {
            int count = 0;
            foreach (bool d in dead.Slice(p * bands, bands))
            {
                count += d ? 1 : 0;
            }

            _deadPixels[p] = count > limit;
        }
    }

    /// <summary>Gets the line's preprocessing.</summary>
    public LinePreprocessing Preprocessing { get; }

    /// <summary>Gets the model, or null before the first one.</summary>
    public LineModel? Model { get; }

    /// <summary>Gets the model's classifier for <see cref="Preprocessing"/>'s calibration, or null without a model.</summary>
    public LineClassifier? Classifier { get; }

    /// <summary>Gets whether foreground pixels are scored from the computed features (the classifier's preprocessing is this plan's).</summary>
    public bool ClassifiesFromFeatures { get; }

    /// <summary>Gets the model version, or null without a model.</summary>
    public string? ModelVersion => Model?.Version;

    /// <summary>Gets the spatial pixels per line.</summary>
    public int Pixels => Preprocessing.Pixels;

    /// <summary>Gets the bands per pixel.</summary>
    public int Bands => Preprocessing.Bands;

    /// <summary>Creates scratch for one worker.</summary>
    /// <returns>New scratch that fits this plan.</returns>
    public LineClassificationScratch CreateScratch() => new(Bands, Classifier?.ClassCount ?? 1);

    /// <summary>Preprocesses and (with a model) classifies one raw line. Allocates nothing.</summary>
    /// <param name="rawLine">Raw counts (DN), <see cref="Pixels"/> × <see cref="Bands"/>, pixel-interleaved.</param>
    /// <param name="features">Receives every pixel's features (same length as <paramref name="rawLine"/>), or empty to skip them.</param>
    /// <param name="foreground">Receives the brightness foreground mask (<see cref="Pixels"/> long).</param>
    /// <param name="classes">Receives a line class id per pixel (<see cref="Pixels"/> long), or empty to only preprocess.</param>
    /// <param name="confidence">Receives a confidence per pixel (<see cref="Pixels"/> long), or empty to skip.</param>
    /// <param name="scratch">The caller's scratch (see <see cref="CreateScratch"/>).</param>
    /// <returns>The number of foreground pixels.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="scratch"/> is null.</exception>
    /// <exception cref="ArgumentException">A length is wrong or the scratch does not fit.</exception>
    /// <exception cref="InvalidOperationException">Classes are requested but the plan has no model.</exception>
    public int Process(ReadOnlySpan<ushort> rawLine, Span<float> features, Span<bool> foreground, Span<byte> classes, Span<float> confidence,
        LineClassificationScratch scratch)
    {
        ArgumentNullException.ThrowIfNull(scratch);
        if (!scratch.Fits(this))
        {
            throw new ArgumentException(Invariant($"The scratch is for {scratch.Bands} bands and {scratch.Classes} classes; this plan needs {Bands} and {Classifier?.ClassCount ?? 1}."), nameof(scratch));
        }

        if (!classes.IsEmpty && classes.Length != Pixels)
        {
            throw new ArgumentException(Invariant($"The class buffer has {classes.Length} elements; {Pixels} are required."), nameof(classes));
        }

        if (!confidence.IsEmpty && confidence.Length != Pixels)
        {
            throw new ArgumentException(Invariant($"The confidence buffer has {confidence.Length} elements; {Pixels} (or 0) are required."), nameof(confidence));
        }

        LineClassifier? classifier = Classifier;
        if (!classes.IsEmpty && classifier is null)
        {
            throw new InvalidOperationException("The plan has no model to classify with.");
        }

        bool withFeatures = !features.IsEmpty;
        int count = withFeatures
            ? Preprocessing.Apply(rawLine, features, foreground, scratch.Spectra, scratch.Hull)
            : Preprocessing.ApplyForeground(rawLine, foreground, scratch.Spectra);
        if (classes.IsEmpty)
        {
            return count;
        }

        if (withFeatures && ClassifiesFromFeatures)
        {
            ClassifyFromFeatures(classifier!, features, foreground, classes, confidence, scratch);
        }
        else
        {
            ClassifyFused(classifier!, rawLine, foreground, classes, confidence, scratch);
        }

        return count;
    }

    /// <summary>Foreground pixels scored from their features: the classifier's affine map, dead-pixel and reject rules.</summary>
    private void ClassifyFromFeatures(LineClassifier classifier, ReadOnlySpan<float> features, ReadOnlySpan<bool> foreground, Span<byte> classes,
        Span<float> confidence, LineClassificationScratch scratch)
    {
        int bands = Bands;
        ReadOnlySpan<byte> map = Model!.LineClassOf;
        Span<float> scores = scratch.Scores.AsSpan(0, classifier.ClassCount);
        PixelRejectRule reject = classifier.Reject;
        bool withConfidence = !confidence.IsEmpty;
        for (int p = 0; p < classes.Length; p++)
        {
            float c = 0;
            byte id = 0;
            if (foreground[p])
            {
                byte modelClass;
                if (_deadPixels[p])
                {
                    modelClass = reject.RejectClass;
                }
                else
                {
                    classifier.Classifier.Predict(features.Slice(p * bands, bands), scores);
                    modelClass = LineClassifier.Decide(scores, reject, out c, out _);
                }

                id = map[modelClass];
            }

            classes[p] = id;
            if (withConfidence)
            {
                confidence[p] = c;
            }
        }
    }

    /// <summary>Foreground pixels through the fused per-pixel classifier.</summary>
    private void ClassifyFused(LineClassifier classifier, ReadOnlySpan<ushort> rawLine, ReadOnlySpan<bool> foreground, Span<byte> classes,
        Span<float> confidence, LineClassificationScratch scratch)
    {
        int bands = Bands;
        ReadOnlySpan<byte> map = Model!.LineClassOf;
        bool withConfidence = !confidence.IsEmpty;
        for (int p = 0; p < classes.Length; p++)
        {
            float c = 0;
            byte id = 0;
            if (foreground[p])
            {
                id = map[classifier.ClassifyPixel(p, rawLine.Slice(p * bands, bands), scratch.Classifier, out c)];
            }

            classes[p] = id;
            if (withConfidence)
            {
                confidence[p] = c;
            }
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
