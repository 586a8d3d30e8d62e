using System.Globalization;
using System.Numerics;
using System.Numerics.Tensors;
using SortLine.Spectra.Internal;

namespace SortLine.Spectra.Continuum;

/// <summary>
/// Continuum removal by the hull quotient: the spectrum divided by its upper convex hull over wavelength, so absorption
/// features become dips below 1 (Clark and Roush 1984). Matches SPy's <c>spectral.remove_continuum</c> /
/// <c>spectral.spectral_continuum</c> (mode <c>'convex'</c>).
/// </summary>
/// <remarks>
/// <para>Hull: Andrew's monotone chain over the points (wavelength, value), upper chain only, O(n), one pass. A point is a
/// hull vertex only if it lies strictly above the chord of its neighbours on the hull: collinear points are dropped (SPy's
/// recursive quickhull takes the first maximum, so it drops them too). The first and last samples are always vertices. The
/// continuum between two vertices is the straight line through them, evaluated as NumPy's <c>interp</c> does
/// (<c>slope · (x - x₀) + y₀</c>), and equals the spectrum exactly at the vertices.</para>
/// <para>Wavelengths must be finite and strictly increasing, and spectrum values finite; both are checked during the hull
/// pass at no extra pass over the data (<see cref="ArgumentException"/>). Units: any, as long as they are consistent.</para>
/// <para>Non-positive values: the hull is built on the values as given (negative reflectance from noise is fine). Where the
/// continuum itself is ≤ 0 there is no continuum to divide by: the quotient is written as 0 there, and the number of such
/// bands is returned (0 for a spectrum whose hull is positive, the normal case). The output is never NaN; it can only be
/// infinite if a positive continuum is so small that |value| / continuum overflows the element type (continuum below
/// about 3e-39 · |value| in float).</para>
/// <para>Precision: the double path matches SPy to ~1e-15 relative (a near-collinear point may be a vertex in one and not
/// the other, which moves the continuum by a rounding error only). The division runs SIMD (<see cref="TensorPrimitives"/>).</para>
/// </remarks>
public static class HullQuotient
{
    /// <summary>Divides a spectrum by its upper convex hull. Allocates nothing.</summary>
    /// <typeparam name="T"><see cref="float"/> (line pipeline) or <see cref="double"/>.</typeparam>
    /// <param name="wavelengths">Band wavelengths, strictly increasing, finite (e.g. nm).</param>
    /// <param name="spectrum">Values (e.g. reflectance), same length, finite.</param>
    /// <param name="quotient">Destination, same length: spectrum / continuum (≤ 1, = 1 at the hull vertices); must not overlap <paramref name="spectrum"/>.</param>
    /// <param name="hullScratch">Scratch for the hull vertex indices, at least as long as the spectrum.</param>
    /// <returns>The number of bands where the continuum is ≤ 0 (written as 0); 0 normally.</returns>
    /// <exception cref="ArgumentException">A length differs, the scratch is too short, the wavelengths are not strictly
    /// increasing, a value is not finite, or <paramref name="quotient"/> overlaps <paramref name="spectrum"/>.</exception>
    public static int Apply<T>(ReadOnlySpan<T> wavelengths, ReadOnlySpan<T> spectrum, Span<T> quotient, Span<int> hullScratch)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        ThrowHelper.ThrowIfLengthMismatch(spectrum.Length, quotient.Length, nameof(quotient));
        ThrowHelper.ThrowIfOverlapping(spectrum, quotient);
        int vertices = FindHull(wavelengths, spectrum, hullScratch);
        int nonPositive = Interpolate(wavelengths, spectrum, hullScratch[..vertices], quotient, markNonPositive: true);

        // The continuum is already in 'quotient'; bands without one hold +∞ there, so the division writes ±0.
        TensorPrimitives.Divide(spectrum, quotient, quotient);
        return nonPositive;
    }

    /// <summary>Computes the continuum (upper convex hull, linearly interpolated) of a spectrum. Allocates nothing.</summary>
    /// <typeparam name="T"><see cref="float"/> or <see cref="double"/>.</typeparam>
    /// <param name="wavelengths">Band wavelengths, strictly increasing, finite.</param>
    /// <param name="spectrum">Values, same length, finite.</param>
    /// <param name="continuum">Destination, same length; must not overlap <paramref name="spectrum"/>.</param>
    /// <param name="hullScratch">Scratch for the hull vertex indices, at least as long as the spectrum.</param>
    /// <returns>The number of bands where the continuum is ≤ 0.</returns>
    /// <exception cref="ArgumentException">As for <see cref="Apply{T}"/>, or the spans overlap.</exception>
    public static int GetContinuum<T>(ReadOnlySpan<T> wavelengths, ReadOnlySpan<T> spectrum, Span<T> continuum, Span<int> hullScratch)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        ThrowHelper.ThrowIfLengthMismatch(spectrum.Length, continuum.Length, nameof(continuum));
        ThrowHelper.ThrowIfOverlapping(spectrum, continuum);
        int vertices = FindHull(wavelengths, spectrum, hullScratch);
        return Interpolate(wavelengths, spectrum, hullScratch[..vertices], continuum, markNonPositive: false);
    }

    /// <summary>Finds the vertices of the upper convex hull. Allocates nothing.</summary>
    /// <typeparam name="T"><see cref="float"/> or <see cref="double"/>.</typeparam>
    /// <param name="wavelengths">Band wavelengths, strictly increasing, finite.</param>
    /// <param name="spectrum">Values, same length, finite.</param>
    /// <param name="hullScratch">Receives the vertex indices in increasing order; at least as long as the spectrum.</param>
    /// <returns>The number of vertices written to the start of <paramref name="hullScratch"/> (≥ 1 unless the spectrum is empty).</returns>
    /// <exception cref="ArgumentException">A length differs, the scratch is too short, the wavelengths are not strictly increasing or a value is not finite.</exception>
    public static int FindHull<T>(ReadOnlySpan<T> wavelengths, ReadOnlySpan<T> spectrum, Span<int> hullScratch)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        ThrowHelper.ThrowIfLengthMismatch(wavelengths.Length, spectrum.Length, nameof(spectrum));
        if (hullScratch.Length < spectrum.Length)
        {
            ThrowHelper.ThrowScratchTooShort(hullScratch.Length, spectrum.Length, nameof(hullScratch));
        }

        int n = spectrum.Length;
        int top = 0;
        for (int i = 0; i < n; i++)
        {
            T x = wavelengths[i];
            T y = spectrum[i];
            if (!T.IsFinite(x) || !T.IsFinite(y) || (i > 0 && !(x > wavelengths[i - 1])))
            {
                ThrowBadInput(wavelengths, spectrum, i);
            }

            // Pop the last vertex while it is not strictly above the chord from the one before it to the new point.
            while (top >= 2)
            {
                int a = hullScratch[top - 2];
                int b = hullScratch[top - 1];
                T cross = ((wavelengths[b] - wavelengths[a]) * (y - spectrum[a])) - ((spectrum[b] - spectrum[a]) * (x - wavelengths[a]));
                if (cross < T.Zero)
                {
                    break;
                }

                top--;
            }

            hullScratch[top++] = i;
        }

        return top;
    }

    /// <summary>
    /// Writes the piecewise-linear continuum through the hull vertices, as NumPy's interp: slope · (x - x₀) + y₀ inside a
    /// segment, the vertex value itself at a vertex. With <paramref name="markNonPositive"/>, values ≤ 0 become +∞ (so a
    /// later division writes 0 there); the count of values ≤ 0 is returned either way.
    /// </summary>
    private static int Interpolate<T>(ReadOnlySpan<T> wavelengths, ReadOnlySpan<T> spectrum, ReadOnlySpan<int> hull, Span<T> continuum, bool markNonPositive)
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

    private static void ThrowBadInput<T>(ReadOnlySpan<T> wavelengths, ReadOnlySpan<T> spectrum, int i)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        if (!T.IsFinite(spectrum[i]))
        {
            ThrowHelper.ThrowArgument(nameof(spectrum), string.Create(CultureInfo.InvariantCulture, $"Element {i} is {spectrum[i]}; finite values are required."));
        }

        if (!T.IsFinite(wavelengths[i]))
        {
            ThrowHelper.ThrowArgument(nameof(wavelengths), string.Create(CultureInfo.InvariantCulture, $"Element {i} is {wavelengths[i]}; finite values are required."));
        }

        ThrowHelper.ThrowIfNotStrictlyIncreasing(wavelengths[..(i + 1)], nameof(wavelengths));
    }
}
