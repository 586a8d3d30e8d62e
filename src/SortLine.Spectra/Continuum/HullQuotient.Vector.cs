using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using SortLine.Spectra.Internal;

namespace SortLine.Spectra.Continuum;

/// <content>
/// The fast path: gift wrapping with a SIMD scan and a pruned search. From hull vertex a, the next vertex is the sample of
/// maximum slope from a (the farthest one on a tie). It is searched with division-free vector comparisons (the reference's
/// cross products) over a window of two vectors after a; then each later block of one vector is scanned only if its
/// slope bound from a, against the winner so far, does not already rule the whole block out (branch and bound; with a
/// margin of several rounding units, so a block is skipped only when none of its points can win even as the reference
/// rounds). One pass before the search checks finiteness and records the block maxima. The continuum of each hull segment
/// is written with vectors, and one final vector pass divides the spectrum by it. O(n) on smooth spectra (about 10
/// vertices and a few scanned blocks each on smoothed SWIR pixels), O(n · h) at worst, and branch-light (the monotone chain
/// is limited by mispredicted branches).
/// </content>
/// <remarks>
/// Equivalence with the monotone chain: both keep exactly the strict upper hull when the orientation test of each triple
/// is exact; the comparison of candidates b &lt; j from vertex a uses the same two rounded products as the chain's cross
/// product for (a, b, j), and on equal products the later point wins, as the chain pops on a zero cross product. With
/// rounding, the two can differ only for a point within rounding of a hull chord (the continuum then differs by a rounding
/// error). The continuum and quotient use the reference's operations in the reference's order (no fused multiply-add), so
/// for the same vertices the output is bitwise identical.
/// </remarks>
public static partial class HullQuotient
{
    /// <summary>The largest sample count for which <see cref="float"/> lane indices are exact (2²⁴).</summary>
    private const int MaxExactSingleIndex = 1 << 24;

    /// <summary>
    /// The hull quotient over validated wavelengths: the widest accelerated vector path that fits, else the scalar
    /// reference (after its finiteness check). Throws on a non-finite spectrum value before writing anything derived from it.
    /// </summary>
    /// <returns>The number of bands whose continuum is ≤ 0.</returns>
    internal static int ApplyFast<T>(ReadOnlySpan<T> wavelengths, ReadOnlySpan<T> spectrum, Span<T> quotient, Span<int> hull, out int vertexCount)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        int n = spectrum.Length;
        if (n <= MaxExactSingleIndex)
        {
            if (Vector512.IsHardwareAccelerated && Vector512<T>.IsSupported && n >= Vector512<T>.Count)
            {
                return Apply512(wavelengths, spectrum, quotient, hull, out vertexCount);
            }

            if (Vector256.IsHardwareAccelerated && Vector256<T>.IsSupported && n >= Vector256<T>.Count)
            {
                return Apply256(wavelengths, spectrum, quotient, hull, out vertexCount);
            }

            if (Vector128.IsHardwareAccelerated && Vector128<T>.IsSupported && n >= Vector128<T>.Count)
            {
                return Apply128(wavelengths, spectrum, quotient, hull, out vertexCount);
            }
        }

        for (int i = 0; i < n; i++)
        {
            if (!T.IsFinite(spectrum[i]))
            {
                ThrowNotFinite(spectrum);
            }
        }

        vertexCount = FindHullScalar(wavelengths, spectrum, hull);
        int nonPositive = InterpolateScalar(wavelengths, spectrum, hull[..vertexCount], quotient, markNonPositive: true);
        for (int i = 0; i < n; i++)
        {
            quotient[i] = spectrum[i] / quotient[i];
        }

        return nonPositive;
    }

    /// <summary>Whether candidate B (slope dy_B/dx_B, index j_B) beats A: a larger slope, or the same and farther.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Beats<T>(T dxA, T dyA, T jA, T dxB, T dyB, T jB)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        T l = dyB * dxA;
        T r = dyA * dxB;
        return l > r || (l == r && jB > jA);
    }

    private static int Reduce512<T>(Vector512<T> dx, Vector512<T> dy, Vector512<T> j)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        Vector256<T> dxA = dx.GetLower(), dyA = dy.GetLower(), jA = j.GetLower();
        Vector256<T> dxB = dx.GetUpper(), dyB = dy.GetUpper(), jB = j.GetUpper();
        Vector256<T> l = dyB * dxA;
        Vector256<T> r = dyA * dxB;
        Vector256<T> takeB = Vector256.GreaterThan(l, r) | (Vector256.Equals(l, r) & Vector256.GreaterThan(jB, jA));
        return Reduce256(Vector256.ConditionalSelect(takeB, dxB, dxA), Vector256.ConditionalSelect(takeB, dyB, dyA), Vector256.ConditionalSelect(takeB, jB, jA));
    }

    private static int Reduce256<T>(Vector256<T> dx, Vector256<T> dy, Vector256<T> j)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        Vector128<T> dxA = dx.GetLower(), dyA = dy.GetLower(), jA = j.GetLower();
        Vector128<T> dxB = dx.GetUpper(), dyB = dy.GetUpper(), jB = j.GetUpper();
        Vector128<T> l = dyB * dxA;
        Vector128<T> r = dyA * dxB;
        Vector128<T> takeB = Vector128.GreaterThan(l, r) | (Vector128.Equals(l, r) & Vector128.GreaterThan(jB, jA));
        return Reduce128(Vector128.ConditionalSelect(takeB, dxB, dxA), Vector128.ConditionalSelect(takeB, dyB, dyA), Vector128.ConditionalSelect(takeB, jB, jA));
    }

    private static int Reduce128<T>(Vector128<T> dx, Vector128<T> dy, Vector128<T> j)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        T bestDx = dx.GetElement(0), bestDy = dy.GetElement(0), bestJ = j.GetElement(0);
        for (int k = 1; k < Vector128<T>.Count; k++)
        {
            T cdx = dx.GetElement(k), cdy = dy.GetElement(k), cj = j.GetElement(k);
            if (Beats(bestDx, bestDy, bestJ, cdx, cdy, cj))
            {
                bestDx = cdx;
                bestDy = cdy;
                bestJ = cj;
            }
        }

        return int.CreateTruncating(bestJ);
    }




    [DoesNotReturn]
    private static void ThrowNotFinite<T>(ReadOnlySpan<T> spectrum)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        int i = 0;
        while (i < spectrum.Length - 1 && T.IsFinite(spectrum[i]))
        {
            i++;
        }

        ThrowHelper.ThrowArgument(nameof(spectrum), string.Create(CultureInfo.InvariantCulture, $"Element {i} is {spectrum[i]}; finite values are required."));
    }

    /// <summary>The largest block count whose bounds go on the stack (beyond it every block is scanned).</summary>
    private const int MaxPrunedBlocks = 512;

    /// <summary>16 units of rounding (2⁻²⁰ for float, 2⁻⁴⁹ for double): the safety margin of the slope bounds.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T RoundingMargin<T>()
        where T : unmanaged, IBinaryFloatingPointIeee754<T> =>
        typeof(T) == typeof(float) ? T.CreateTruncating(9.5367431640625e-7) : T.CreateTruncating(1.7763568394002505e-15);

    /// <summary>The largest element of a vector of finite values (native max: no NaN or signed-zero fix-ups needed).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T MaxElement<T>(Vector512<T> v)
        where T : unmanaged, IBinaryFloatingPointIeee754<T> =>
        MaxElement(Vector256.MaxNative(v.GetLower(), v.GetUpper()));

    /// <summary>The largest element of a vector of finite values (native max: no NaN or signed-zero fix-ups needed).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T MaxElement<T>(Vector256<T> v)
        where T : unmanaged, IBinaryFloatingPointIeee754<T> =>
        MaxElement(Vector128.MaxNative(v.GetLower(), v.GetUpper()));

    /// <summary>The largest element of a vector of finite values (native max: no NaN or signed-zero fix-ups needed).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T MaxElement<T>(Vector128<T> v)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(float))
        {
            Vector128<float> f = v.AsSingle();
            f = Vector128.MaxNative(f, Vector128.Shuffle(f, Vector128.Create(2, 3, 0, 1)));
            f = Vector128.MaxNative(f, Vector128.Shuffle(f, Vector128.Create(1, 0, 3, 2)));
            return f.As<float, T>().ToScalar();
        }

        if (typeof(T) == typeof(double))
        {
            Vector128<double> d = v.AsDouble();
            return Vector128.MaxNative(d, Vector128.Shuffle(d, Vector128.Create(1L, 0L))).As<double, T>().ToScalar();
        }

        T max = v.GetElement(0);
        for (int i = 1; i < Vector128<T>.Count; i++)
        {
            max = T.Max(max, v.GetElement(i));
        }

        return max;
    }

    /// <summary>
    /// The next hull vertex from the lane bests of Vector512: the lane of largest slope dy/dx wins unless others are within a
    /// few rounding units of it, in which case those few are compared exactly (<see cref="Beats{T}"/>, in lane order). The
    /// winner of the exact comparison is always within that margin, so the result is the exact reduction's
    /// (<see cref="Reduce512{T}"/>, which non-finite slopes fall back to).
    /// </summary>
    /// <returns>The winning index; <paramref name="slope"/> receives its slope dy/dx.</returns>
    private static int Winner512<T>(Vector512<T> dx, Vector512<T> dy, Vector512<T> j, out T slope)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        Vector512<T> slopes = dy / dx; // -∞ in lanes without a candidate (dy = -1, dx = 0)
        T max = MaxElement(slopes);
        uint candidates = (uint)Vector512.GreaterThanOrEqual(slopes, Vector512.Create(max - (T.Abs(max) * RoundingMargin<T>()))).ExtractMostSignificantBits();
        if (!T.IsFinite(max) || candidates == 0)
        {
            int b = Reduce512(dx, dy, j);
            uint at = (uint)Vector512.Equals(j, Vector512.Create(T.CreateTruncating(b))).ExtractMostSignificantBits();
            int winner = BitOperations.TrailingZeroCount(at | (1u << (Vector512<T>.Count - 1)));
            slope = dy.GetElement(winner) / dx.GetElement(winner);
            return b;
        }

        int lane = BitOperations.TrailingZeroCount(candidates);
        candidates &= candidates - 1;
        T bestDx = dx.GetElement(lane), bestDy = dy.GetElement(lane), bestJ = j.GetElement(lane);
        while (candidates != 0)
        {
            lane = BitOperations.TrailingZeroCount(candidates);
            candidates &= candidates - 1;
            T cdx = dx.GetElement(lane), cdy = dy.GetElement(lane), cj = j.GetElement(lane);
            if (Beats(bestDx, bestDy, bestJ, cdx, cdy, cj))
            {
                bestDx = cdx;
                bestDy = cdy;
                bestJ = cj;
            }
        }

        slope = bestDy / bestDx;
        return int.CreateTruncating(bestJ);
    }

    /// <summary>Gift-wrap hull quotient with Vector512 (validated input, at least Vector512&lt;T&gt;.Count samples).</summary>
    private static int Apply512<T>(ReadOnlySpan<T> wavelengths, ReadOnlySpan<T> spectrum, Span<T> quotient, Span<int> hull, out int vertexCount)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        int n = spectrum.Length;
        int width = Vector512<T>.Count;
        Debug.Assert(n >= width && quotient.Length == n && hull.Length >= n);
        ref T xs = ref MemoryMarshal.GetReference(wavelengths);
        ref T ys = ref MemoryMarshal.GetReference(spectrum);
        ref T qs = ref MemoryMarshal.GetReference(quotient);
        Vector512<T> lanes = Vector512<T>.Indices;
        Vector512<T> infinity = Vector512.Create(T.PositiveInfinity);
        Vector512<T> negativeInfinity = Vector512.Create(T.NegativeInfinity);
        Vector512<T> margin = Vector512.Create(RoundingMargin<T>());
        nuint last = (nuint)(n - width);

        // Block k is the vector at s_k = min(k·V, n − V). One pass over all of them checks finiteness (the accumulated
        // y − y is 0 for finite y, NaN otherwise) before anything is derived from the values, and records per block its
        // start s_k, its maximum and its first and last wavelength, in vectors of V blocks (padding: start −1, invalid).
        int blocks = (n + width - 1) / width;
        bool prune = blocks <= MaxPrunedBlocks;
        int padded = prune ? (blocks + width - 1) / width * width : 0;
        Span<T> bounds = prune ? stackalloc T[4 * padded] : default;
        Span<T> blockStart = bounds[..padded];
        Span<T> blockMax = bounds.Slice(padded, padded);
        Span<T> blockFirstX = bounds.Slice(2 * padded, padded);
        Span<T> blockLastX = bounds.Slice(3 * padded, padded);
        if (prune)
        {
            blockStart[blocks..].Fill(-T.One);
        }

        Vector512<T> finite = Vector512<T>.Zero;
        for (int k = 0; k < blocks; k++)
        {
            nuint s = Math.Min((nuint)(k * width), last);
            Vector512<T> vy = Vector512.LoadUnsafe(ref ys, s);
            finite += vy - vy;
            if (prune)
            {
                blockStart[k] = T.CreateTruncating((int)s);
                blockMax[k] = MaxElement(vy);
                blockFirstX[k] = Unsafe.Add(ref xs, s);
                blockLastX[k] = Unsafe.Add(ref xs, s + (nuint)width - 1);
            }
        }

        if (!Vector512.EqualsAll(finite, Vector512<T>.Zero))
        {
            ThrowNotFinite(spectrum);
        }

        ref T startRef = ref MemoryMarshal.GetReference(blockStart);
        ref T maxRef = ref MemoryMarshal.GetReference(blockMax);
        ref T firstXRef = ref MemoryMarshal.GetReference(blockFirstX);
        ref T lastXRef = ref MemoryMarshal.GetReference(blockLastX);
        qs = spectrum[0] > T.Zero ? spectrum[0] : T.PositiveInfinity;
        hull[0] = 0;
        vertexCount = 1;
        int a = 0;
        while (a < n - 1)
        {
            T xa = wavelengths[a];
            T ya = spectrum[a];
            Vector512<T> vxa = Vector512.Create(xa);
            Vector512<T> vya = Vector512.Create(ya);
            Vector512<T> va = Vector512.Create(T.CreateTruncating(a));

            // Per lane, the best candidate so far as (dx, dy, index); (0, -1) is slope -∞. A candidate j replaces the
            // lane's best b when dy_j·dx_b ≥ dy_b·dx_j: the very products, and so the very rounding, of the reference's
            // cross product for the triple (a, b, j). Ties keep the later (farther) point, so collinear points are dropped.
            Vector512<T> bestDx = Vector512<T>.Zero;
            Vector512<T> bestDy = Vector512.Create(-T.One);
            Vector512<T> bestJ = Vector512.Create(-T.One);

            // The window: the vector right after a (masked to j > a). It holds every candidate of the blocks that start at
            // or before a, so only blocks starting after a remain.
            {
                nuint s = Math.Min((nuint)(a + 1), last);
                Vector512<T> vy = Vector512.LoadUnsafe(ref ys, s);
                Vector512<T> dx = Vector512.LoadUnsafe(ref xs, s) - vxa;
                Vector512<T> dy = vy - vya;
                Vector512<T> j = Vector512.Create(T.CreateTruncating((int)s)) + lanes;
                Vector512<T> better = Vector512.GreaterThan(j, va) & Vector512.GreaterThanOrEqual(dy * bestDx, bestDy * dx);
                bestDx = Vector512.ConditionalSelect(better, dx, bestDx);
                bestDy = Vector512.ConditionalSelect(better, dy, bestDy);
                bestJ = Vector512.ConditionalSelect(better, j, bestJ);
            }

            int b;
            if (prune)
            {
                // Branch and bound over the blocks after a: the slope from a of any point of block k is at most
                // U_k = (max_k − y_a) / (x_edge − x_a), x_edge its first wavelength when the numerator is ≥ 0 and its last
                // otherwise. Scan the block of largest U_k, take the winner b, then scan only the blocks whose U_k is not
                // below b's slope by more than the rounding margin (none, usually).
                int k0 = ((a + 1) / width) & ~(width - 1);
                T bestBound = T.NegativeInfinity;
                int bestBlock = -1;
                for (int k = k0; k < padded; k += width)
                {
                    Vector512<T> bound = SlopeBound512(ref startRef, ref maxRef, ref firstXRef, ref lastXRef, k, va, vxa, vya, negativeInfinity);
                    T max = MaxElement(bound);
                    if (max > bestBound)
                    {
                        bestBound = max;
                        bestBlock = k + BitOperations.TrailingZeroCount(Vector512.Equals(bound, Vector512.Create(max)).ExtractMostSignificantBits());
                    }
                }

                if (bestBlock >= 0)
                {
                    Scan512(ref xs, ref ys, (nuint)int.CreateTruncating(blockStart[bestBlock]), lanes, vxa, vya, ref bestDx, ref bestDy, ref bestJ);
                }

                b = Winner512(bestDx, bestDy, bestJ, out T slope);
                if (bestBlock >= 0)
                {
                    // A non-finite slope (overflow) bounds nothing: then every block after a is scanned.
                    bool bounded = T.IsFinite(slope);
                    Vector512<T> vslope = Vector512.Create(bounded ? slope : T.Zero);

                    // U_k and the slope carry relative rounding errors of a few units each (and the reference's cross
                    // product a few more), all relative to values near the slope where it matters: 32 units of margin.
                    Vector512<T> threshold = vslope - (Vector512.Abs(vslope) * (margin + margin));
                    bool scanned = false;
                    for (int k = k0; k < padded; k += width)
                    {
                        Vector512<T> bound = SlopeBound512(ref startRef, ref maxRef, ref firstXRef, ref lastXRef, k, va, vxa, vya, negativeInfinity);
                        uint alive = bounded
                            ? (uint)Vector512.GreaterThanOrEqual(bound, threshold).ExtractMostSignificantBits()
                            : (uint)Vector512.GreaterThan(Vector512.LoadUnsafe(ref startRef, (nuint)k), va).ExtractMostSignificantBits();
                        if (k <= bestBlock && bestBlock < k + width)
                        {
                            alive &= ~(1u << (bestBlock - k));
                        }

                        while (alive != 0)
                        {
                            int block = k + BitOperations.TrailingZeroCount(alive);
                            alive &= alive - 1;
                            Scan512(ref xs, ref ys, (nuint)int.CreateTruncating(blockStart[block]), lanes, vxa, vya, ref bestDx, ref bestDy, ref bestJ);
                            scanned = true;
                        }
                    }

                    if (scanned)
                    {
                        b = Winner512(bestDx, bestDy, bestJ, out _);
                    }
                }
            }
            else
            {
                for (int p = a + 1 + width; p < n; p += width)
                {
                    Scan512(ref xs, ref ys, Math.Min((nuint)p, last), lanes, vxa, vya, ref bestDx, ref bestDy, ref bestJ);
                }

                b = Reduce512(bestDx, bestDy, bestJ);
            }

            Debug.Assert(b > a && b < n);

            // Continuum on (a, b): slope · (x - x_a) + y_a exactly as the reference, +∞ where it is ≤ 0. Whole vectors
            // may run past b: those lanes are rewritten by vertex b and the later segments. Only a vector clamped to the
            // end of the spectrum is masked, so it keeps the finished values before a + 1.
            T yb = spectrum[b];
            Vector512<T> segmentSlope = Vector512.Create((yb - ya) / (wavelengths[b] - xa));
            for (int p = a + 1; p < b; p += width)
            {
                nuint s = Math.Min((nuint)p, last);
                Vector512<T> continuum = (segmentSlope * (Vector512.LoadUnsafe(ref xs, s) - vxa)) + vya;
                continuum = Vector512.ConditionalSelect(Vector512.GreaterThan(continuum, Vector512<T>.Zero), continuum, infinity);
                if (s != (nuint)p)
                {
                    Vector512<T> inside = Vector512.GreaterThanOrEqual(Vector512.Create(T.CreateTruncating((int)s)) + lanes, Vector512.Create(T.CreateTruncating(p)));
                    continuum = Vector512.ConditionalSelect(inside, continuum, Vector512.LoadUnsafe(ref qs, s));
                }

                continuum.StoreUnsafe(ref qs, s);
            }

            quotient[b] = yb > T.Zero ? yb : T.PositiveInfinity;
            hull[vertexCount++] = b;
            a = b;
        }

        // quotient = spectrum / continuum (+∞ where the continuum is ≤ 0, giving ±0), counting those bands. The last,
        // overlapping vector is divided before the in-place pass over the whole vectors reaches its lanes.
        int whole = n - (n % width);
        int nonPositive = 0;
        Vector512<T> tail = default;
        if (whole < n)
        {
            Vector512<T> continuum = Vector512.LoadUnsafe(ref qs, last);
            Vector512<T> fresh = Vector512.GreaterThanOrEqual(Vector512.Create(T.CreateTruncating((int)last)) + lanes, Vector512.Create(T.CreateTruncating(whole)));
            nonPositive += BitOperations.PopCount((Vector512.Equals(continuum, infinity) & fresh).ExtractMostSignificantBits());
            tail = Vector512.LoadUnsafe(ref ys, last) / continuum;
        }

        for (nuint s = 0; s < (nuint)whole; s += (nuint)width)
        {
            Vector512<T> continuum = Vector512.LoadUnsafe(ref qs, s);
            nonPositive += BitOperations.PopCount(Vector512.Equals(continuum, infinity).ExtractMostSignificantBits());
            (Vector512.LoadUnsafe(ref ys, s) / continuum).StoreUnsafe(ref qs, s);
        }

        if (whole < n)
        {
            tail.StoreUnsafe(ref qs, last);
        }

        return nonPositive;
    }

    /// <summary>Upper bounds of the slope from a over blocks k .. k + V − 1; −∞ for blocks not starting after a (or padding).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<T> SlopeBound512<T>(ref T start, ref T max, ref T firstX, ref T lastX, int k, Vector512<T> va, Vector512<T> vxa, Vector512<T> vya, Vector512<T> negativeInfinity)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        Vector512<T> rise = Vector512.LoadUnsafe(ref max, (nuint)k) - vya;
        Vector512<T> rising = Vector512.GreaterThanOrEqual(rise, Vector512<T>.Zero);
        Vector512<T> run = Vector512.ConditionalSelect(rising, Vector512.LoadUnsafe(ref firstX, (nuint)k), Vector512.LoadUnsafe(ref lastX, (nuint)k)) - vxa;
        Vector512<T> after = Vector512.GreaterThan(Vector512.LoadUnsafe(ref start, (nuint)k), va);
        return Vector512.ConditionalSelect(after, rise / run, negativeInfinity);
    }

    /// <summary>
    /// Merges the vector at <paramref name="s"/> (all lanes after a) into the lane bests. Blocks are scanned out of index
    /// order, so an equal product goes to the larger index explicitly (the farthest of collinear points wins).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Scan512<T>(ref T xs, ref T ys, nuint s, Vector512<T> lanes, Vector512<T> vxa, Vector512<T> vya, ref Vector512<T> bestDx, ref Vector512<T> bestDy, ref Vector512<T> bestJ)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        Vector512<T> dx = Vector512.LoadUnsafe(ref xs, s) - vxa;
        Vector512<T> dy = Vector512.LoadUnsafe(ref ys, s) - vya;
        Vector512<T> j = Vector512.Create(T.CreateTruncating((int)s)) + lanes;
        Vector512<T> l = dy * bestDx;
        Vector512<T> r = bestDy * dx;
        Vector512<T> better = Vector512.GreaterThan(l, r) | (Vector512.Equals(l, r) & Vector512.GreaterThan(j, bestJ));
        bestDx = Vector512.ConditionalSelect(better, dx, bestDx);
        bestDy = Vector512.ConditionalSelect(better, dy, bestDy);
        bestJ = Vector512.ConditionalSelect(better, j, bestJ);
    }

    /// <summary>
    /// The next hull vertex from the lane bests of Vector256: the lane of largest slope dy/dx wins unless others are within a
    /// few rounding units of it, in which case those few are compared exactly (<see cref="Beats{T}"/>, in lane order). The
    /// winner of the exact comparison is always within that margin, so the result is the exact reduction's
    /// (<see cref="Reduce256{T}"/>, which non-finite slopes fall back to).
    /// </summary>
    /// <returns>The winning index; <paramref name="slope"/> receives its slope dy/dx.</returns>
    private static int Winner256<T>(Vector256<T> dx, Vector256<T> dy, Vector256<T> j, out T slope)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        Vector256<T> slopes = dy / dx; // -∞ in lanes without a candidate (dy = -1, dx = 0)
        T max = MaxElement(slopes);
        uint candidates = (uint)Vector256.GreaterThanOrEqual(slopes, Vector256.Create(max - (T.Abs(max) * RoundingMargin<T>()))).ExtractMostSignificantBits();
        if (!T.IsFinite(max) || candidates == 0)
        {
            int b = Reduce256(dx, dy, j);
            uint at = (uint)Vector256.Equals(j, Vector256.Create(T.CreateTruncating(b))).ExtractMostSignificantBits();
            int winner = BitOperations.TrailingZeroCount(at | (1u << (Vector256<T>.Count - 1)));
            slope = dy.GetElement(winner) / dx.GetElement(winner);
            return b;
        }

        int lane = BitOperations.TrailingZeroCount(candidates);
        candidates &= candidates - 1;
        T bestDx = dx.GetElement(lane), bestDy = dy.GetElement(lane), bestJ = j.GetElement(lane);
        while (candidates != 0)
        {
            lane = BitOperations.TrailingZeroCount(candidates);
            candidates &= candidates - 1;
            T cdx = dx.GetElement(lane), cdy = dy.GetElement(lane), cj = j.GetElement(lane);
            if (Beats(bestDx, bestDy, bestJ, cdx, cdy, cj))
            {
                bestDx = cdx;
                bestDy = cdy;
                bestJ = cj;
            }
        }

        slope = bestDy / bestDx;
        return int.CreateTruncating(bestJ);
    }

    /// <summary>Gift-wrap hull quotient with Vector256 (validated input, at least Vector256&lt;T&gt;.Count samples).</summary>
    private static int Apply256<T>(ReadOnlySpan<T> wavelengths, ReadOnlySpan<T> spectrum, Span<T> quotient, Span<int> hull, out int vertexCount)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        int n = spectrum.Length;
        int width = Vector256<T>.Count;
        Debug.Assert(n >= width && quotient.Length == n && hull.Length >= n);
        ref T xs = ref MemoryMarshal.GetReference(wavelengths);
        ref T ys = ref MemoryMarshal.GetReference(spectrum);
        ref T qs = ref MemoryMarshal.GetReference(quotient);
        Vector256<T> lanes = Vector256<T>.Indices;
        Vector256<T> infinity = Vector256.Create(T.PositiveInfinity);
        Vector256<T> negativeInfinity = Vector256.Create(T.NegativeInfinity);
        Vector256<T> margin = Vector256.Create(RoundingMargin<T>());
        nuint last = (nuint)(n - width);

        // Block k is the vector at s_k = min(k·V, n − V). One pass over all of them checks finiteness (the accumulated
        // y − y is 0 for finite y, NaN otherwise) before anything is derived from the values, and records per block its
        // start s_k, its maximum and its first and last wavelength, in vectors of V blocks (padding: start −1, invalid).
        int blocks = (n + width - 1) / width;
        bool prune = blocks <= MaxPrunedBlocks;
        int padded = prune ? (blocks + width - 1) / width * width : 0;
        Span<T> bounds = prune ? stackalloc T[4 * padded] : default;
        Span<T> blockStart = bounds[..padded];
        Span<T> blockMax = bounds.Slice(padded, padded);
        Span<T> blockFirstX = bounds.Slice(2 * padded, padded);
        Span<T> blockLastX = bounds.Slice(3 * padded, padded);
        if (prune)
        {
            blockStart[blocks..].Fill(-T.One);
        }

        Vector256<T> finite = Vector256<T>.Zero;
        for (int k = 0; k < blocks; k++)
        {
            nuint s = Math.Min((nuint)(k * width), last);
            Vector256<T> vy = Vector256.LoadUnsafe(ref ys, s);
            finite += vy - vy;
            if (prune)
            {
                blockStart[k] = T.CreateTruncating((int)s);
                blockMax[k] = MaxElement(vy);
                blockFirstX[k] = Unsafe.Add(ref xs, s);
                blockLastX[k] = Unsafe.Add(ref xs, s + (nuint)width - 1);
            }
        }

        if (!Vector256.EqualsAll(finite, Vector256<T>.Zero))
        {
            ThrowNotFinite(spectrum);
        }

        ref T startRef = ref MemoryMarshal.GetReference(blockStart);
        ref T maxRef = ref MemoryMarshal.GetReference(blockMax);
        ref T firstXRef = ref MemoryMarshal.GetReference(blockFirstX);
        ref T lastXRef = ref MemoryMarshal.GetReference(blockLastX);
        qs = spectrum[0] > T.Zero ? spectrum[0] : T.PositiveInfinity;
        hull[0] = 0;
        vertexCount = 1;
        int a = 0;
        while (a < n - 1)
        {
            T xa = wavelengths[a];
            T ya = spectrum[a];
            Vector256<T> vxa = Vector256.Create(xa);
            Vector256<T> vya = Vector256.Create(ya);
            Vector256<T> va = Vector256.Create(T.CreateTruncating(a));

            // Per lane, the best candidate so far as (dx, dy, index); (0, -1) is slope -∞. A candidate j replaces the
            // lane's best b when dy_j·dx_b ≥ dy_b·dx_j: the very products, and so the very rounding, of the reference's
            // cross product for the triple (a, b, j). Ties keep the later (farther) point, so collinear points are dropped.
            Vector256<T> bestDx = Vector256<T>.Zero;
            Vector256<T> bestDy = Vector256.Create(-T.One);
            Vector256<T> bestJ = Vector256.Create(-T.One);

            // The window: the vector right after a (masked to j > a). It holds every candidate of the blocks that start at
            // or before a, so only blocks starting after a remain.
            {
                nuint s = Math.Min((nuint)(a + 1), last);
                Vector256<T> vy = Vector256.LoadUnsafe(ref ys, s);
                Vector256<T> dx = Vector256.LoadUnsafe(ref xs, s) - vxa;
                Vector256<T> dy = vy - vya;
                Vector256<T> j = Vector256.Create(T.CreateTruncating((int)s)) + lanes;
                Vector256<T> better = Vector256.GreaterThan(j, va) & Vector256.GreaterThanOrEqual(dy * bestDx, bestDy * dx);
                bestDx = Vector256.ConditionalSelect(better, dx, bestDx);
                bestDy = Vector256.ConditionalSelect(better, dy, bestDy);
                bestJ = Vector256.ConditionalSelect(better, j, bestJ);
            }

            int b;
            if (prune)
            {
                // Branch and bound over the blocks after a: the slope from a of any point of block k is at most
                // U_k = (max_k − y_a) / (x_edge − x_a), x_edge its first wavelength when the numerator is ≥ 0 and its last
                // otherwise. Scan the block of largest U_k, take the winner b, then scan only the blocks whose U_k is not
                // below b's slope by more than the rounding margin (none, usually).
                int k0 = ((a + 1) / width) & ~(width - 1);
                T bestBound = T.NegativeInfinity;
                int bestBlock = -1;
                for (int k = k0; k < padded; k += width)
                {
                    Vector256<T> bound = SlopeBound256(ref startRef, ref maxRef, ref firstXRef, ref lastXRef, k, va, vxa, vya, negativeInfinity);
                    T max = MaxElement(bound);
                    if (max > bestBound)
                    {
                        bestBound = max;
                        bestBlock = k + BitOperations.TrailingZeroCount(Vector256.Equals(bound, Vector256.Create(max)).ExtractMostSignificantBits());
                    }
                }

                if (bestBlock >= 0)
                {
                    Scan256(ref xs, ref ys, (nuint)int.CreateTruncating(blockStart[bestBlock]), lanes, vxa, vya, ref bestDx, ref bestDy, ref bestJ);
                }

                b = Winner256(bestDx, bestDy, bestJ, out T slope);
                if (bestBlock >= 0)
                {
                    // A non-finite slope (overflow) bounds nothing: then every block after a is scanned.
                    bool bounded = T.IsFinite(slope);
                    Vector256<T> vslope = Vector256.Create(bounded ? slope : T.Zero);

                    // U_k and the slope carry relative rounding errors of a few units each (and the reference's cross
                    // product a few more), all relative to values near the slope where it matters: 32 units of margin.
                    Vector256<T> threshold = vslope - (Vector256.Abs(vslope) * (margin + margin));
                    bool scanned = false;
                    for (int k = k0; k < padded; k += width)
                    {
                        Vector256<T> bound = SlopeBound256(ref startRef, ref maxRef, ref firstXRef, ref lastXRef, k, va, vxa, vya, negativeInfinity);
                        uint alive = bounded
                            ? (uint)Vector256.GreaterThanOrEqual(bound, threshold).ExtractMostSignificantBits()
                            : (uint)Vector256.GreaterThan(Vector256.LoadUnsafe(ref startRef, (nuint)k), va).ExtractMostSignificantBits();
                        if (k <= bestBlock && bestBlock < k + width)
                        {
                            alive &= ~(1u << (bestBlock - k));
                        }

                        while (alive != 0)
                        {
                            int block = k + BitOperations.TrailingZeroCount(alive);
                            alive &= alive - 1;
                            Scan256(ref xs, ref ys, (nuint)int.CreateTruncating(blockStart[block]), lanes, vxa, vya, ref bestDx, ref bestDy, ref bestJ);
                            scanned = true;
                        }
                    }

                    if (scanned)
                    {
                        b = Winner256(bestDx, bestDy, bestJ, out _);
                    }
                }
            }
            else
            {
                for (int p = a + 1 + width; p < n; p += width)
                {
                    Scan256(ref xs, ref ys, Math.Min((nuint)p, last), lanes, vxa, vya, ref bestDx, ref bestDy, ref bestJ);
                }

                b = Reduce256(bestDx, bestDy, bestJ);
            }

            Debug.Assert(b > a && b < n);

            // Continuum on (a, b): slope · (x - x_a) + y_a exactly as the reference, +∞ where it is ≤ 0. Whole vectors
            // may run past b: those lanes are rewritten by vertex b and the later segments. Only a vector clamped to the
            // end of the spectrum is masked, so it keeps the finished values before a + 1.
            T yb = spectrum[b];
            Vector256<T> segmentSlope = Vector256.Create((yb - ya) / (wavelengths[b] - xa));
            for (int p = a + 1; p < b; p += width)
            {
                nuint s = Math.Min((nuint)p, last);
                Vector256<T> continuum = (segmentSlope * (Vector256.LoadUnsafe(ref xs, s) - vxa)) + vya;
                continuum = Vector256.ConditionalSelect(Vector256.GreaterThan(continuum, Vector256<T>.Zero), continuum, infinity);
                if (s != (nuint)p)
                {
                    Vector256<T> inside = Vector256.GreaterThanOrEqual(Vector256.Create(T.CreateTruncating((int)s)) + lanes, Vector256.Create(T.CreateTruncating(p)));
                    continuum = Vector256.ConditionalSelect(inside, continuum, Vector256.LoadUnsafe(ref qs, s));
                }

                continuum.StoreUnsafe(ref qs, s);
            }

            quotient[b] = yb > T.Zero ? yb : T.PositiveInfinity;
            hull[vertexCount++] = b;
            a = b;
        }

        // quotient = spectrum / continuum (+∞ where the continuum is ≤ 0, giving ±0), counting those bands. The last,
        // overlapping vector is divided before the in-place pass over the whole vectors reaches its lanes.
        int whole = n - (n % width);
        int nonPositive = 0;
        Vector256<T> tail = default;
        if (whole < n)
        {
            Vector256<T> continuum = Vector256.LoadUnsafe(ref qs, last);
            Vector256<T> fresh = Vector256.GreaterThanOrEqual(Vector256.Create(T.CreateTruncating((int)last)) + lanes, Vector256.Create(T.CreateTruncating(whole)));
            nonPositive += BitOperations.PopCount((Vector256.Equals(continuum, infinity) & fresh).ExtractMostSignificantBits());
            tail = Vector256.LoadUnsafe(ref ys, last) / continuum;
        }

        for (nuint s = 0; s < (nuint)whole; s += (nuint)width)
        {
            Vector256<T> continuum = Vector256.LoadUnsafe(ref qs, s);
            nonPositive += BitOperations.PopCount(Vector256.Equals(continuum, infinity).ExtractMostSignificantBits());
            (Vector256.LoadUnsafe(ref ys, s) / continuum).StoreUnsafe(ref qs, s);
        }

        if (whole < n)
        {
            tail.StoreUnsafe(ref qs, last);
        }

        return nonPositive;
    }

    /// <summary>Upper bounds of the slope from a over blocks k .. k + V − 1; −∞ for blocks not starting after a (or padding).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<T> SlopeBound256<T>(ref T start, ref T max, ref T firstX, ref T lastX, int k, Vector256<T> va, Vector256<T> vxa, Vector256<T> vya, Vector256<T> negativeInfinity)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        Vector256<T> rise = Vector256.LoadUnsafe(ref max, (nuint)k) - vya;
        Vector256<T> rising = Vector256.GreaterThanOrEqual(rise, Vector256<T>.Zero);
        Vector256<T> run = Vector256.ConditionalSelect(rising, Vector256.LoadUnsafe(ref firstX, (nuint)k), Vector256.LoadUnsafe(ref lastX, (nuint)k)) - vxa;
        Vector256<T> after = Vector256.GreaterThan(Vector256.LoadUnsafe(ref start, (nuint)k), va);
        return Vector256.ConditionalSelect(after, rise / run, negativeInfinity);
    }

    /// <summary>
    /// Merges the vector at <paramref name="s"/> (all lanes after a) into the lane bests. Blocks are scanned out of index
    /// order, so an equal product goes to the larger index explicitly (the farthest of collinear points wins).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Scan256<T>(ref T xs, ref T ys, nuint s, Vector256<T> lanes, Vector256<T> vxa, Vector256<T> vya, ref Vector256<T> bestDx, ref Vector256<T> bestDy, ref Vector256<T> bestJ)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        Vector256<T> dx = Vector256.LoadUnsafe(ref xs, s) - vxa;
        Vector256<T> dy = Vector256.LoadUnsafe(ref ys, s) - vya;
        Vector256<T> j = Vector256.Create(T.CreateTruncating((int)s)) + lanes;
        Vector256<T> l = dy * bestDx;
        Vector256<T> r = bestDy * dx;
        Vector256<T> better = Vector256.GreaterThan(l, r) | (Vector256.Equals(l, r) & Vector256.GreaterThan(j, bestJ));
        bestDx = Vector256.ConditionalSelect(better, dx, bestDx);
        bestDy = Vector256.ConditionalSelect(better, dy, bestDy);
        bestJ = Vector256.ConditionalSelect(better, j, bestJ);
    }

    /// <summary>
    /// The next hull vertex from the lane bests of Vector128: the lane of largest slope dy/dx wins unless others are within a
    /// few rounding units of it, in which case those few are compared exactly (<see cref="Beats{T}"/>, in lane order). The
    /// winner of the exact comparison is always within that margin, so the result is the exact reduction's
    /// (<see cref="Reduce128{T}"/>, which non-finite slopes fall back to).
    /// </summary>
    /// <returns>The winning index; <paramref name="slope"/> receives its slope dy/dx.</returns>
    private static int Winner128<T>(Vector128<T> dx, Vector128<T> dy, Vector128<T> j, out T slope)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        Vector128<T> slopes = dy / dx; // -∞ in lanes without a candidate (dy = -1, dx = 0)
        T max = MaxElement(slopes);
        uint candidates = (uint)Vector128.GreaterThanOrEqual(slopes, Vector128.Create(max - (T.Abs(max) * RoundingMargin<T>()))).ExtractMostSignificantBits();
        if (!T.IsFinite(max) || candidates == 0)
        {
            int b = Reduce128(dx, dy, j);
            uint at = (uint)Vector128.Equals(j, Vector128.Create(T.CreateTruncating(b))).ExtractMostSignificantBits();
            int winner = BitOperations.TrailingZeroCount(at | (1u << (Vector128<T>.Count - 1)));
            slope = dy.GetElement(winner) / dx.GetElement(winner);
            return b;
        }

        int lane = BitOperations.TrailingZeroCount(candidates);
        candidates &= candidates - 1;
        T bestDx = dx.GetElement(lane), bestDy = dy.GetElement(lane), bestJ = j.GetElement(lane);
        while (candidates != 0)
        {
            lane = BitOperations.TrailingZeroCount(candidates);
            candidates &= candidates - 1;
            T cdx = dx.GetElement(lane), cdy = dy.GetElement(lane), cj = j.GetElement(lane);
            if (Beats(bestDx, bestDy, bestJ, cdx, cdy, cj))
            {
                bestDx = cdx;
                bestDy = cdy;
                bestJ = cj;
            }
        }

        slope = bestDy / bestDx;
        return int.CreateTruncating(bestJ);
    }

    /// <summary>Gift-wrap hull quotient with Vector128 (validated input, at least Vector128&lt;T&gt;.Count samples).</summary>
    private static int Apply128<T>(ReadOnlySpan<T> wavelengths, ReadOnlySpan<T> spectrum, Span<T> quotient, Span<int> hull, out int vertexCount)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        int n = spectrum.Length;
        int width = Vector128<T>.Count;
        Debug.Assert(n >= width && quotient.Length == n && hull.Length >= n);
        ref T xs = ref MemoryMarshal.GetReference(wavelengths);
        ref T ys = ref MemoryMarshal.GetReference(spectrum);
        ref T qs = ref MemoryMarshal.GetReference(quotient);
        Vector128<T> lanes = Vector128<T>.Indices;
        Vector128<T> infinity = Vector128.Create(T.PositiveInfinity);
        Vector128<T> negativeInfinity = Vector128.Create(T.NegativeInfinity);
        Vector128<T> margin = Vector128.Create(RoundingMargin<T>());
        nuint last = (nuint)(n - width);

        // Block k is the vector at s_k = min(k·V, n − V). One pass over all of them checks finiteness (the accumulated
        // y − y is 0 for finite y, NaN otherwise) before anything is derived from the values, and records per block its
        // start s_k, its maximum and its first and last wavelength, in vectors of V blocks (padding: start −1, invalid).
        int blocks = (n + width - 1) / width;
        bool prune = blocks <= MaxPrunedBlocks;
        int padded = prune ? (blocks + width - 1) / width * width : 0;
        Span<T> bounds = prune ? stackalloc T[4 * padded] : default;
        Span<T> blockStart = bounds[..padded];
        Span<T> blockMax = bounds.Slice(padded, padded);
        Span<T> blockFirstX = bounds.Slice(2 * padded, padded);
        Span<T> blockLastX = bounds.Slice(3 * padded, padded);
        if (prune)
        {
            blockStart[blocks..].Fill(-T.One);
        }

        Vector128<T> finite = Vector128<T>.Zero;
        for (int k = 0; k < blocks; k++)
        {
            nuint s = Math.Min((nuint)(k * width), last);
            Vector128<T> vy = Vector128.LoadUnsafe(ref ys, s);
            finite += vy - vy;
            if (prune)
            {
                blockStart[k] = T.CreateTruncating((int)s);
                blockMax[k] = MaxElement(vy);
                blockFirstX[k] = Unsafe.Add(ref xs, s);
                blockLastX[k] = Unsafe.Add(ref xs, s + (nuint)width - 1);
            }
        }

        if (!Vector128.EqualsAll(finite, Vector128<T>.Zero))
        {
            ThrowNotFinite(spectrum);
        }

        ref T startRef = ref MemoryMarshal.GetReference(blockStart);
        ref T maxRef = ref MemoryMarshal.GetReference(blockMax);
        ref T firstXRef = ref MemoryMarshal.GetReference(blockFirstX);
        ref T lastXRef = ref MemoryMarshal.GetReference(blockLastX);
        qs = spectrum[0] > T.Zero ? spectrum[0] : T.PositiveInfinity;
        hull[0] = 0;
        vertexCount = 1;
        int a = 0;
        while (a < n - 1)
        {
            T xa = wavelengths[a];
            T ya = spectrum[a];
            Vector128<T> vxa = Vector128.Create(xa);
            Vector128<T> vya = Vector128.Create(ya);
            Vector128<T> va = Vector128.Create(T.CreateTruncating(a));

            // Per lane, the best candidate so far as (dx, dy, index); (0, -1) is slope -∞. A candidate j replaces the
            // lane's best b when dy_j·dx_b ≥ dy_b·dx_j: the very products, and so the very rounding, of the reference's
            // cross product for the triple (a, b, j). Ties keep the later (farther) point, so collinear points are dropped.
            Vector128<T> bestDx = Vector128<T>.Zero;
            Vector128<T> bestDy = Vector128.Create(-T.One);
            Vector128<T> bestJ = Vector128.Create(-T.One);

            // The window: the vector right after a (masked to j > a). It holds every candidate of the blocks that start at
            // or before a, so only blocks starting after a remain.
            {
                nuint s = Math.Min((nuint)(a + 1), last);
                Vector128<T> vy = Vector128.LoadUnsafe(ref ys, s);
                Vector128<T> dx = Vector128.LoadUnsafe(ref xs, s) - vxa;
                Vector128<T> dy = vy - vya;
                Vector128<T> j = Vector128.Create(T.CreateTruncating((int)s)) + lanes;
                Vector128<T> better = Vector128.GreaterThan(j, va) & Vector128.GreaterThanOrEqual(dy * bestDx, bestDy * dx);
                bestDx = Vector128.ConditionalSelect(better, dx, bestDx);
                bestDy = Vector128.ConditionalSelect(better, dy, bestDy);
                bestJ = Vector128.ConditionalSelect(better, j, bestJ);
            }

            int b;
            if (prune)
            {
                // Branch and bound over the blocks after a: the slope from a of any point of block k is at most
                // U_k = (max_k − y_a) / (x_edge − x_a), x_edge its first wavelength when the numerator is ≥ 0 and its last
                // otherwise. Scan the block of largest U_k, take the winner b, then scan only the blocks whose U_k is not
                // below b's slope by more than the rounding margin (none, usually).
                int k0 = ((a + 1) / width) & ~(width - 1);
                T bestBound = T.NegativeInfinity;
                int bestBlock = -1;
                for (int k = k0; k < padded; k += width)
                {
                    Vector128<T> bound = SlopeBound128(ref startRef, ref maxRef, ref firstXRef, ref lastXRef, k, va, vxa, vya, negativeInfinity);
                    T max = MaxElement(bound);
                    if (max > bestBound)
                    {
                        bestBound = max;
                        bestBlock = k + BitOperations.TrailingZeroCount(Vector128.Equals(bound, Vector128.Create(max)).ExtractMostSignificantBits());
                    }
                }

                if (bestBlock >= 0)
                {
                    Scan128(ref xs, ref ys, (nuint)int.CreateTruncating(blockStart[bestBlock]), lanes, vxa, vya, ref bestDx, ref bestDy, ref bestJ);
                }

                b = Winner128(bestDx, bestDy, bestJ, out T slope);
                if (bestBlock >= 0)
                {
                    // A non-finite slope (overflow) bounds nothing: then every block after a is scanned.
                    bool bounded = T.IsFinite(slope);
                    Vector128<T> vslope = Vector128.Create(bounded ? slope : T.Zero);

                    // U_k and the slope carry relative rounding errors of a few units each (and the reference's cross
                    // product a few more), all relative to values near the slope where it matters: 32 units of margin.
                    Vector128<T> threshold = vslope - (Vector128.Abs(vslope) * (margin + margin));
                    bool scanned = false;
                    for (int k = k0; k < padded; k += width)
                    {
                        Vector128<T> bound = SlopeBound128(ref startRef, ref maxRef, ref firstXRef, ref lastXRef, k, va, vxa, vya, negativeInfinity);
                        uint alive = bounded
                            ? (uint)Vector128.GreaterThanOrEqual(bound, threshold).ExtractMostSignificantBits()
                            : (uint)Vector128.GreaterThan(Vector128.LoadUnsafe(ref startRef, (nuint)k), va).ExtractMostSignificantBits();
                        if (k <= bestBlock && bestBlock < k + width)
                        {
                            alive &= ~(1u << (bestBlock - k));
                        }

                        while (alive != 0)
                        {
                            int block = k + BitOperations.TrailingZeroCount(alive);
                            alive &= alive - 1;
                            Scan128(ref xs, ref ys, (nuint)int.CreateTruncating(blockStart[block]), lanes, vxa, vya, ref bestDx, ref bestDy, ref bestJ);
                            scanned = true;
                        }
                    }

                    if (scanned)
                    {
                        b = Winner128(bestDx, bestDy, bestJ, out _);
                    }
                }
            }
            else
            {
                for (int p = a + 1 + width; p < n; p += width)
                {
                    Scan128(ref xs, ref ys, Math.Min((nuint)p, last), lanes, vxa, vya, ref bestDx, ref bestDy, ref bestJ);
                }

                b = Reduce128(bestDx, bestDy, bestJ);
            }

            Debug.Assert(b > a && b < n);

            // Continuum on (a, b): slope · (x - x_a) + y_a exactly as the reference, +∞ where it is ≤ 0. Whole vectors
            // may run past b: those lanes are rewritten by vertex b and the later segments. Only a vector clamped to the
            // end of the spectrum is masked, so it keeps the finished values before a + 1.
            T yb = spectrum[b];
            Vector128<T> segmentSlope = Vector128.Create((yb - ya) / (wavelengths[b] - xa));
            for (int p = a + 1; p < b; p += width)
            {
                nuint s = Math.Min((nuint)p, last);
                Vector128<T> continuum = (segmentSlope * (Vector128.LoadUnsafe(ref xs, s) - vxa)) + vya;
                continuum = Vector128.ConditionalSelect(Vector128.GreaterThan(continuum, Vector128<T>.Zero), continuum, infinity);
                if (s != (nuint)p)
                {
                    Vector128<T> inside = Vector128.GreaterThanOrEqual(Vector128.Create(T.CreateTruncating((int)s)) + lanes, Vector128.Create(T.CreateTruncating(p)));
                    continuum = Vector128.ConditionalSelect(inside, continuum, Vector128.LoadUnsafe(ref qs, s));
                }

                continuum.StoreUnsafe(ref qs, s);
            }

            quotient[b] = yb > T.Zero ? yb : T.PositiveInfinity;
            hull[vertexCount++] = b;
            a = b;
        }

        // quotient = spectrum / continuum (+∞ where the continuum is ≤ 0, giving ±0), counting those bands. The last,
        // overlapping vector is divided before the in-place pass over the whole vectors reaches its lanes.
        int whole = n - (n % width);
        int nonPositive = 0;
        Vector128<T> tail = default;
        if (whole < n)
        {
            Vector128<T> continuum = Vector128.LoadUnsafe(ref qs, last);
            Vector128<T> fresh = Vector128.GreaterThanOrEqual(Vector128.Create(T.CreateTruncating((int)last)) + lanes, Vector128.Create(T.CreateTruncating(whole)));
            nonPositive += BitOperations.PopCount((Vector128.Equals(continuum, infinity) & fresh).ExtractMostSignificantBits());
            tail = Vector128.LoadUnsafe(ref ys, last) / continuum;
        }

        for (nuint s = 0; s < (nuint)whole; s += (nuint)width)
        {
            Vector128<T> continuum = Vector128.LoadUnsafe(ref qs, s);
            nonPositive += BitOperations.PopCount(Vector128.Equals(continuum, infinity).ExtractMostSignificantBits());
            (Vector128.LoadUnsafe(ref ys, s) / continuum).StoreUnsafe(ref qs, s);
        }

        if (whole < n)
        {
            tail.StoreUnsafe(ref qs, last);
        }

        return nonPositive;
    }

    /// <summary>Upper bounds of the slope from a over blocks k .. k + V − 1; −∞ for blocks not starting after a (or padding).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<T> SlopeBound128<T>(ref T start, ref T max, ref T firstX, ref T lastX, int k, Vector128<T> va, Vector128<T> vxa, Vector128<T> vya, Vector128<T> negativeInfinity)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        Vector128<T> rise = Vector128.LoadUnsafe(ref max, (nuint)k) - vya;
        Vector128<T> rising = Vector128.GreaterThanOrEqual(rise, Vector128<T>.Zero);
        Vector128<T> run = Vector128.ConditionalSelect(rising, Vector128.LoadUnsafe(ref firstX, (nuint)k), Vector128.LoadUnsafe(ref lastX, (nuint)k)) - vxa;
        Vector128<T> after = Vector128.GreaterThan(Vector128.LoadUnsafe(ref start, (nuint)k), va);
        return Vector128.ConditionalSelect(after, rise / run, negativeInfinity);
    }

    /// <summary>
    /// Merges the vector at <paramref name="s"/> (all lanes after a) into the lane bests. Blocks are scanned out of index
    /// order, so an equal product goes to the larger index explicitly (the farthest of collinear points wins).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Scan128<T>(ref T xs, ref T ys, nuint s, Vector128<T> lanes, Vector128<T> vxa, Vector128<T> vya, ref Vector128<T> bestDx, ref Vector128<T> bestDy, ref Vector128<T> bestJ)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        Vector128<T> dx = Vector128.LoadUnsafe(ref xs, s) - vxa;
        Vector128<T> dy = Vector128.LoadUnsafe(ref ys, s) - vya;
        Vector128<T> j = Vector128.Create(T.CreateTruncating((int)s)) + lanes;
        Vector128<T> l = dy * bestDx;
        Vector128<T> r = bestDy * dx;
        Vector128<T> better = Vector128.GreaterThan(l, r) | (Vector128.Equals(l, r) & Vector128.GreaterThan(j, bestJ));
        bestDx = Vector128.ConditionalSelect(better, dx, bestDx);
        bestDy = Vector128.ConditionalSelect(better, dy, bestDy);
        bestJ = Vector128.ConditionalSelect(better, j, bestJ);
    }
}
