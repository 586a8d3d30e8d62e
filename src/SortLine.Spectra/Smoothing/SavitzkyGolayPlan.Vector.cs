using System.Diagnostics;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace SortLine.Spectra.Smoothing;

/// <content>
/// SIMD path of the interior convolution: a vector of consecutive outputs accumulates c[j] · x[k + j .. k + j + V) over the
/// taps j, in the same order as the scalar loop (separate multiply and add, so the results are bitwise identical).
/// </content>
public sealed partial class SavitzkyGolayPlan
{
    /// <summary>Gets the number of outputs the vector path computes per step for <typeparamref name="T"/> (0 without acceleration).</summary>
    internal static int VectorStep<T>()
        where T : unmanaged, IBinaryFloatingPointIeee754<T> =>
        Vector512.IsHardwareAccelerated && Vector512<T>.IsSupported ? Vector512<T>.Count
        : Vector256.IsHardwareAccelerated && Vector256<T>.IsSupported ? Vector256<T>.Count
        : Vector128.IsHardwareAccelerated && Vector128<T>.IsSupported ? Vector128<T>.Count
        : 0;

    /// <summary>Computes the largest multiple of the vector width of outputs; returns how many were done.</summary>
    internal static int InteriorVector<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> c, Span<T> y)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        Debug.Assert(x.Length >= y.Length + c.Length - 1);
        ref T xs = ref MemoryMarshal.GetReference(x);
        ref T ys = ref MemoryMarshal.GetReference(y);
        int n = y.Length;
        int k = 0;
        if (Vector512.IsHardwareAccelerated && Vector512<T>.IsSupported)
        {
            for (; k <= n - Vector512<T>.Count; k += Vector512<T>.Count)
            {
                Vector512<T> sum = Vector512<T>.Zero;
                for (int j = 0; j < c.Length; j++)
                {
                    sum += Vector512.Create(c[j]) * Vector512.LoadUnsafe(ref xs, (nuint)(k + j));
                }

                sum.StoreUnsafe(ref ys, (nuint)k);
            }
        }
        else if (Vector256.IsHardwareAccelerated && Vector256<T>.IsSupported)
        {
            for (; k <= n - Vector256<T>.Count; k += Vector256<T>.Count)
            {
                Vector256<T> sum = Vector256<T>.Zero;
                for (int j = 0; j < c.Length; j++)
                {
                    sum += Vector256.Create(c[j]) * Vector256.LoadUnsafe(ref xs, (nuint)(k + j));
                }

                sum.StoreUnsafe(ref ys, (nuint)k);
            }
        }
        else if (Vector128.IsHardwareAccelerated && Vector128<T>.IsSupported)
        {
            for (; k <= n - Vector128<T>.Count; k += Vector128<T>.Count)
            {
                Vector128<T> sum = Vector128<T>.Zero;
                for (int j = 0; j < c.Length; j++)
                {
                    sum += Vector128.Create(c[j]) * Vector128.LoadUnsafe(ref xs, (nuint)(k + j));
                }

                sum.StoreUnsafe(ref ys, (nuint)k);
            }
        }

        return k;
    }
}
