using System.Numerics;

namespace SortLine.Spectra.Continuum;

/// <content>
/// The scalar reference: Andrew's monotone chain (upper chain, collinear points dropped) and the NumPy-<c>interp</c>
/// continuum. The fast path (<c>HullQuotient.Vector.cs</c>) is tested against these loops; they also serve lengths
/// shorter than one vector and hardware without SIMD.
/// </content>
public static partial class HullQuotient
{
    /// <summary>
    /// Monotone chain over validated input: pops the last vertex b (with a before it) while the new point i is on or above
    /// the line a→b, i.e. while <c>(x_b - x_a)(y_i - y_a) ≥ (y_b - y_a)(x_i - x_a)</c> (the cross product is ≥ 0).
    /// </summary>
    /// <returns>The number of vertices written to <paramref name="hull"/>.</returns>
    internal static int FindHullScalar<T>(ReadOnlySpan<T> wavelengths, ReadOnlySpan<T> spectrum, Span<int> hull)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        int n = spectrum.Length;
        int top = 0;
        for (int i = 0; i < n; i++)
        {
            T x = wavelengths[i];
            T y = spectrum[i];
            while (top >= 2)
            {
                int a = hull[top - 2];
                int b = hull[top - 1];
                T cross = ((wavelengths[b] - wavelengths[a]) * (y - spectrum[a])) - ((spectrum[b] - spectrum[a]) * (x - wavelengths[a]));
                if (cross < T.Zero)
                {
                    break;
                }

                top--;
            }

            hull[top++] = i;
        }

        return top;
    }

    /// <summary>The reference hull quotient over validated input (finite values, strictly increasing wavelengths).</summary>
    /// <returns>The number of bands whose continuum is ≤ 0 (written as ±0).</returns>
    internal static int ApplyScalar<T>(ReadOnlySpan<T> wavelengths, ReadOnlySpan<T> spectrum, Span<T> quotient, Span<int> hull)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        int vertices = FindHullScalar(wavelengths, spectrum, hull);
        int nonPositive = InterpolateScalar(wavelengths, spectrum, hull[..vertices], quotient, markNonPositive: true);
        for (int i = 0; i < spectrum.Length; i++)
        {
            // Bands without a continuum hold +∞, so the quotient there is ±0 (the sign of the value).
            quotient[i] = spectrum[i] / quotient[i];
        }

        return nonPositive;
    }

    /// <summary>
    /// Writes the piecewise-linear continuum through the hull vertices, as NumPy's interp: slope · (x - x₀) + y₀ inside a
    /// segment, the vertex value itself at a vertex. With <paramref name="markNonPositive"/>, values ≤ 0 become +∞ (so a
    /// later division writes 0 there); the count of values ≤ 0 is returned either way.
    /// </summary>
    internal static int InterpolateScalar<T>(ReadOnlySpan<T> wavelengths, ReadOnlySpan<T> spectrum, ReadOnlySpan<int> hull, Span<T> continuum, bool markNonPositive)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        if (hull.Length == 0)
        {
            return 0;
        }

        int nonPositive = 0;
        int a = hull[0];
        T xa = wavelengths[a];
        T ya = spectrum[a];
        nonPositive += Store(continuum, a, ya, markNonPositive);
        for (int v = 1; v < hull.Length; v++)
        {
            int b = hull[v];
            T xb = wavelengths[b];
            T yb = spectrum[b];
            T slope = (yb - ya) / (xb - xa);
            for (int i = a + 1; i < b; i++)
            {
                nonPositive += Store(continuum, i, (slope * (wavelengths[i] - xa)) + ya, markNonPositive);
            }

            nonPositive += Store(continuum, b, yb, markNonPositive);
            a = b;
            xa = xb;
            ya = yb;
        }

        return nonPositive;
    }

    private static int Store<T>(Span<T> continuum, int i, T value, bool markNonPositive)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        if (value > T.Zero)
        {
            continuum[i] = value;
            return 0;
        }

        continuum[i] = markNonPositive ? T.PositiveInfinity : value;
        return 1;
    }
}
