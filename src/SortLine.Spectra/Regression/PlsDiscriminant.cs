using SortLine.Spectra.Internal;

namespace SortLine.Spectra.Regression;

/// <summary>
/// PLS-DA (partial least squares discriminant analysis), the SWIR student of the methods brief (section 4): class
/// labels become a one-hot Y, a PLS2 model (<see cref="PlsRegression"/>) is fitted, and the predicted class is the
/// argmax of the predicted Y. The number of components is chosen by K-fold cross-validated misclassification rate.
/// </summary>
/// <remarks>
/// Class order: labels are integers 0 … classCount − 1 and column j of Y (and score j, and row j of the affine
/// model) belongs to class j; the caller owns the mapping from class ids to mineral names. A class absent from a
/// training set has an all-zero Y column, which scikit-learn's NIPALS (and this one) ignores; its score is then
/// the constant 0, so it is predicted only where every other score is below 0.
/// </remarks>
public static class PlsDiscriminant
{
    /// <summary>Fits a PLS-DA model.</summary>
    /// <param name="x">Spectra, samples × bands; finite.</param>
    /// <param name="labels">One class id in [0, <paramref name="classCount"/>) per sample.</param>
    /// <param name="classCount">Number of classes (≥ 2).</param>
    /// <param name="options">PLS settings (components, scaling, power method).</param>
    /// <returns>The fitted model.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A label or the class count is out of range, fewer than two
    /// samples, or more components than bands.</exception>
    /// <exception cref="ArgumentException">Lengths differ, or <paramref name="x"/> has a NaN or infinity.</exception>
    public static PlsDiscriminantModel Fit(ReadOnlyMatrixSpan<double> x, ReadOnlySpan<int> labels, int classCount, PlsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ValidateLabels(x, labels, classCount);
        double[] y = OneHot(labels, classCount);
        PlsModel regression = PlsRegression.Fit(x, new ReadOnlyMatrixSpan<double>(y, labels.Length, classCount), options);
        return new PlsDiscriminantModel(regression);
    }

    /// <summary>
    /// Cross-validates PLS-DA for every number of components 1 … <see cref="PlsOptions.Components"/> (= A_max):
    /// for each fold, one model with A_max components is fitted on the other folds and every truncation of it
    /// (<see cref="PlsModel.Truncate"/>, identical to a fit with fewer components) classifies the held-out fold.
    /// </summary>
    /// <param name="x">Spectra, samples × bands; finite.</param>
    /// <param name="labels">One class id in [0, <paramref name="classCount"/>) per sample.</param>
    /// <param name="classCount">Number of classes (≥ 2).</param>
    /// <param name="folds">Fold id of each sample, 0 … K − 1 with K ≥ 2 and no fold empty; see
    /// <see cref="CrossValidationFolds"/> for deterministic assignments.</param>
    /// <param name="options">PLS settings; <see cref="PlsOptions.Components"/> is A_max.</param>
    /// <returns>The cross-validation curve and the chosen number of components (fewest on ties).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A label, fold id or count is out of range, or a training set
    /// has fewer than two samples.</exception>
    /// <exception cref="ArgumentException">Lengths differ, a fold is empty, or <paramref name="x"/> is not finite.</exception>
    public static PlsCrossValidation CrossValidate(ReadOnlyMatrixSpan<double> x, ReadOnlySpan<int> labels, int classCount,
        ReadOnlySpan<int> folds, PlsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ValidateLabels(x, labels, classCount);
        ThrowHelper.ThrowIfTooManyComponents(options.Components, x.Columns);
        ThrowHelper.ThrowIfLengthMismatch(labels.Length, folds.Length);
        int foldCount = CountFolds(folds);
        ThrowHelper.ThrowIfNotFinite(x.Span, nameof(x));

        int n = x.Rows, p = x.Columns, maxComponents = options.Components;
        var misclassified = new int[maxComponents];
        var scores = new double[classCount];
        for (int fold = 0; fold < foldCount; fold++)
        {
            int testCount = folds.Count(fold);
            int trainCount = n - testCount;
            ThrowHelper.ThrowIfTooFewSamples(trainCount, nameof(folds));
            var trainX = new double[trainCount * p];
            var trainLabels = new int[trainCount];
            for (int i = 0, r = 0; i < n; i++)
            {
                if (folds[i] != fold)
                {
                    x.Row(i).CopyTo(trainX.AsSpan(r * p, p));
                    trainLabels[r++] = labels[i];
                }
            }

            PlsDiscriminantModel full = Fit(new ReadOnlyMatrixSpan<double>(trainX, trainCount, p), trainLabels, classCount, options);
            for (int a = 1; a <= maxComponents; a++)
            {
                PlsDiscriminantModel model = a == maxComponents ? full : full.Truncate(a);
                for (int i = 0; i < n; i++)
                {
                    if (folds[i] == fold && model.Classify(x.Row(i), scores) != labels[i])
                    {
                        misclassified[a - 1]++;
                    }
                }
            }
        }

        return new PlsCrossValidation(n, foldCount, misclassified);
    }

    /// <summary>Builds the one-hot target matrix, samples × classes, row-major (column j = class j).</summary>
    internal static double[] OneHot(ReadOnlySpan<int> labels, int classCount)
    {
        var y = new double[labels.Length * classCount];
        for (int i = 0; i < labels.Length; i++)
        {
            y[(i * classCount) + labels[i]] = 1.0;
        }

        return y;
    }

    private static void ValidateLabels(ReadOnlyMatrixSpan<double> x, ReadOnlySpan<int> labels, int classCount)
    {
        ThrowHelper.ThrowIfOutOfRange(classCount, 2, int.MaxValue);
        ThrowHelper.ThrowIfLengthMismatch(x.Rows, labels.Length);
        ThrowHelper.ThrowIfInvalidLabels(labels, classCount, nameof(labels));
    }

    private static int CountFolds(ReadOnlySpan<int> folds)
    {
        int max = -1;
        foreach (int f in folds)
        {
            if (f < 0)
            {
                ThrowHelper.ThrowArgumentOutOfRange(nameof(folds), f, "Fold ids must be non-negative.");
            }

            max = Math.Max(max, f);
        }

        int foldCount = max + 1;
        ThrowHelper.ThrowIfOutOfRange(foldCount, 2, int.MaxValue, nameof(folds));
        for (int fold = 0; fold < foldCount; fold++)
        {
            if (!folds.Contains(fold))
            {
                ThrowHelper.ThrowArgument(nameof(folds), string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"Fold {fold} has no samples; fold ids must be 0 … K − 1 with every fold used."));
            }
        }

        return foldCount;
    }
}
