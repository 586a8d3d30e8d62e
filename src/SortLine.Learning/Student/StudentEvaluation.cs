using System.Globalization;
using SortLine.Learning.Pairing;
using SortLine.Spectra;
using SortLine.Spectra.Regression;

namespace SortLine.Learning.Student;

/// <summary>
/// Accuracy and confusion matrix of a classifier against reference labels on a held-out set: what retraining compares
/// champion and challenger on (same set, same labels). Immutable.
/// </summary>
public sealed class StudentEvaluation
{
    private readonly int[] _confusion;

    private StudentEvaluation(int classCount, int[] confusion, int count, int correct)
    {
        ClassCount = classCount;
        _confusion = confusion;
        Count = count;
        Correct = correct;
    }

    /// <summary>Gets the number of classes.</summary>
    public int ClassCount { get; }

    /// <summary>Gets the number of samples scored.</summary>
    public int Count { get; }

    /// <summary>Gets the number of samples whose prediction equals the reference label.</summary>
    public int Correct { get; }

    /// <summary>Gets the accuracy, Correct / Count, in [0, 1] (NaN for an empty set).</summary>
    public double Accuracy => Count == 0 ? double.NaN : (double)Correct / Count;

    /// <summary>Gets the confusion matrix, classes × classes row-major: entry (t, p) counts samples of reference class t
    /// predicted as p.</summary>
    public ReadOnlyMatrixSpan<int> Confusion => new(_confusion, ClassCount, ClassCount);

    /// <summary>Gets the recall of a class: correct / reference count (NaN when the class has no sample).</summary>
    /// <param name="classIndex">0 ≤ class &lt; <see cref="ClassCount"/>.</param>
    /// <returns>The recall in [0, 1] or NaN.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The class is out of range.</exception>
    public double Recall(int classIndex)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(classIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(classIndex, ClassCount);
        int total = 0;
        for (int p = 0; p < ClassCount; p++)
        {
            total += _confusion[(classIndex * ClassCount) + p];
        }

        return total == 0 ? double.NaN : (double)_confusion[(classIndex * ClassCount) + classIndex] / total;
    }

    /// <summary>Scores predictions against reference labels.</summary>
    /// <param name="predicted">Predicted class per sample, in [0, <paramref name="classCount"/>).</param>
    /// <param name="reference">Reference class per sample, same length and range.</param>
    /// <param name="classCount">Number of classes (≥ 1).</param>
    /// <returns>The evaluation.</returns>
    /// <exception cref="ArgumentException">Lengths differ or a class is out of range.</exception>
    public static StudentEvaluation Score(ReadOnlySpan<int> predicted, ReadOnlySpan<int> reference, int classCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(classCount, 1);
        if (predicted.Length != reference.Length)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{predicted.Length} predictions for {reference.Length} labels."), nameof(predicted));
        }

        var confusion = new int[classCount * classCount];
        int correct = 0;
        for (int i = 0; i < predicted.Length; i++)
        {
            int p = predicted[i], t = reference[i];
            if ((uint)p >= (uint)classCount || (uint)t >= (uint)classCount)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Sample {i}: class {t} / prediction {p} outside [0, {classCount})."), nameof(predicted));
            }

            confusion[(t * classCount) + p]++;
            correct += p == t ? 1 : 0;
        }

        return new StudentEvaluation(classCount, confusion, predicted.Length, correct);
    }

    /// <summary>Classifies spectra with an affine (PLS-DA) model, argmax of the outputs (double precision), and scores them.</summary>
    /// <param name="model">The model; its outputs are the classes.</param>
    /// <param name="spectra">Samples × <see cref="AffineModel.InputCount"/>, finite.</param>
    /// <param name="labels">Reference class per sample.</param>
    /// <returns>The evaluation.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> is null.</exception>
    /// <exception cref="ArgumentException">Shapes differ, a value is not finite, or a label is out of range.</exception>
    public static StudentEvaluation Evaluate(AffineModel model, ReadOnlyMatrixSpan<double> spectra, ReadOnlySpan<int> labels)
    {
        ArgumentNullException.ThrowIfNull(model);
        int[] predicted = StudentTrainer.Classify(model, spectra);
        return Score(predicted, labels, model.OutputCount);
    }

    /// <summary>Classifies the spectra of pairs and scores them against the pairs' (teacher) labels.</summary>
    /// <param name="model">The model.</param>
    /// <param name="pairs">Held-out pairs (all of them are scored, edge pairs included).</param>
    /// <returns>The evaluation.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">A spectrum length differs from the model's inputs or a label is out of range.</exception>
    public static StudentEvaluation Evaluate(AffineModel model, IReadOnlyList<TrainingPair> pairs)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(pairs);
        (double[] x, int[] labels) = StudentTrainer.ToMatrix(pairs, model.InputCount);
        return Evaluate(model, new ReadOnlyMatrixSpan<double>(x, pairs.Count, model.InputCount), labels);
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"accuracy {Accuracy:P2} ({Correct}/{Count})");
}
