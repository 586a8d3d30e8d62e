using SortLine.Spectra.Classification;
using SortLine.Spectra.Internal;

namespace SortLine.Spectra.Regression;

/// <summary>
/// A fitted PLS-DA model: a PLS2 regression on one-hot class targets; class = argmax of the predicted scores.
/// Immutable and thread-safe. For the line, collapse it with <see cref="ToAffine"/> / <see cref="ToClassifier"/>.
/// </summary>
public sealed class PlsDiscriminantModel
{
    internal PlsDiscriminantModel(PlsModel regression) => Regression = regression;

    /// <summary>Gets the underlying PLS2 model (targets = classes, in class-id order).</summary>
    public PlsModel Regression { get; }

    /// <summary>Gets the number of classes.</summary>
    public int ClassCount => Regression.TargetCount;

    /// <summary>Gets the number of bands.</summary>
    public int FeatureCount => Regression.FeatureCount;

    /// <summary>Gets the number of PLS components.</summary>
    public int ComponentCount => Regression.ComponentCount;

    /// <summary>Predicts the class scores (predicted one-hot Y) of one spectrum, in double precision.</summary>
    /// <param name="spectrum"><see cref="FeatureCount"/> finite values.</param>
    /// <param name="scores">Receives <see cref="ClassCount"/> scores.</param>
    /// <exception cref="ArgumentException">A length is wrong, or the spectrum is not finite.</exception>
    public void PredictScores(ReadOnlySpan<double> spectrum, Span<double> scores) => Regression.Predict(spectrum, scores);

    /// <summary>Classifies one spectrum: argmax of the scores; the lowest class id wins an exact tie.</summary>
    /// <param name="spectrum"><see cref="FeatureCount"/> finite values (non-finite input throws; the float line
    /// kernel instead returns <see cref="AffineClassifier.NoClass"/>).</param>
    /// <param name="scoresScratch">Exactly <see cref="ClassCount"/> elements; receives the scores.</param>
    /// <returns>The class id.</returns>
    /// <exception cref="ArgumentException">A length is wrong, or the spectrum is not finite.</exception>
    public int Classify(ReadOnlySpan<double> spectrum, Span<double> scoresScratch)
    {
        Regression.Predict(spectrum, scoresScratch);
        int best = 0;
        for (int j = 1; j < scoresScratch.Length; j++)
        {
            if (scoresScratch[j] > scoresScratch[best])
            {
                best = j;
            }
        }

        return best;
    }

    /// <summary>Classifies many spectra (see <see cref="Classify(ReadOnlySpan{double}, Span{double})"/>).</summary>
    /// <param name="spectra">Samples × <see cref="FeatureCount"/>, finite.</param>
    /// <param name="classIds">Receives one class id per sample.</param>
    /// <exception cref="ArgumentException">A shape is wrong, or a spectrum is not finite.</exception>
    public void Classify(ReadOnlyMatrixSpan<double> spectra, Span<int> classIds)
    {
        ThrowHelper.ThrowIfLengthMismatch(spectra.Rows, classIds.Length);
        var scores = new double[ClassCount];
        for (int i = 0; i < spectra.Rows; i++)
        {
            classIds[i] = Classify(spectra.Row(i), scores);
        }
    }

    /// <summary>Returns the model with only its first <paramref name="components"/> components (exactly a fit with that many).</summary>
    /// <param name="components">1 … <see cref="ComponentCount"/>.</param>
    /// <returns>The truncated model.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="components"/> is out of range.</exception>
    public PlsDiscriminantModel Truncate(int components) => new(Regression.Truncate(components));

    /// <summary>Collapses the model into scores = W x + b (W: classes × bands), see <see cref="PlsModel.ToAffine"/>.</summary>
    /// <returns>The affine model; output j is class j.</returns>
    public AffineModel ToAffine() => Regression.ToAffine();

    /// <summary>Builds the float line kernel for this model.</summary>
    /// <returns>The classifier plan.</returns>
    public AffineClassifier ToClassifier() => new(ToAffine());
}
