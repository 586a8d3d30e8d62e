using System.Globalization;
using SortLine.Learning.Pairing;
using SortLine.Spectra;
using SortLine.Spectra.Regression;

namespace SortLine.Learning.Student;

/// <summary>
/// Trains the MSKD student (methods brief §4): PLS-DA on SWIR spectra labelled by the LIBS teacher, the number of
/// components chosen by stratified K-fold cross-validation, refitted on all training samples and collapsed to one
/// affine map.
/// </summary>
/// <remarks>
/// <para><b>Steps.</b> (1) Select the pairs: under <see cref="EdgePairPolicy.Exclude"/> edge pairs are left out, and so
/// are pairs below <see cref="StudentTrainerOptions.MinConfidence"/>. (2) Unless
/// <see cref="StudentTrainerOptions.Components"/> is fixed: folds by
/// <see cref="CrossValidationFolds.Stratified"/>(labels, K, seed), misclassification rate for A = 1 … A_max by
/// <see cref="PlsDiscriminant.CrossValidate"/>, A = the smallest A with the lowest rate; A_max = min(MaxComponents,
/// bands, smallest CV training set − 1). (3) Refit PLS-DA with A components on every selected sample
/// (<see cref="PlsDiscriminant.Fit"/>, scaling per <see cref="StudentTrainerOptions.Scale"/>), (4) collapse to
/// <see cref="AffineModel"/>. (5) Optionally score a held-out set (<see cref="StudentEvaluation"/>).</para>
/// <para>Training-time code: allocates, single-threaded, deterministic for the same inputs and seed.</para>
/// </remarks>
public static class StudentTrainer
{
    /// <summary>Trains on distillation pairs.</summary>
    /// <param name="pairs">Training pairs (spectra of equal length, labels in [0, classNames.Count)).</param>
    /// <param name="classNames">Class names in label order (≥ 2).</param>
    /// <param name="options">Settings; <see langword="null"/> for the defaults.</param>
    /// <param name="heldOut">Optional held-out pairs to evaluate the result on (all scored, edge pairs included).</param>
    /// <returns>The fit.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="pairs"/> or <paramref name="classNames"/> is null.</exception>
    /// <exception cref="ArgumentException">No pair is left after selection, spectra differ in length, a label is out of
    /// range, a spectrum value is not finite, or there are fewer samples than folds.</exception>
    public static StudentFit Fit(IReadOnlyList<TrainingPair> pairs, IReadOnlyList<string> classNames, StudentTrainerOptions? options = null,
        IReadOnlyList<TrainingPair>? heldOut = null)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        ArgumentNullException.ThrowIfNull(classNames);
        options ??= new StudentTrainerOptions();
        var selected = new List<TrainingPair>(pairs.Count);
        foreach (TrainingPair pair in pairs)
        {
            ArgumentNullException.ThrowIfNull(pair, nameof(pairs));
            bool edgeExcluded = pair.IsEdge && options.EdgePairs == EdgePairPolicy.Exclude;
            if (!edgeExcluded && pair.Confidence >= options.MinConfidence)
            {
                selected.Add(pair);
            }
        }

        if (selected.Count == 0)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"None of the {pairs.Count} pairs is left to train on."), nameof(pairs));
        }

        int bands = selected[0].Spectrum.Length;
        (double[] x, int[] labels) = ToMatrix(selected, bands);
        StudentFit fit = Fit(new ReadOnlyMatrixSpan<double>(x, selected.Count, bands), labels, classNames, options);
        StudentEvaluation? evaluation = heldOut is null ? null : StudentEvaluation.Evaluate(fit.Model, heldOut);
        return fit with { ExcludedCount = pairs.Count - selected.Count, HeldOut = evaluation };
    }

    /// <summary>Trains on a labelled spectra matrix (e.g. a reference data set, or pairs already selected).</summary>
    /// <param name="spectra">Samples × bands, finite.</param>
    /// <param name="labels">Class per sample, in [0, classNames.Count).</param>
    /// <param name="classNames">Class names in label order (≥ 2).</param>
    /// <param name="options">Settings; <see langword="null"/> for the defaults (edge and confidence selection do not apply).</param>
    /// <returns>The fit (no held-out evaluation; use <see cref="StudentEvaluation.Evaluate(AffineModel, ReadOnlyMatrixSpan{double}, ReadOnlySpan{int})"/>).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="classNames"/> is null.</exception>
    /// <exception cref="ArgumentException">Shapes differ, a label is out of range, a value is not finite, fewer than two
    /// classes, or fewer samples than folds (or than 2).</exception>
    public static StudentFit Fit(ReadOnlyMatrixSpan<double> spectra, ReadOnlySpan<int> labels, IReadOnlyList<string> classNames,
        StudentTrainerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(classNames);
        options ??= new StudentTrainerOptions();
        int n = spectra.Rows, bands = spectra.Columns, classes = classNames.Count;
        if (classes < 2)
        {
            throw new ArgumentException("At least two classes are required.", nameof(classNames));
        }

        if (labels.Length != n || bands == 0)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{labels.Length} labels for {n} spectra of {bands} bands."), nameof(labels));
        }

        foreach (int label in labels)
        {
            if ((uint)label >= (uint)classes)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Label {label} is outside [0, {classes})."), nameof(labels));
            }
        }

        double[] curve = [];
        int components;
        if (options.Components is int fixedComponents)
        {
            components = Math.Min(fixedComponents, Math.Min(bands, Math.Max(1, n - 1)));
        }
        else
        {
            if (n < options.FoldCount)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{n} samples for {options.FoldCount} folds."), nameof(spectra));
            }

            int[] folds = CrossValidationFolds.Stratified(labels, classes, options.FoldCount, options.Seed);
            int largestFold = (n + options.FoldCount - 1) / options.FoldCount;
            int maxComponents = Math.Max(1, Math.Min(options.MaxComponents, Math.Min(bands, n - largestFold - 1)));
            PlsCrossValidation cv = PlsDiscriminant.CrossValidate(spectra, labels, classes, folds,
                new PlsOptions { Components = maxComponents, Scale = options.Scale });
            curve = cv.MisclassificationRate.ToArray();
            components = cv.BestComponents;
        }

        PlsDiscriminantModel model = PlsDiscriminant.Fit(spectra, labels, classes, new PlsOptions { Components = components, Scale = options.Scale });
        return new StudentFit(model.ToAffine(), [.. classNames], components, curve, n, 0, null);
    }

    /// <summary>Argmax of the affine outputs for every row (ties to the lowest class), double precision.</summary>
    internal static int[] Classify(AffineModel model, ReadOnlyMatrixSpan<double> spectra)
    {
        var outputs = new double[spectra.Rows * model.OutputCount];
        model.Evaluate(spectra, new MatrixSpan<double>(outputs, spectra.Rows, model.OutputCount));
        var predicted = new int[spectra.Rows];
        for (int i = 0; i < predicted.Length; i++)
        {
            ReadOnlySpan<double> row = outputs.AsSpan(i * model.OutputCount, model.OutputCount);
            int best = 0;
            for (int j = 1; j < row.Length; j++)
            {
                best = row[j] > row[best] ? j : best;
            }

            predicted[i] = best;
        }

        return predicted;
    }

    /// <summary>Copies pair spectra into a samples × bands matrix (double) and their labels.</summary>
    internal static (double[] X, int[] Labels) ToMatrix(IReadOnlyList<TrainingPair> pairs, int bands)
    {
        var x = new double[pairs.Count * bands];
        var labels = new int[pairs.Count];
        for (int i = 0; i < pairs.Count; i++)
        {
            float[] spectrum = pairs[i].Spectrum;
            if (spectrum.Length != bands)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Pair {i} has {spectrum.Length} bands; {bands} expected."), nameof(pairs));
            }

            for (int b = 0; b < bands; b++)
            {
                x[(i * bands) + b] = spectrum[b];
            }

            labels[i] = pairs[i].Label;
        }

        return (x, labels);
    }
}
