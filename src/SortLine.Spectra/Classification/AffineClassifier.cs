using SortLine.Spectra.Internal;
using SortLine.Spectra.Regression;

namespace SortLine.Spectra.Classification;

/// <summary>
/// The line-rate inference kernel of a linear classifier (PLS-DA student): per pixel, class scores
/// s = W (x − c) + d in <see cref="float"/> and the class id = argmax s. An immutable plan built once from an
/// <see cref="AffineModel"/>; thread-safe (scratch comes from the caller). The per-pixel and per-line methods
/// allocate nothing and use Vector512/256/128 when accelerated.
/// </summary>
/// <remarks>
/// <para>Decision rule: the class with the largest score; on an exact tie the lowest class index wins. A pixel with
/// any NaN or ±∞ band (or whose scores overflow) gets <see cref="NoClass"/>: every score of such a pixel is
/// non-finite, since w·(±∞) is ±∞ and 0·∞ is NaN, and no class is picked from garbage. The line pipeline treats
/// <see cref="NoClass"/> as "no decision" (no ejection).</para>
/// <para>Accuracy: weights, centre and offsets are rounded to float and sums are accumulated in float; the vector
/// paths sum in a different order (lane-wise partial sums, fused multiply-add where the hardware has it) than the
/// scalar reference. Each path is within the worst-case float summation bound (n + 3)·2⁻²⁴·(|d_j| +
/// Σᵢ |W_ji (xᵢ − cᵢ)|) of the exact score (n = band count), so vector and scalar differ by at most twice that
/// (the Simd tests assert it); typical differences are far smaller. Class ids can differ from the double-precision
/// model only where the two largest scores are that close.</para>
/// <para>Units: spectra in the units the model was trained on (e.g. reflectance after the same preprocessing).</para>
/// </remarks>
public sealed partial class AffineClassifier
{
    /// <summary>The class id returned for a pixel whose scores are not all finite (NaN or infinite input).</summary>
    public const int NoClass = -1;

    private readonly float[] _weights;
    private readonly float[] _center;
    private readonly float[] _offset;

    /// <summary>Builds the float plan from an affine model (outputs = classes, inputs = bands).</summary>
    /// <param name="model">The collapsed model, e.g. from <see cref="PlsDiscriminantModel.ToAffine"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> is null.</exception>
    /// <exception cref="ArgumentException">The model has no outputs, or a value overflows float.</exception>
    public AffineClassifier(AffineModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (model.OutputCount < 1)
        {
            ThrowHelper.ThrowArgument(nameof(model), "The model must have at least one output (class).");
        }

        BandCount = model.InputCount;
        ClassCount = model.OutputCount;
        _weights = ToFloat(model.Weights.Span);
        _center = ToFloat(model.Center);
        _offset = ToFloat(model.CenterOutput);
        ThrowHelper.ThrowIfNotFinite<float>(_weights, nameof(model));
        ThrowHelper.ThrowIfNotFinite<float>(_center, nameof(model));
        ThrowHelper.ThrowIfNotFinite<float>(_offset, nameof(model));
    }

    /// <summary>Gets the number of bands per spectrum (pixel).</summary>
    public int BandCount { get; }

    /// <summary>Gets the number of classes (scores per pixel).</summary>
    public int ClassCount { get; }

    /// <summary>Computes the class scores of one spectrum.</summary>
    /// <param name="spectrum"><see cref="BandCount"/> values.</param>
    /// <param name="scores">Receives <see cref="ClassCount"/> scores (non-finite if the spectrum is).</param>
    /// <exception cref="ArgumentException">A length is wrong.</exception>
    public void Predict(ReadOnlySpan<float> spectrum, Span<float> scores)
    {
        ThrowHelper.ThrowIfLengthMismatch(BandCount, spectrum.Length);
        ThrowHelper.ThrowIfLengthMismatch(ClassCount, scores.Length);
        PredictCore(spectrum, scores);
    }

    /// <summary>Classifies one spectrum: argmax of the scores (lowest index on ties), or <see cref="NoClass"/>.</summary>
    /// <param name="spectrum"><see cref="BandCount"/> values.</param>
    /// <param name="scoresScratch">At least <see cref="ClassCount"/> elements; receives the scores in its first
    /// <see cref="ClassCount"/> elements.</param>
    /// <returns>The class id in [0, <see cref="ClassCount"/>), or <see cref="NoClass"/>.</returns>
    /// <exception cref="ArgumentException">A length is wrong or the scratch is too short.</exception>
    public int Classify(ReadOnlySpan<float> spectrum, Span<float> scoresScratch)
    {
        ThrowHelper.ThrowIfLengthMismatch(BandCount, spectrum.Length);
        ThrowIfScratchTooShort(scoresScratch.Length);
        Span<float> scores = scoresScratch[..ClassCount];
        PredictCore(spectrum, scores);
        return ArgMax(scores);
    }

    /// <summary>Computes the class scores of every pixel of a line.</summary>
    /// <param name="line">Pixels × <see cref="BandCount"/> (e.g. 384 × 288), row-major.</param>
    /// <param name="scores">Pixels × <see cref="ClassCount"/>.</param>
    /// <exception cref="ArgumentException">A shape is wrong.</exception>
    public void PredictLine(ReadOnlyMatrixSpan<float> line, MatrixSpan<float> scores)
    {
        ThrowHelper.ThrowIfLengthMismatch(BandCount, line.Columns, nameof(line));
        ThrowHelper.ThrowIfLengthMismatch(line.Rows, scores.Rows, nameof(scores));
        ThrowHelper.ThrowIfLengthMismatch(ClassCount, scores.Columns, nameof(scores));
        for (int r = 0; r < line.Rows; r++)
        {
            PredictCore(line.Row(r), scores.Row(r));
        }
    }

    /// <summary>Classifies every pixel of a line (see <see cref="Classify"/> for the rule).</summary>
    /// <param name="line">Pixels × <see cref="BandCount"/> (e.g. 384 × 288), row-major.</param>
    /// <param name="classIds">Receives one class id (or <see cref="NoClass"/>) per pixel.</param>
    /// <param name="scoresScratch">At least <see cref="ClassCount"/> elements.</param>
    /// <exception cref="ArgumentException">A shape is wrong or the scratch is too short.</exception>
    public void ClassifyLine(ReadOnlyMatrixSpan<float> line, Span<int> classIds, Span<float> scoresScratch)
    {
        ThrowHelper.ThrowIfLengthMismatch(BandCount, line.Columns, nameof(line));
        ThrowHelper.ThrowIfLengthMismatch(line.Rows, classIds.Length);
        ThrowIfScratchTooShort(scoresScratch.Length);
        Span<float> scores = scoresScratch[..ClassCount];
        for (int r = 0; r < line.Rows; r++)
        {
            PredictCore(line.Row(r), scores);
            classIds[r] = ArgMax(scores);
        }
    }

    /// <summary>Argmax with the documented tie (lowest index) and non-finite (<see cref="NoClass"/>) rules.</summary>
    internal static int ArgMax(ReadOnlySpan<float> scores)
    {
        int best = NoClass;
        float bestScore = float.NegativeInfinity;
        for (int j = 0; j < scores.Length; j++)
        {
            float s = scores[j];
            if (!float.IsFinite(s))
            {
                return NoClass;
            }

            if (best < 0 || s > bestScore)
            {
                best = j;
                bestScore = s;
            }
        }

        return best;
    }

    private void PredictCore(ReadOnlySpan<float> spectrum, Span<float> scores)
    {
        if (!TryPredictVector(spectrum, scores))
        {
            PredictScalar(spectrum, scores);
        }
    }

    private void ThrowIfScratchTooShort(int length)
    {
        if (length < ClassCount)
        {
            ThrowHelper.ThrowArgument("scoresScratch", string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"The scores scratch has {length} elements; at least {ClassCount} (the class count) are required."));
        }
    }

    private static float[] ToFloat(ReadOnlySpan<double> values)
    {
        var result = new float[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            result[i] = (float)values[i];
        }

        return result;
    }
}
