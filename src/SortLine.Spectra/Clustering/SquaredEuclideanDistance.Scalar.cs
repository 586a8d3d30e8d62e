using System.Diagnostics;

namespace SortLine.Spectra.Clustering;

internal static partial class SquaredEuclideanDistance
{
    /// <summary>Sequential reference loop; also sums the tail that the vector path leaves.</summary>
    internal static double ComputeScalar(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        Debug.Assert(x.Length == y.Length);
        double sum = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double t = x[i] - y[i];
            sum += t * t;
        }

        return sum;
    }
}
