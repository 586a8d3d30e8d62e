using System.Diagnostics;
using System.Numerics;

namespace SortLine.Spectra.Smoothing;

/// <content>Scalar reference loop of the interior convolution (also the tail of the vector path).</content>
public sealed partial class SavitzkyGolayPlan
{
    /// <summary>y[k] = Σ_j c[j] · x[k + j] for k in [0, y.Length), summed in j order.</summary>
    internal static void InteriorScalar<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> c, Span<T> y)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        Debug.Assert(x.Length >= y.Length + c.Length - 1);
        for (int k = 0; k < y.Length; k++)
        {
            T sum = T.Zero;
            for (int j = 0; j < c.Length; j++)
            {
                sum += c[j] * x[k + j];
            }

            y[k] = sum;
        }
    }
}
