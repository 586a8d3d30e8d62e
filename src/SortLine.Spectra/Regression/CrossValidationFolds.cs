using SortLine.Spectra.Internal;

namespace SortLine.Spectra.Regression;

/// <summary>Deterministic K-fold assignments (fold id per sample) for <see cref="PlsDiscriminant.CrossValidate"/>.</summary>
public static class CrossValidationFolds
{
    /// <summary>
    /// Contiguous folds in sample order, as scikit-learn's <c>KFold(n_splits, shuffle=False)</c>: the first
    /// n mod K folds have ⌊n/K⌋ + 1 samples, the others ⌊n/K⌋. Suitable when samples are already in random order;
    /// along a belt, contiguous folds keep neighbouring (correlated) pixels together, which is the honest choice.
    /// </summary>
    /// <param name="sampleCount">n ≥ <paramref name="foldCount"/>.</param>
    /// <param name="foldCount">K ≥ 2.</param>
    /// <returns>Fold id of each sample.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A count is out of range.</exception>
    public static int[] Contiguous(int sampleCount, int foldCount)
    {
        ThrowHelper.ThrowIfOutOfRange(foldCount, 2, int.MaxValue);
        ThrowHelper.ThrowIfOutOfRange(sampleCount, foldCount, int.MaxValue);
        var folds = new int[sampleCount];
        int baseSize = sampleCount / foldCount, larger = sampleCount % foldCount, i = 0;
        for (int f = 0; f < foldCount; f++)
        {
            int size = baseSize + (f < larger ? 1 : 0);
            folds.AsSpan(i, size).Fill(f);
            i += size;
        }

        return folds;
    }

    /// <summary>
    /// Stratified, shuffled folds: the samples of each class (in class-id order) are shuffled by a Fisher–Yates
    /// shuffle driven by SplitMix64(<paramref name="seed"/>) and dealt round-robin to the folds, continuing the
    /// rotation from one class to the next, so every fold gets each class in proportion (±1) and fold sizes differ
    /// by at most one. The same labels and seed give the same folds on every platform and runtime.
    /// </summary>
    /// <param name="labels">Class id of each sample, in [0, <paramref name="classCount"/>).</param>
    /// <param name="classCount">Number of classes (≥ 1).</param>
    /// <param name="foldCount">K ≥ 2, at most the number of samples.</param>
    /// <param name="seed">Shuffle seed.</param>
    /// <returns>Fold id of each sample.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A count or label is out of range.</exception>
    public static int[] Stratified(ReadOnlySpan<int> labels, int classCount, int foldCount, ulong seed)
    {
        ThrowHelper.ThrowIfOutOfRange(classCount, 1, int.MaxValue);
        ThrowHelper.ThrowIfOutOfRange(foldCount, 2, int.MaxValue);
        ThrowHelper.ThrowIfOutOfRange(labels.Length, foldCount, int.MaxValue, nameof(labels));
        ThrowHelper.ThrowIfInvalidLabels(labels, classCount, nameof(labels));

        var folds = new int[labels.Length];
        var members = new List<int>();
        ulong state = seed;
        int next = 0;
        for (int k = 0; k < classCount; k++)
        {
            members.Clear();
            for (int i = 0; i < labels.Length; i++)
            {
                if (labels[i] == k)
                {
                    members.Add(i);
                }
            }

            for (int i = members.Count - 1; i > 0; i--)
            {
                ulong high = Math.BigMul(SplitMix64(ref state), (ulong)(i + 1), out _);
                int j = (int)high; // uniform in [0, i] (Lemire's multiply-high)
                (members[i], members[j]) = (members[j], members[i]);
            }

            foreach (int sample in members)
            {
                folds[sample] = next;
                next = (next + 1) % foldCount;
            }
        }

        return folds;
    }

    private static ulong SplitMix64(ref ulong state)
    {
        ulong z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
