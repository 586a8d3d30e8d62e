using System.Globalization;
using System.Numerics.Tensors;
using SortLine.Spectra.Internal;

namespace SortLine.Spectra.Clustering;

/// <summary>
/// K-means clustering by Lloyd's algorithm, matching scikit-learn 1.2's
/// <c>KMeans(algorithm='lloyd')</c> step for step when given the same initial centroids.
/// </summary>
/// <remarks>
/// <para><b>Algorithm.</b> The data are centred on their column means first (as scikit-learn does, for accuracy), and
/// the centroids are shifted back at the end. Each iteration assigns every sample to its nearest centroid (ties to
/// the lowest index), then moves every centroid to the mean of its samples. A run stops when the labels equal those
/// of the previous iteration ("strict convergence"), or when <c>Σ_j ‖c_j(new) - c_j(old)‖²</c> ≤
/// <see cref="KMeansOptions.Tolerance"/> · mean of the per-feature population variances of the data, or after
/// <see cref="KMeansOptions.MaxIterations"/>. Unless the labels were stable, a final assignment step makes the labels
/// consistent with the returned centroids. The inertia is Σ_i ‖x_i - c_label(i)‖².</para>
/// <para><b>Empty clusters</b> (no sample assigned in an iteration) are relocated as scikit-learn does: for each empty
/// cluster, in turn, the sample farthest from its current centroid (largest first) becomes the new centroid and is
/// removed from its old cluster's sum; the labels themselves change at the next assignment. Nothing is relocated when
/// every sample sits on its centroid (more clusters than distinct samples). With one empty cluster per iteration this
/// is exactly scikit-learn's result; for several at once scikit-learn's order among the farthest samples is
/// unspecified (numpy's argpartition), ours is by decreasing distance.</para>
/// <para><b>Seeding.</b> Without explicit centroids, greedy k-means++ (scikit-learn's algorithm: first centre uniform,
/// then per step <see cref="KMeansOptions.LocalTrials"/> candidates drawn with probability proportional to the
/// squared distance to the nearest chosen centre, keeping the one that lowers the potential most) with a
/// <see cref="Random"/> seeded by <see cref="KMeansOptions.Seed"/>; <see cref="KMeansOptions.InitCount"/> runs,
/// lowest inertia wins. The random streams differ from numpy's, so seeded results differ from scikit-learn's.</para>
/// <para>Training-time code: allocates O(n·d) working memory; single-threaded; deterministic.</para>
/// </remarks>
public static class KMeans
{
    /// <summary>Clusters the rows of <paramref name="data"/>.</summary>
    /// <param name="data">Samples (rows) × features (columns); at least <see cref="KMeansOptions.ClusterCount"/> rows and 1 column.</param>
    /// <param name="options">Algorithm options; <see langword="null"/> for the defaults.</param>
    /// <returns>The fitted model.</returns>
    /// <exception cref="ArgumentException"><paramref name="data"/> has no column, fewer rows than clusters, or holds NaN
    /// or ±∞; or the explicit initial centroids are not k × d or not finite.</exception>
    public static KMeansModel Fit(ReadOnlyMatrixSpan<double> data, KMeansOptions? options = null)
    {
        options ??= new KMeansOptions();
        int k = options.ClusterCount;
        if (data.Columns == 0)
        {
            ThrowHelper.ThrowArgument(nameof(data), "At least one feature (column) is required.");
        }

        ThrowHelper.ThrowIfTooFewRows(data.Rows, k, nameof(data));
        ThrowHelper.ThrowIfNotFinite(data.Span, nameof(data));
        ReadOnlySpan<double> explicitInit = options.InitialCentroids.Span;
        bool hasExplicitInit = !explicitInit.IsEmpty;
        if (hasExplicitInit)
        {
            if (explicitInit.Length != k * data.Columns)
            {
                ThrowHelper.ThrowArgument(nameof(options), string.Create(CultureInfo.InvariantCulture,
                    $"InitialCentroids has {explicitInit.Length} values; k × d = {k} × {data.Columns} = {k * data.Columns} are required."));
            }

            ThrowHelper.ThrowIfNotFinite(explicitInit, nameof(options));
        }

        int n = data.Rows, d = data.Columns;
        double[] columnMean = ColumnMeans(data);
        double[] x = data.Span.ToArray();
        for (int r = 0; r < n; r++)
        {
            TensorPrimitives.Subtract(x.AsSpan(r * d, d), columnMean, x.AsSpan(r * d, d));
        }

        double tolerance = options.Tolerance == 0 ? 0 : options.Tolerance * MeanColumnVariance(x, n, d);
        var random = new Random(options.Seed);
        int localTrials = options.LocalTrials ?? (2 + (int)Math.Log(k));
        int runs = hasExplicitInit ? 1 : options.InitCount;

        LloydRun? best = null;
        var init = new double[k * d];
        for (int run = 0; run < runs; run++)
        {
            if (hasExplicitInit)
            {
                explicitInit.CopyTo(init);
                for (int j = 0; j < k; j++)
                {
                    TensorPrimitives.Subtract(init.AsSpan(j * d, d), columnMean, init.AsSpan(j * d, d));
                }
            }
            else
            {
                KMeansPlusPlus.Seed(x, n, d, k, localTrials, random, init);
            }

            LloydRun result = RunLloyd(x, n, d, init, options.MaxIterations, tolerance);
            if (best is null || result.Inertia < best.Inertia)
            {
                best = result;
            }
        }

        for (int j = 0; j < k; j++)
        {
            TensorPrimitives.Add(best!.Centroids.AsSpan(j * d, d), columnMean, best.Centroids.AsSpan(j * d, d));
        }

        return new KMeansModel(best!.Centroids, k, d, best.Labels, best.Inertia, best.Iterations, best.Converged);
    }

    /// <summary>One Lloyd run from <paramref name="init"/> (centred coordinates), as scikit-learn's <c>_kmeans_single_lloyd</c>.</summary>
    internal static LloydRun RunLloyd(double[] x, int n, int d, ReadOnlySpan<double> init, int maxIterations, double tolerance)
    {
        int k = init.Length / d;
        double[] centroids = init.ToArray();
        var next = new double[k * d];
        var labels = new int[n];
        var previousLabels = new int[n];
        Array.Fill(labels, -1);
        Array.Fill(previousLabels, -1);
        var counts = new double[k];

        bool stable = false, converged = false;
        int iteration = 0;
        for (; iteration < maxIterations; iteration++)
        {
            Assign(x, n, d, centroids, labels);
            Accumulate(x, n, d, labels, next, counts);
            RelocateEmptyClusters(x, n, d, centroids, labels, next, counts);
            double shift = AverageAndShift(next, counts, centroids, d);
            (centroids, next) = (next, centroids);

            if (labels.AsSpan().SequenceEqual(previousLabels))
            {
                stable = converged = true;
                break;
            }

            if (shift <= tolerance)
            {
                converged = true;
                break;
            }

            labels.CopyTo(previousLabels, 0);
        }

        int iterations = Math.Min(iteration + 1, maxIterations);
        if (!stable)
        {
            Assign(x, n, d, centroids, labels);
        }

        return new LloydRun(centroids, labels, Inertia(x, n, d, centroids, labels), iterations, converged);
    }

    /// <summary>Assignment step: nearest centroid per sample.</summary>
    private static void Assign(double[] x, int n, int d, double[] centroids, int[] labels)
    {
        for (int i = 0; i < n; i++)
        {
            labels[i] = NearestCentroid.FindUnchecked(x.AsSpan(i * d, d), centroids, d, out _);
        }
    }

    /// <summary>Sums of the samples per cluster (into <paramref name="sums"/>) and the cluster sizes.</summary>
    private static void Accumulate(double[] x, int n, int d, int[] labels, double[] sums, double[] counts)
    {
        Array.Clear(sums);
        Array.Clear(counts);
        for (int i = 0; i < n; i++)
        {
            int j = labels[i];
            counts[j] += 1;
            Span<double> sum = sums.AsSpan(j * d, d);
            TensorPrimitives.Add(sum, x.AsSpan(i * d, d), sum);
        }
    }

    /// <summary>scikit-learn's <c>_relocate_empty_clusters_dense</c> (see the type remarks).</summary>
    private static void RelocateEmptyClusters(double[] x, int n, int d, double[] centroids, int[] labels, double[] sums, double[] counts)
    {
        int empty = 0;
        for (int j = 0; j < counts.Length; j++)
        {
            empty += counts[j] == 0 ? 1 : 0;
        }

        if (empty == 0)
        {
            return;
        }

        var distance = new double[n];
        double maxDistance = 0;
        for (int i = 0; i < n; i++)
        {
            distance[i] = SquaredEuclideanDistance.Compute(x.AsSpan(i * d, d), centroids.AsSpan(labels[i] * d, d));
            maxDistance = Math.Max(maxDistance, distance[i]);
        }

        if (maxDistance == 0)
        {
            return; // every sample is on its centroid: more clusters than distinct samples
        }

        // The 'empty' farthest samples, largest distance first (ties to the lowest index).
        int[] order = new int[n];
        for (int i = 0; i < n; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, (a, b) => distance[b] != distance[a] ? distance[b].CompareTo(distance[a]) : a.CompareTo(b));

        int taken = 0;
        for (int j = 0; j < counts.Length; j++)
        {
            if (counts[j] != 0)
            {
                continue;
            }

            int far = order[taken++];
            int old = labels[far];
            ReadOnlySpan<double> sample = x.AsSpan(far * d, d);
            TensorPrimitives.Subtract(sums.AsSpan(old * d, d), sample, sums.AsSpan(old * d, d));
            sample.CopyTo(sums.AsSpan(j * d, d));
            counts[j] = 1;
            counts[old] -= 1;
        }
    }

    /// <summary>Turns the sums into means (clusters without samples keep their sum, as in scikit-learn) and returns
    /// Σ_j ‖new_j - old_j‖², with the shift taken as a norm and squared as scikit-learn does.</summary>
    private static double AverageAndShift(double[] sums, double[] counts, double[] previous, int d)
    {
        double total = 0;
        for (int j = 0; j < counts.Length; j++)
        {
            Span<double> centroid = sums.AsSpan(j * d, d);
            if (counts[j] > 0)
            {
                TensorPrimitives.Multiply(centroid, 1.0 / counts[j], centroid);
            }

            double shift = Math.Sqrt(SquaredEuclideanDistance.Compute(centroid, previous.AsSpan(j * d, d)));
            total += shift * shift;
        }

        return total;
    }

    private static double Inertia(double[] x, int n, int d, double[] centroids, int[] labels)
    {
        double inertia = 0;
        for (int i = 0; i < n; i++)
        {
            inertia += SquaredEuclideanDistance.Compute(x.AsSpan(i * d, d), centroids.AsSpan(labels[i] * d, d));
        }

        return inertia;
    }

    private static double[] ColumnMeans(ReadOnlyMatrixSpan<double> data)
    {
        var mean = new double[data.Columns];
        for (int r = 0; r < data.Rows; r++)
        {
            TensorPrimitives.Add(mean, data.Row(r), mean);
        }

        TensorPrimitives.Divide(mean, data.Rows, mean);
        return mean;
    }

    /// <summary>Mean over columns of the population variance of each column of the (centred) data.</summary>
    private static double MeanColumnVariance(double[] centred, int n, int d)
    {
        // The data are centred, but recentre on the exact column mean of the centred values (two-pass, like numpy's var).
        var mean = new double[d];
        var squares = new double[d];
        for (int i = 0; i < n; i++)
        {
            TensorPrimitives.Add(mean, centred.AsSpan(i * d, d), mean);
        }

        TensorPrimitives.Divide(mean, n, mean);
        for (int i = 0; i < n; i++)
        {
            ReadOnlySpan<double> row = centred.AsSpan(i * d, d);
            for (int c = 0; c < d; c++)
            {
                double t = row[c] - mean[c];
                squares[c] += t * t;
            }
        }

        return TensorPrimitives.Sum<double>(squares) / n / d;
    }

    /// <summary>The outcome of one Lloyd run (centred coordinates until <see cref="Fit"/> shifts them back).</summary>
    internal sealed record LloydRun(double[] Centroids, int[] Labels, double Inertia, int Iterations, bool Converged);
}
