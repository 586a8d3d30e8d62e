using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace SortLine.Spectra.Clustering;

internal static partial class SquaredEuclideanDistance
{
    /// <summary>
    /// Sums the largest vector-multiple prefix with the widest accelerated vector width and returns how many
    /// elements it consumed (0 when no width is accelerated or the input is shorter than one vector).
    /// </summary>
    internal static int ComputeVector(ReadOnlySpan<double> x, ReadOnlySpan<double> y, out double sum)
    {
        Debug.Assert(x.Length == y.Length);
        ref double xr = ref MemoryMarshal.GetReference(x);
        ref double yr = ref MemoryMarshal.GetReference(y);
        int length = x.Length;

        if (Vector512.IsHardwareAccelerated && length >= Vector512<double>.Count)
        {
            int end = length - (length % Vector512<double>.Count);
            Vector512<double> acc = Vector512<double>.Zero;
            for (int i = 0; i < end; i += Vector512<double>.Count)
            {
                Vector512<double> t = Vector512.LoadUnsafe(ref xr, (nuint)i) - Vector512.LoadUnsafe(ref yr, (nuint)i);
                acc += t * t;
            }

            sum = Vector512.Sum(acc);
            return end;
        }

        if (Vector256.IsHardwareAccelerated && length >= Vector256<double>.Count)
        {
            int end = length - (length % Vector256<double>.Count);
            Vector256<double> acc = Vector256<double>.Zero;
            for (int i = 0; i < end; i += Vector256<double>.Count)
            {
                Vector256<double> t = Vector256.LoadUnsafe(ref xr, (nuint)i) - Vector256.LoadUnsafe(ref yr, (nuint)i);
                acc += t * t;
            }

            sum = Vector256.Sum(acc);
            return end;
        }

        if (Vector128.IsHardwareAccelerated && length >= Vector128<double>.Count)
        {
            int end = length - (length % Vector128<double>.Count);
            Vector128<double> acc = Vector128<double>.Zero;
            for (int i = 0; i < end; i += Vector128<double>.Count)
            {
                Vector128<double> t = Vector128.LoadUnsafe(ref xr, (nuint)i) - Vector128.LoadUnsafe(ref yr, (nuint)i);
                acc += t * t;
            }

            sum = Vector128.Sum(acc);
            return end;
        }

        sum = 0;
        return 0;
    }
}
