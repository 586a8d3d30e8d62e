using SortLine.Spectra.Internal;

namespace SortLine.Spectra.Clustering;

/// <summary>
/// Squared Euclidean distance <c>Σ (x[i] - y[i])²</c> between two equally long vectors, with SIMD.
/// </summary>
/// <remarks>
/// <para>Result in the units of the inputs, squared. Allocates nothing.</para>
/// <para>The vector path accumulates lane-wise and sums the lanes at the end, so its rounding differs from the
/// sequential scalar reference (<see cref="ComputeScalar"/>); the two agree to within 1e-12 relative (a sum of
/// non-negative terms, so the relative error is bounded by about length·ε and is typically far smaller).</para>
/// </remarks>
internal static partial class SquaredEuclideanDistance
{
    /// <summary>Computes <c>Σ (x[i] - y[i])²</c>.</summary>
    /// <param name="x">First vector.</param>
    /// <param name="y">Second vector; as long as <paramref name="x"/>.</param>
    /// <returns>The squared distance (≥ 0).</returns>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    public static double Compute(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        ThrowHelper.ThrowIfLengthMismatch(x.Length, y.Length);
        int done = ComputeVector(x, y, out double sum);
        return sum + ComputeScalar(x[done..], y[done..]);
    }
}
