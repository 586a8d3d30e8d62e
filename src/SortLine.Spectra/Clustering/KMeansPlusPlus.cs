using System.Numerics.Tensors;

namespace SortLine.Spectra.Clustering;

/// <summary>Greedy k-means++ seeding (the algorithm of scikit-learn's <c>_kmeans_plusplus</c>, with .NET's random stream).</summary>
internal static class KMeansPlusPlus
{
    /// <summary>Chooses <paramref name="k"/> samples of the n × d row-major <paramref name="x"/> as initial centroids.</summary>
    /// <param name="x">Samples, row-major.</param>
    /// <param name="n">Number of samples.</param>
    /// <param name="d">Number of features.</param>
    /// <param name="k">Number of centroids (≤ n).</param>
    /// <param name="localTrials">Candidates per step (≥ 1); the one with the lowest resulting potential is kept.</param>
    /// <param name="random">Random source (advanced by the call).</param>
    /// <param name="centroids">Receives k × d values.</param>
    public static void Seed(double[] x, int n, int d, int k, int localTrials, Random random, Span<double> centroids)
    {
        var closest = new double[n];
        var cumulative = new double[n];
        var candidateDistances = new double[localTrials * n];
        var candidates = new int[localTrials];

        int first = random.Next(n);
        x.AsSpan(first * d, d).CopyTo(centroids);
        for (int i = 0; i < n; i++)
        {
            closest[i] = SquaredEuclideanDistance.Compute(x.AsSpan(i * d, d), x.AsSpan(first * d, d));
        }

        double potential = TensorPrimitives.Sum<double>(closest);
        for (int c = 1; c < k; c++)
        {
            double running = 0;
            for (int i = 0; i < n; i++)
            {
                running += closest[i];
                cumulative[i] = running;
            }

            for (int t = 0; t < localTrials; t++)
            {
                candidates[t] = Math.Min(LowerBound(cumulative, random.NextDouble() * potential), n - 1);
            }

            int bestTrial = 0;
            double bestPotential = double.PositiveInfinity;
            for (int t = 0; t < localTrials; t++)
            {
                Span<double> distances = candidateDistances.AsSpan(t * n, n);
                ReadOnlySpan<double> candidate = x.AsSpan(candidates[t] * d, d);
                for (int i = 0; i < n; i++)
                {
                    distances[i] = Math.Min(closest[i], SquaredEuclideanDistance.Compute(x.AsSpan(i * d, d), candidate));
                }

                double candidatePotential = TensorPrimitives.Sum<double>(distances);
                if (candidatePotential < bestPotential)
                {
                    bestPotential = candidatePotential;
                    bestTrial = t;
                }
            }

            potential = bestPotential;
            candidateDistances.AsSpan(bestTrial * n, n).CopyTo(closest);
            x.AsSpan(candidates[bestTrial] * d, d).CopyTo(centroids.Slice(c * d, d));
        }
    }

    /// <summary>First index whose value is ≥ <paramref name="value"/> (numpy's <c>searchsorted(side='left')</c>); n when none.</summary>
    private static int LowerBound(double[] sorted, double value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
