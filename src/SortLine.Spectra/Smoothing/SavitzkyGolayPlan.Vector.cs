using System.Diagnostics;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace SortLine.Spectra.Smoothing;

/// <content>
/// SIMD path of the interior convolution: a vector of consecutive outputs accumulates c[j] · x[k + j .. k + j + V) over the
/// taps j, in the same order as the scalar loop (separate multiply and add, so the results are bitwise identical). Four
/// output vectors are computed together so four independent add chains overlap (one chain alone waits on the add latency
/// at every tap). The edge blocks are vectorised across their outputs (see <see cref="TryEdgesVector{T}"/>).
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
        ref T cs = ref MemoryMarshal.GetReference(c);
        int taps = c.Length;
        int n = y.Length;
        int k = 0;
        if (Vector512.IsHardwareAccelerated && Vector512<T>.IsSupported)
        {
            int v = Vector512<T>.Count;
            for (; k <= n - (4 * v); k += 4 * v)
            {
                Vector512<T> s0 = Vector512<T>.Zero, s1 = s0, s2 = s0, s3 = s0;
                ref T x0 = ref Unsafe.Add(ref xs, k);
                for (int j = 0; j < taps; j++)
                {
                    Vector512<T> cj = Vector512.Create(Unsafe.Add(ref cs, j));
                    s0 += cj * Vector512.LoadUnsafe(ref x0, (nuint)j);
                    s1 += cj * Vector512.LoadUnsafe(ref x0, (nuint)(j + v));
                    s2 += cj * Vector512.LoadUnsafe(ref x0, (nuint)(j + (2 * v)));
                    s3 += cj * Vector512.LoadUnsafe(ref x0, (nuint)(j + (3 * v)));
                }

                s0.StoreUnsafe(ref ys, (nuint)k);
                s1.StoreUnsafe(ref ys, (nuint)(k + v));
                s2.StoreUnsafe(ref ys, (nuint)(k + (2 * v)));
                s3.StoreUnsafe(ref ys, (nuint)(k + (3 * v)));
            }

            for (; k <= n - v; k += v)
            {
                Vector512<T> sum = Vector512<T>.Zero;
                ref T x0 = ref Unsafe.Add(ref xs, k);
                for (int j = 0; j < taps; j++)
                {
                    sum += Vector512.Create(Unsafe.Add(ref cs, j)) * Vector512.LoadUnsafe(ref x0, (nuint)j);
                }

                sum.StoreUnsafe(ref ys, (nuint)k);
            }
        }
        else if (Vector256.IsHardwareAccelerated && Vector256<T>.IsSupported)
        {
            int v = Vector256<T>.Count;
            for (; k <= n - (4 * v); k += 4 * v)
            {
                Vector256<T> s0 = Vector256<T>.Zero, s1 = s0, s2 = s0, s3 = s0;
                ref T x0 = ref Unsafe.Add(ref xs, k);
                for (int j = 0; j < taps; j++)
                {
                    Vector256<T> cj = Vector256.Create(Unsafe.Add(ref cs, j));
                    s0 += cj * Vector256.LoadUnsafe(ref x0, (nuint)j);
                    s1 += cj * Vector256.LoadUnsafe(ref x0, (nuint)(j + v));
                    s2 += cj * Vector256.LoadUnsafe(ref x0, (nuint)(j + (2 * v)));
                    s3 += cj * Vector256.LoadUnsafe(ref x0, (nuint)(j + (3 * v)));
                }

                s0.StoreUnsafe(ref ys, (nuint)k);
                s1.StoreUnsafe(ref ys, (nuint)(k + v));
                s2.StoreUnsafe(ref ys, (nuint)(k + (2 * v)));
                s3.StoreUnsafe(ref ys, (nuint)(k + (3 * v)));
            }

            for (; k <= n - v; k += v)
            {
                Vector256<T> sum = Vector256<T>.Zero;
                ref T x0 = ref Unsafe.Add(ref xs, k);
                for (int j = 0; j < taps; j++)
                {
                    sum += Vector256.Create(Unsafe.Add(ref cs, j)) * Vector256.LoadUnsafe(ref x0, (nuint)j);
                }

                sum.StoreUnsafe(ref ys, (nuint)k);
            }
        }
        else if (Vector128.IsHardwareAccelerated && Vector128<T>.IsSupported)
        {
            int v = Vector128<T>.Count;
            for (; k <= n - (4 * v); k += 4 * v)
            {
                Vector128<T> s0 = Vector128<T>.Zero, s1 = s0, s2 = s0, s3 = s0;
                ref T x0 = ref Unsafe.Add(ref xs, k);
                for (int j = 0; j < taps; j++)
                {
                    Vector128<T> cj = Vector128.Create(Unsafe.Add(ref cs, j));
                    s0 += cj * Vector128.LoadUnsafe(ref x0, (nuint)j);
                    s1 += cj * Vector128.LoadUnsafe(ref x0, (nuint)(j + v));
                    s2 += cj * Vector128.LoadUnsafe(ref x0, (nuint)(j + (2 * v)));
                    s3 += cj * Vector128.LoadUnsafe(ref x0, (nuint)(j + (3 * v)));
                }

                s0.StoreUnsafe(ref ys, (nuint)k);
                s1.StoreUnsafe(ref ys, (nuint)(k + v));
                s2.StoreUnsafe(ref ys, (nuint)(k + (2 * v)));
                s3.StoreUnsafe(ref ys, (nuint)(k + (3 * v)));
            }

            for (; k <= n - v; k += v)
            {
                Vector128<T> sum = Vector128<T>.Zero;
                ref T x0 = ref Unsafe.Add(ref xs, k);
                for (int j = 0; j < taps; j++)
                {
                    sum += Vector128.Create(Unsafe.Add(ref cs, j)) * Vector128.LoadUnsafe(ref x0, (nuint)j);
                }

                sum.StoreUnsafe(ref ys, (nuint)k);
            }
        }

        return k;
    }

    /// <summary>
    /// Both edge blocks with vectors across their outputs: lane g &lt; half is left output g, lane half + i is right output
    /// i. Each lane sums its w products in k order with separate multiply and add, exactly as the scalar dot product, so
    /// the results are bitwise identical. <paramref name="coefficients"/> is the plan's transposed edge layout for the
    /// vector width <see cref="VectorStep{T}"/>: chunk-major, then tap, then lane.
    /// </summary>
    /// <returns>False when no vector width is accelerated (the caller then runs the scalar dot products).</returns>
    internal static bool TryEdgesVector<T>(ReadOnlySpan<T> first, ReadOnlySpan<T> last, ReadOnlySpan<T> coefficients, int half, Span<T> y)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        Debug.Assert(first.Length == last.Length && y.Length >= first.Length);
        if (Vector512.IsHardwareAccelerated && Vector512<T>.IsSupported)
        {
            EdgesVector512(first, last, coefficients, half, y);
        }
        else if (Vector256.IsHardwareAccelerated && Vector256<T>.IsSupported)
        {
            EdgesVector256(first, last, coefficients, half, y);
        }
        else if (Vector128.IsHardwareAccelerated && Vector128<T>.IsSupported)
        {
            EdgesVector128(first, last, coefficients, half, y);
        }
        else
        {
            return false;
        }

        return true;
    }

    /// <summary>Transposes the edge rows for <see cref="TryEdgesVector{T}"/> with vectors of <paramref name="v"/> lanes (empty for v = 0).</summary>
    internal static T[] TransposeEdges<T>(ReadOnlySpan<T> left, ReadOnlySpan<T> right, int w, int half, int v)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        if (v == 0)
        {
            return [];
        }

        int chunks = ((2 * half) + v - 1) / v;
        var result = new T[chunks * w * v];
        for (int g = 0; g < 2 * half; g++)
        {
            ReadOnlySpan<T> row = g < half ? left.Slice(g * w, w) : right.Slice((g - half) * w, w);
            int chunk = g / v, lane = g % v;
            for (int k = 0; k < w; k++)
            {
                result[(((chunk * w) + k) * v) + lane] = row[k];
            }
        }

        return result;
    }

    private static void EdgesVector512<T>(ReadOnlySpan<T> first, ReadOnlySpan<T> last, ReadOnlySpan<T> coefficients, int half, Span<T> y)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        int w = first.Length;
        int v = Vector512<T>.Count;
        int n = y.Length;
        ref T f = ref MemoryMarshal.GetReference(first);
        ref T l = ref MemoryMarshal.GetReference(last);
        ref T c = ref MemoryMarshal.GetReference(coefficients);
        Vector512<T> halfVector = Vector512.Create(T.CreateTruncating(half));
        for (int chunk = 0; chunk * v < 2 * half; chunk++)
        {
            Vector512<T> isLeft = Vector512.LessThan(Vector512<T>.Indices + Vector512.Create(T.CreateTruncating(chunk * v)), halfVector);
            ref T cc = ref Unsafe.Add(ref c, chunk * w * v);
            Vector512<T> sum = Vector512<T>.Zero;
            for (int k = 0; k < w; k++)
            {
                Vector512<T> input = Vector512.ConditionalSelect(isLeft, Vector512.Create(Unsafe.Add(ref f, k)), Vector512.Create(Unsafe.Add(ref l, k)));
                sum += Vector512.LoadUnsafe(ref cc, (nuint)(k * v)) * input;
            }

            for (int lane = 0; lane < v && (chunk * v) + lane < 2 * half; lane++)
            {
                int g = (chunk * v) + lane;
                y[g < half ? g : n - (2 * half) + g] = sum.GetElement(lane);
            }
        }
    }

    private static void EdgesVector256<T>(ReadOnlySpan<T> first, ReadOnlySpan<T> last, ReadOnlySpan<T> coefficients, int half, Span<T> y)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        int w = first.Length;
        int v = Vector256<T>.Count;
        int n = y.Length;
        ref T f = ref MemoryMarshal.GetReference(first);
        ref T l = ref MemoryMarshal.GetReference(last);
        ref T c = ref MemoryMarshal.GetReference(coefficients);
        Vector256<T> halfVector = Vector256.Create(T.CreateTruncating(half));
        for (int chunk = 0; chunk * v < 2 * half; chunk++)
        {
            Vector256<T> isLeft = Vector256.LessThan(Vector256<T>.Indices + Vector256.Create(T.CreateTruncating(chunk * v)), halfVector);
            ref T cc = ref Unsafe.Add(ref c, chunk * w * v);
            Vector256<T> sum = Vector256<T>.Zero;
            for (int k = 0; k < w; k++)
            {
                Vector256<T> input = Vector256.ConditionalSelect(isLeft, Vector256.Create(Unsafe.Add(ref f, k)), Vector256.Create(Unsafe.Add(ref l, k)));
                sum += Vector256.LoadUnsafe(ref cc, (nuint)(k * v)) * input;
            }

            for (int lane = 0; lane < v && (chunk * v) + lane < 2 * half; lane++)
            {
                int g = (chunk * v) + lane;
                y[g < half ? g : n - (2 * half) + g] = sum.GetElement(lane);
            }
        }
    }

    private static void EdgesVector128<T>(ReadOnlySpan<T> first, ReadOnlySpan<T> last, ReadOnlySpan<T> coefficients, int half, Span<T> y)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        int w = first.Length;
        int v = Vector128<T>.Count;
        int n = y.Length;
        ref T f = ref MemoryMarshal.GetReference(first);
        ref T l = ref MemoryMarshal.GetReference(last);
        ref T c = ref MemoryMarshal.GetReference(coefficients);
        Vector128<T> halfVector = Vector128.Create(T.CreateTruncating(half));
        for (int chunk = 0; chunk * v < 2 * half; chunk++)
        {
            Vector128<T> isLeft = Vector128.LessThan(Vector128<T>.Indices + Vector128.Create(T.CreateTruncating(chunk * v)), halfVector);
            ref T cc = ref Unsafe.Add(ref c, chunk * w * v);
            Vector128<T> sum = Vector128<T>.Zero;
            for (int k = 0; k < w; k++)
            {
                Vector128<T> input = Vector128.ConditionalSelect(isLeft, Vector128.Create(Unsafe.Add(ref f, k)), Vector128.Create(Unsafe.Add(ref l, k)));
                sum += Vector128.LoadUnsafe(ref cc, (nuint)(k * v)) * input;
            }

            for (int lane = 0; lane < v && (chunk * v) + lane < 2 * half; lane++)
            {
                int g = (chunk * v) + lane;
                y[g < half ? g : n - (2 * half) + g] = sum.GetElement(lane);
            }
        }
    }
}
