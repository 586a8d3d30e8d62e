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
/// The fast path: gift wrapping with a SIMD scan, and the continuum division fused into it. From hull vertex a, the next
/// vertex is the sample of maximum slope from a (the farthest one on a tie), found by one vector scan over the samples
/// after a with division-free comparisons (the reference's cross products); the segment (a, b) is then interpolated and
/// divided with vectors. O(n · h) for h hull vertices, but branch-free (the monotone chain is limited by mispredicted
/// branches), and about 15 vertices on smoothed SWIR spectra.
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
    /// reference. The spectrum's finiteness is checked first, for every path: a non-finite value throws before anything
    /// derived from it is written.
    /// </summary>
    /// <returns>The number of bands whose continuum is ≤ 0.</returns>
    internal static int ApplyFast<T>(ReadOnlySpan<T> wavelengths, ReadOnlySpan<T> spectrum, Span<T> quotient, Span<int> hull, out int vertexCount)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        // One pass before any path (the scans then need no check of their own): nothing is written from a bad value.
        ThrowIfNotFiniteVector(spectrum);
        int n = spectrum.Length;
        if (n <= MaxExactSingleIndex && Vector128.IsHardwareAccelerated && Vector128<T>.IsSupported && n >= Vector128<T>.Count)
        {
            if (Vector512.IsHardwareAccelerated && Vector512<T>.IsSupported && n >= Vector512<T>.Count)
            {
                return Apply512(wavelengths, spectrum, quotient, hull, out vertexCount);
            }

            if (Vector256.IsHardwareAccelerated && Vector256<T>.IsSupported && n >= Vector256<T>.Count)
            {
                return Apply256(wavelengths, spectrum, quotient, hull, out vertexCount);
            }

            return Apply128(wavelengths, spectrum, quotient, hull, out vertexCount);
        }

        vertexCount = FindHullScalar(wavelengths, spectrum, hull);
        int nonPositive = InterpolateScalar(wavelengths, spectrum, hull[..vertexCount], quotient, markNonPositive: true);
        for (int i = 0; i < n; i++)
        {
            quotient[i] = spectrum[i] / quotient[i];
        }

        return nonPositive;
    }

    /// <summary>Writes the quotient at a hull vertex (the continuum is the value itself) and returns 1 if it is ≤ 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int WriteVertex<T>(ReadOnlySpan<T> spectrum, Span<T> quotient, int i)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        T y = spectrum[i];
        bool positive = y > T.Zero;
        quotient[i] = y / (positive ? y : T.PositiveInfinity);
        return positive ? 0 : 1;
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

    /// <summary>Merges lane set B into lane set A (per lane, the better of the two by <see cref="Beats{T}"/>'s rule).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Combine512<T>(ref Vector512<T> dxA, ref Vector512<T> dyA, ref Vector512<T> jA, Vector512<T> dxB, Vector512<T> dyB, Vector512<T> jB)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        Vector512<T> l = dyB * dxA;
        Vector512<T> r = dyA * dxB;
        Vector512<T> takeB = Vector512.GreaterThan(l, r) | (Vector512.Equals(l, r) & Vector512.GreaterThan(jB, jA));
        dxA = Vector512.ConditionalSelect(takeB, dxB, dxA);
        dyA = Vector512.ConditionalSelect(takeB, dyB, dyA);
        jA = Vector512.ConditionalSelect(takeB, jB, jA);
    }

    /// <summary>Merges lane set B into lane set A (per lane, the better of the two by <see cref="Beats{T}"/>'s rule).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Combine256<T>(ref Vector256<T> dxA, ref Vector256<T> dyA, ref Vector256<T> jA, Vector256<T> dxB, Vector256<T> dyB, Vector256<T> jB)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        Vector256<T> l = dyB * dxA;
        Vector256<T> r = dyA * dxB;
        Vector256<T> takeB = Vector256.GreaterThan(l, r) | (Vector256.Equals(l, r) & Vector256.GreaterThan(jB, jA));
        dxA = Vector256.ConditionalSelect(takeB, dxB, dxA);
        dyA = Vector256.ConditionalSelect(takeB, dyB, dyA);
        jA = Vector256.ConditionalSelect(takeB, jB, jA);
    }

    /// <summary>Merges lane set B into lane set A (per lane, the better of the two by <see cref="Beats{T}"/>'s rule).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Combine128<T>(ref Vector128<T> dxA, ref Vector128<T> dyA, ref Vector128<T> jA, Vector128<T> dxB, Vector128<T> dyB, Vector128<T> jB)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        Vector128<T> l = dyB * dxA;
        Vector128<T> r = dyA * dxB;
        Vector128<T> takeB = Vector128.GreaterThan(l, r) | (Vector128.Equals(l, r) & Vector128.GreaterThan(jB, jA));
        dxA = Vector128.ConditionalSelect(takeB, dxB, dxA);
        dyA = Vector128.ConditionalSelect(takeB, dyB, dyA);
        jA = Vector128.ConditionalSelect(takeB, jB, jA);
    }

    /// <summary>Throws (naming the first bad element) unless every value is finite; one pass, <see cref="Vector{T}"/> wide.</summary>
    private static void ThrowIfNotFiniteVector<T>(ReadOnlySpan<T> spectrum)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        int width = Vector<T>.Count;
        if (!Vector.IsHardwareAccelerated || spectrum.Length < width)
        {
            foreach (T y in spectrum)
            {
                if (!T.IsFinite(y))
                {
                    ThrowNotFinite(spectrum);
                }
            }

            return;
        }

        // y - y is 0 for finite y and NaN for NaN or ±∞; two accumulators, and an overlapping last vector for the tail.
        ref T ys = ref MemoryMarshal.GetReference(spectrum);
        Vector<T> sum = Vector<T>.Zero, sum2 = Vector<T>.Zero;
        int i = 0;
        for (; i + (2 * width) <= spectrum.Length; i += 2 * width)
        {
            Vector<T> y = Vector.LoadUnsafe(ref ys, (nuint)i);
            Vector<T> y2 = Vector.LoadUnsafe(ref ys, (nuint)(i + width));
            sum += y - y;
            sum2 += y2 - y2;
        }

        Vector<T> middle = Vector.LoadUnsafe(ref ys, (nuint)Math.Min(i, spectrum.Length - width));
        Vector<T> tail = Vector.LoadUnsafe(ref ys, (nuint)(spectrum.Length - width));
        sum += (middle - middle) + (tail - tail) + sum2;
        if (!Vector.EqualsAll(sum, Vector<T>.Zero))
        {
            ThrowNotFinite(spectrum);
        }
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
        nuint last = (nuint)(n - width);
        int nonPositive = WriteVertex(spectrum, quotient, 0);
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
            int p = a + 1;

            // Two independent lane sets while two whole vectors fit, so the compare/select chains overlap.
            if (p + (2 * width) <= n)
            {
                Vector512<T> bestDx2 = bestDx, bestDy2 = bestDy, bestJ2 = bestJ;
                Vector512<T> j = Vector512.Create(T.CreateTruncating(p)) + lanes;
                Vector512<T> second = Vector512.Create(T.CreateTruncating(width));
                Vector512<T> step = Vector512.Create(T.CreateTruncating(2 * width));
                do
                {
                    nuint s = (nuint)p;
                    Vector512<T> vy = Vector512.LoadUnsafe(ref ys, s);
                    Vector512<T> vy2 = Vector512.LoadUnsafe(ref ys, s + (nuint)width);
                    Vector512<T> dx = Vector512.LoadUnsafe(ref xs, s) - vxa;
                    Vector512<T> dx2 = Vector512.LoadUnsafe(ref xs, s + (nuint)width) - vxa;
                    Vector512<T> dy = vy - vya;
                    Vector512<T> dy2 = vy2 - vya;
                    Vector512<T> j2 = j + second;
                    Vector512<T> better = Vector512.GreaterThanOrEqual(dy * bestDx, bestDy * dx);
                    Vector512<T> better2 = Vector512.GreaterThanOrEqual(dy2 * bestDx2, bestDy2 * dx2);
                    bestDx = Vector512.ConditionalSelect(better, dx, bestDx);
                    bestDy = Vector512.ConditionalSelect(better, dy, bestDy);
                    bestJ = Vector512.ConditionalSelect(better, j, bestJ);
                    bestDx2 = Vector512.ConditionalSelect(better2, dx2, bestDx2);
                    bestDy2 = Vector512.ConditionalSelect(better2, dy2, bestDy2);
                    bestJ2 = Vector512.ConditionalSelect(better2, j2, bestJ2);
                    j += step;
                    p += 2 * width;
                }
                while (p + (2 * width) <= n);

                Combine512(ref bestDx, ref bestDy, ref bestJ, bestDx2, bestDy2, bestJ2);
            }

            while (p < n)
            {
                nuint s = Math.Min((nuint)p, last);
                Vector512<T> vy = Vector512.LoadUnsafe(ref ys, s);
                Vector512<T> dx = Vector512.LoadUnsafe(ref xs, s) - vxa;
                Vector512<T> dy = vy - vya;
                Vector512<T> j = Vector512.Create(T.CreateTruncating(s)) + lanes;
                Vector512<T> better = Vector512.GreaterThan(j, va) & Vector512.GreaterThanOrEqual(dy * bestDx, bestDy * dx);
                bestDx = Vector512.ConditionalSelect(better, dx, bestDx);
                bestDy = Vector512.ConditionalSelect(better, dy, bestDy);
                bestJ = Vector512.ConditionalSelect(better, j, bestJ);
                p += width;
            }

            int b = Reduce512(bestDx, bestDy, bestJ);
            Debug.Assert(b > a && b < n);

            // Continuum on (a, b): slope · (x - x_a) + y_a exactly as the reference, then the division; lanes outside
            // (a, b) keep what the destination holds (earlier segments, or later ones that are rewritten anyway).
            T yb = spectrum[b];
            Vector512<T> slope = Vector512.Create((yb - ya) / (wavelengths[b] - xa));
            Vector512<T> vb = Vector512.Create(T.CreateTruncating(b));
            for (p = a + 1; p < b; p += width)
            {
                nuint s = Math.Min((nuint)p, last);
                Vector512<T> j = Vector512.Create(T.CreateTruncating(s)) + lanes;
                Vector512<T> inside = Vector512.GreaterThanOrEqual(j, Vector512.Create(T.CreateTruncating(p))) & Vector512.LessThan(j, vb);
                Vector512<T> continuum = (slope * (Vector512.LoadUnsafe(ref xs, s) - vxa)) + vya;
                Vector512<T> positive = Vector512.GreaterThan(continuum, Vector512<T>.Zero);
                nonPositive += BitOperations.PopCount(Vector512.AndNot(inside, positive).ExtractMostSignificantBits());
                Vector512<T> q = Vector512.LoadUnsafe(ref ys, s) / Vector512.ConditionalSelect(positive, continuum, infinity);
                Vector512.ConditionalSelect(inside, q, Vector512.LoadUnsafe(ref qs, s)).StoreUnsafe(ref qs, s);
            }

            nonPositive += WriteVertex(spectrum, quotient, b);
            hull[vertexCount++] = b;

            a = b;
        }

        return nonPositive;
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
        nuint last = (nuint)(n - width);
        int nonPositive = WriteVertex(spectrum, quotient, 0);
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
            int p = a + 1;

            // Two independent lane sets while two whole vectors fit, so the compare/select chains overlap.
            if (p + (2 * width) <= n)
            {
                Vector256<T> bestDx2 = bestDx, bestDy2 = bestDy, bestJ2 = bestJ;
                Vector256<T> j = Vector256.Create(T.CreateTruncating(p)) + lanes;
                Vector256<T> second = Vector256.Create(T.CreateTruncating(width));
                Vector256<T> step = Vector256.Create(T.CreateTruncating(2 * width));
                do
                {
                    nuint s = (nuint)p;
                    Vector256<T> vy = Vector256.LoadUnsafe(ref ys, s);
                    Vector256<T> vy2 = Vector256.LoadUnsafe(ref ys, s + (nuint)width);
                    Vector256<T> dx = Vector256.LoadUnsafe(ref xs, s) - vxa;
                    Vector256<T> dx2 = Vector256.LoadUnsafe(ref xs, s + (nuint)width) - vxa;
                    Vector256<T> dy = vy - vya;
                    Vector256<T> dy2 = vy2 - vya;
                    Vector256<T> j2 = j + second;
                    Vector256<T> better = Vector256.GreaterThanOrEqual(dy * bestDx, bestDy * dx);
                    Vector256<T> better2 = Vector256.GreaterThanOrEqual(dy2 * bestDx2, bestDy2 * dx2);
                    bestDx = Vector256.ConditionalSelect(better, dx, bestDx);
                    bestDy = Vector256.ConditionalSelect(better, dy, bestDy);
                    bestJ = Vector256.ConditionalSelect(better, j, bestJ);
                    bestDx2 = Vector256.ConditionalSelect(better2, dx2, bestDx2);
                    bestDy2 = Vector256.ConditionalSelect(better2, dy2, bestDy2);
                    bestJ2 = Vector256.ConditionalSelect(better2, j2, bestJ2);
                    j += step;
                    p += 2 * width;
                }
                while (p + (2 * width) <= n);

                Combine256(ref bestDx, ref bestDy, ref bestJ, bestDx2, bestDy2, bestJ2);
            }

            while (p < n)
            {
                nuint s = Math.Min((nuint)p, last);
                Vector256<T> vy = Vector256.LoadUnsafe(ref ys, s);
                Vector256<T> dx = Vector256.LoadUnsafe(ref xs, s) - vxa;
                Vector256<T> dy = vy - vya;
                Vector256<T> j = Vector256.Create(T.CreateTruncating(s)) + lanes;
                Vector256<T> better = Vector256.GreaterThan(j, va) & Vector256.GreaterThanOrEqual(dy * bestDx, bestDy * dx);
                bestDx = Vector256.ConditionalSelect(better, dx, bestDx);
                bestDy = Vector256.ConditionalSelect(better, dy, bestDy);
                bestJ = Vector256.ConditionalSelect(better, j, bestJ);
                p += width;
            }

            int b = Reduce256(bestDx, bestDy, bestJ);
            Debug.Assert(b > a && b < n);

            // Continuum on (a, b): slope · (x - x_a) + y_a exactly as the reference, then the division; lanes outside
            // (a, b) keep what the destination holds (earlier segments, or later ones that are rewritten anyway).
            T yb = spectrum[b];
            Vector256<T> slope = Vector256.Create((yb - ya) / (wavelengths[b] - xa));
            Vector256<T> vb = Vector256.Create(T.CreateTruncating(b));
            for (p = a + 1; p < b; p += width)
            {
                nuint s = Math.Min((nuint)p, last);
                Vector256<T> j = Vector256.Create(T.CreateTruncating(s)) + lanes;
                Vector256<T> inside = Vector256.GreaterThanOrEqual(j, Vector256.Create(T.CreateTruncating(p))) & Vector256.LessThan(j, vb);
                Vector256<T> continuum = (slope * (Vector256.LoadUnsafe(ref xs, s) - vxa)) + vya;
                Vector256<T> positive = Vector256.GreaterThan(continuum, Vector256<T>.Zero);
                nonPositive += BitOperations.PopCount(Vector256.AndNot(inside, positive).ExtractMostSignificantBits());
                Vector256<T> q = Vector256.LoadUnsafe(ref ys, s) / Vector256.ConditionalSelect(positive, continuum, infinity);
                Vector256.ConditionalSelect(inside, q, Vector256.LoadUnsafe(ref qs, s)).StoreUnsafe(ref qs, s);
            }

            nonPositive += WriteVertex(spectrum, quotient, b);
            hull[vertexCount++] = b;

            a = b;
        }

        return nonPositive;
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
        nuint last = (nuint)(n - width);
        int nonPositive = WriteVertex(spectrum, quotient, 0);
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
            int p = a + 1;

            // Two independent lane sets while two whole vectors fit, so the compare/select chains overlap.
            if (p + (2 * width) <= n)
            {
                Vector128<T> bestDx2 = bestDx, bestDy2 = bestDy, bestJ2 = bestJ;
                Vector128<T> j = Vector128.Create(T.CreateTruncating(p)) + lanes;
                Vector128<T> second = Vector128.Create(T.CreateTruncating(width));
                Vector128<T> step = Vector128.Create(T.CreateTruncating(2 * width));
                do
                {
                    nuint s = (nuint)p;
                    Vector128<T> vy = Vector128.LoadUnsafe(ref ys, s);
                    Vector128<T> vy2 = Vector128.LoadUnsafe(ref ys, s + (nuint)width);
                    Vector128<T> dx = Vector128.LoadUnsafe(ref xs, s) - vxa;
                    Vector128<T> dx2 = Vector128.LoadUnsafe(ref xs, s + (nuint)width) - vxa;
                    Vector128<T> dy = vy - vya;
                    Vector128<T> dy2 = vy2 - vya;
                    Vector128<T> j2 = j + second;
                    Vector128<T> better = Vector128.GreaterThanOrEqual(dy * bestDx, bestDy * dx);
                    Vector128<T> better2 = Vector128.GreaterThanOrEqual(dy2 * bestDx2, bestDy2 * dx2);
                    bestDx = Vector128.ConditionalSelect(better, dx, bestDx);
                    bestDy = Vector128.ConditionalSelect(better, dy, bestDy);
                    bestJ = Vector128.ConditionalSelect(better, j, bestJ);
                    bestDx2 = Vector128.ConditionalSelect(better2, dx2, bestDx2);
                    bestDy2 = Vector128.ConditionalSelect(better2, dy2, bestDy2);
                    bestJ2 = Vector128.ConditionalSelect(better2, j2, bestJ2);
                    j += step;
                    p += 2 * width;
                }
                while (p + (2 * width) <= n);

                Combine128(ref bestDx, ref bestDy, ref bestJ, bestDx2, bestDy2, bestJ2);
            }

            while (p < n)
            {
                nuint s = Math.Min((nuint)p, last);
                Vector128<T> vy = Vector128.LoadUnsafe(ref ys, s);
                Vector128<T> dx = Vector128.LoadUnsafe(ref xs, s) - vxa;
                Vector128<T> dy = vy - vya;
                Vector128<T> j = Vector128.Create(T.CreateTruncating(s)) + lanes;
                Vector128<T> better = Vector128.GreaterThan(j, va) & Vector128.GreaterThanOrEqual(dy * bestDx, bestDy * dx);
                bestDx = Vector128.ConditionalSelect(better, dx, bestDx);
                bestDy = Vector128.ConditionalSelect(better, dy, bestDy);
                bestJ = Vector128.ConditionalSelect(better, j, bestJ);
                p += width;
            }

            int b = Reduce128(bestDx, bestDy, bestJ);
            Debug.Assert(b > a && b < n);

            // Continuum on (a, b): slope · (x - x_a) + y_a exactly as the reference, then the division; lanes outside
            // (a, b) keep what the destination holds (earlier segments, or later ones that are rewritten anyway).
            T yb = spectrum[b];
            Vector128<T> slope = Vector128.Create((yb - ya) / (wavelengths[b] - xa));
            Vector128<T> vb = Vector128.Create(T.CreateTruncating(b));
            for (p = a + 1; p < b; p += width)
            {
                nuint s = Math.Min((nuint)p, last);
                Vector128<T> j = Vector128.Create(T.CreateTruncating(s)) + lanes;
                Vector128<T> inside = Vector128.GreaterThanOrEqual(j, Vector128.Create(T.CreateTruncating(p))) & Vector128.LessThan(j, vb);
                Vector128<T> continuum = (slope * (Vector128.LoadUnsafe(ref xs, s) - vxa)) + vya;
                Vector128<T> positive = Vector128.GreaterThan(continuum, Vector128<T>.Zero);
                nonPositive += BitOperations.PopCount(Vector128.AndNot(inside, positive).ExtractMostSignificantBits());
                Vector128<T> q = Vector128.LoadUnsafe(ref ys, s) / Vector128.ConditionalSelect(positive, continuum, infinity);
                Vector128.ConditionalSelect(inside, q, Vector128.LoadUnsafe(ref qs, s)).StoreUnsafe(ref qs, s);
            }

            nonPositive += WriteVertex(spectrum, quotient, b);
            hull[vertexCount++] = b;

            a = b;
        }

        return nonPositive;
    }
}
