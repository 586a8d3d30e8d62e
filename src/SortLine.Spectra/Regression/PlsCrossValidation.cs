namespace SortLine.Spectra.Regression;

/// <summary>The result of <see cref="PlsDiscriminant.CrossValidate"/>: the misclassification curve over 1 … A_max
/// components and the chosen number of components.</summary>
public sealed class PlsCrossValidation
{
    private readonly int[] _misclassified;
    private readonly double[] _rates;

    internal PlsCrossValidation(int sampleCount, int foldCount, int[] misclassified)
    {
        SampleCount = sampleCount;
        FoldCount = foldCount;
        _misclassified = misclassified;
        _rates = new double[misclassified.Length];
        int best = 0;
        for (int k = 0; k < misclassified.Length; k++)
        {
            _rates[k] = (double)misclassified[k] / sampleCount;
            if (misclassified[k] < misclassified[best])
            {
                best = k; // strict: a tie keeps the smaller number of components
            }
        }

        BestComponents = best + 1;
    }

    /// <summary>Gets the number of samples (each is held out exactly once).</summary>
    public int SampleCount { get; }

    /// <summary>Gets the number of folds K.</summary>
    public int FoldCount { get; }

    /// <summary>Gets A_max, the largest number of components evaluated.</summary>
    public int MaxComponents => _misclassified.Length;

    /// <summary>Gets the number of misclassified held-out samples for A = index + 1 components.</summary>
    public ReadOnlySpan<int> Misclassified => _misclassified;

    /// <summary>Gets the cross-validated misclassification rate (0 … 1) for A = index + 1 components.</summary>
    public ReadOnlySpan<double> MisclassificationRate => _rates;

    /// <summary>Gets the chosen number of components: the smallest A with the lowest misclassification rate.</summary>
    public int BestComponents { get; }
}
