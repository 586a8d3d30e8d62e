using SortLine.Spectra.Internal;

namespace SortLine.Spectra.Clustering;

/// <summary>
/// Nearest-centroid assignment (Rocchio): the index of the centroid closest to a sample in Euclidean distance.
/// The assignment rule of k-means and of new samples against a fitted or stored set of centroids.
/// </summary>
/// <remarks>Allocates nothing; meant for per-pixel use. Ties go to the lowest centroid index.</remarks>
public static class NearestCentroid
{
    /// <summary>Finds the centroid nearest to <paramref name="x"/>.</summary>
    /// <param name="x">One sample; as long as a centroid row.</param>
    /// <param name="centroids">k × d centroids, one per row (k ≥ 1).</param>
    /// <param name="squaredDistance">The squared Euclidean distance to the chosen centroid (units of x, squared).</param>
    /// <returns>The zero-based index of the nearest centroid.</returns>
    /// <exception cref="ArgumentException"><paramref name="centroids"/> is empty, or its column count differs from the
    /// length of <paramref name="x"/>.</exception>
    public static int Find(ReadOnlySpan<double> x, ReadOnlyMatrixSpan<double> centroids, out double squaredDistance)
    {
        if (centroids.Rows == 0 || centroids.Columns == 0)
        {
            ThrowHelper.ThrowArgument(nameof(centroids), "At least one centroid with at least one feature is required.");
        }

        ThrowHelper.ThrowIfColumnMismatch(centroids.Columns, x.Length, nameof(x));
        return FindUnchecked(x, centroids.Span, centroids.Columns, out squaredDistance);
    }

    /// <summary>Finds the centroid nearest to <paramref name="x"/>.</summary>
    /// <param name="x">One sample; as long as a centroid row.</param>
    /// <param name="centroids">k × d centroids, one per row (k ≥ 1).</param>
    /// <returns>The zero-based index of the nearest centroid.</returns>
    /// <exception cref="ArgumentException"><paramref name="centroids"/> is empty, or its column count differs from the
    /// length of <paramref name="x"/>.</exception>
    public static int Find(ReadOnlySpan<double> x, ReadOnlyMatrixSpan<double> centroids) => Find(x, centroids, out _);

    /// <summary>The loop without argument checks (callers have validated the shapes).</summary>
    internal static int FindUnchecked(ReadOnlySpan<double> x, ReadOnlySpan<double> centroids, int features, out double squaredDistance)
    {
        int best = 0;
        double bestDistance = double.PositiveInfinity;
        for (int j = 0, offset = 0; offset < centroids.Length; j++, offset += features)
        {
            double distance = SquaredEuclideanDistance.Compute(x, centroids.Slice(offset, features));
            if (distance < bestDistance)
            {
                bestDistance = distance;
                best = j;
            }
        }

        squaredDistance = bestDistance;
        return best;
    }
}
