using System.Globalization;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
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
/// <para>Wavelengths must be finite and strictly increasing, and spectrum values finite (<see cref="ArgumentException"/>).
/// <see cref="Apply{T}"/> checks the wavelengths every call (one O(n) pass); <see cref="HullQuotientPlan"/> checks them
/// once. Spectrum finiteness is checked in one vector pass before the hull scans, so nothing is
/// derived from a non-finite value. Units: any, as long as they are consistent; |Δx · Δy| must stay below the largest finite
/// value of the element type (always true for wavelengths in nm and reflectance).</para>
/// <para>Non-positive values: the hull is built on the values as given (negative reflectance from noise is fine). Where the
/// continuum itself is ≤ 0 there is no continuum to divide by: the quotient is written as 0 there, and the number of such
/// bands is returned (0 for a spectrum whose hull is positive, the normal case). The output is never NaN; it can only be
/// infinite if a positive continuum is so small that |value| / continuum overflows the element type (continuum below
/// about 3e-39 · |value| in float).</para>
/// <para>Algorithm: <see cref="Apply{T}"/> uses gift wrapping with a SIMD scan and a fused vector interpolation and division
/// (see <c>HullQuotient.Vector.cs</c>); <see cref="FindHull{T}"/> and <see cref="GetContinuum{T}"/> use the scalar
/// monotone chain, which is the reference the fast path is tested against. Both give the same vertices whenever each
/// orientation test is exact, and the same quotient bit for bit for the same vertices; with rounding they can differ
/// only by a point within rounding of a hull chord (the continuum then moves by a rounding error).</para>
/// <para>Precision: the double path matches SPy to ~1e-15 relative (a near-collinear point may be a vertex in one and not
/// the other, which moves the continuum by a rounding error only).</para>
/// </remarks>
public static partial class HullQuotient
{
    /// <summary>Divides a spectrum by its upper convex hull. Allocates nothing; SIMD where available.</summary>
    /// <typeparam name="T"><see cref="float"/> (line pipeline) or <see cref="double"/>.</typeparam>
    /// <param name="wavelengths">Band wavelengths, strictly increasing, finite (e.g. nm); checked every call.</param>
    /// <param name="spectrum">Values (e.g. reflectance), same length, finite.</param>
    /// <param name="quotient">Destination, same length: spectrum / continuum (≤ 1, = 1 at the hull vertices); must not overlap <paramref name="spectrum"/>.</param>
    /// <param name="hullScratch">Scratch, at least as long as the spectrum; receives the hull vertex indices (increasing) at its start.</param>
    /// <returns>The number of bands where the continuum is ≤ 0 (written as 0); 0 normally.</returns>
    /// <exception cref="ArgumentException">A length differs, the scratch is too short, the wavelengths are not strictly
    /// increasing, a value is not finite, or <paramref name="quotient"/> overlaps <paramref name="spectrum"/>.</exception>
    public static int Apply<T>(ReadOnlySpan<T> wavelengths, ReadOnlySpan<T> spectrum, Span<T> quotient, Span<int> hullScratch)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        ValidateShapes(wavelengths, spectrum, hullScratch);
        ThrowHelper.ThrowIfLengthMismatch(spectrum.Length, quotient.Length, nameof(quotient));
        ThrowHelper.ThrowIfOverlapping(spectrum, quotient);
        ValidateWavelengths(wavelengths);
        return ApplyFast(wavelengths, spectrum, quotient, hullScratch, out _);
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
        return InterpolateScalar(wavelengths, spectrum, hullScratch[..vertices], continuum, markNonPositive: false);
    }

    /// <summary>Finds the vertices of the upper convex hull (the scalar monotone chain). Allocates nothing.</summary>
    /// <typeparam name="T"><see cref="float"/> or <see cref="double"/>.</typeparam>
    /// <param name="wavelengths">Band wavelengths, strictly increasing, finite.</param>
    /// <param name="spectrum">Values, same length, finite.</param>
    /// <param name="hullScratch">Receives the vertex indices in increasing order; at least as long as the spectrum.</param>
    /// <returns>The number of vertices written to the start of <paramref name="hullScratch"/> (≥ 1 unless the spectrum is empty).</returns>
    /// <exception cref="ArgumentException">A length differs, the scratch is too short, the wavelengths are not strictly increasing or a value is not finite.</exception>
    public static int FindHull<T>(ReadOnlySpan<T> wavelengths, ReadOnlySpan<T> spectrum, Span<int> hullScratch)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        ValidateShapes(wavelengths, spectrum, hullScratch);
        ValidateWavelengths(wavelengths);
        ThrowHelper.ThrowIfNotFinite(spectrum);
        return FindHullScalar(wavelengths, spectrum, hullScratch);
    }

    private static void ValidateShapes<T>(ReadOnlySpan<T> wavelengths, ReadOnlySpan<T> spectrum, Span<int> hullScratch)
    {
        ThrowHelper.ThrowIfLengthMismatch(wavelengths.Length, spectrum.Length, nameof(spectrum));
        if (hullScratch.Length < spectrum.Length)
        {
            ThrowHelper.ThrowScratchTooShort(hullScratch.Length, spectrum.Length, nameof(hullScratch));
        }
    }

    /// <summary>Checks that the wavelengths are finite and strictly increasing (one pass, Vector256 where accelerated).</summary>
    internal static void ValidateWavelengths<T>(ReadOnlySpan<T> wavelengths)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        bool ok = true;
        int i = 1;
        if (Vector256.IsHardwareAccelerated && Vector256<T>.IsSupported)
        {
            // Pairs (i - 1, i): x_i > x_(i-1) is false for NaN, and x - x is NaN for ±∞, so both rules are one mask.
            ref T x = ref MemoryMarshal.GetReference(wavelengths);
            Vector256<T> good = Vector256<T>.AllBitsSet;
            for (; i + Vector256<T>.Count <= wavelengths.Length; i += Vector256<T>.Count)
            {
                Vector256<T> current = Vector256.LoadUnsafe(ref x, (nuint)i);
                good &= Vector256.GreaterThan(current, Vector256.LoadUnsafe(ref x, (nuint)(i - 1))) & Vector256.Equals(current - current, Vector256<T>.Zero);
            }

            // Compare mask bits, not values: an all-ones float lane is a NaN, which equals nothing.
            ok = good.ExtractMostSignificantBits() == (1u << Vector256<T>.Count) - 1;
        }

        for (; i < wavelengths.Length; i++)
        {
            ok &= T.IsFinite(wavelengths[i]) & (wavelengths[i] > wavelengths[i - 1]);
        }

        ok &= wavelengths.IsEmpty || T.IsFinite(wavelengths[0]);

        if (!ok)
        {
            ThrowHelper.ThrowIfNotFinite(wavelengths);
            ThrowHelper.ThrowIfNotStrictlyIncreasing(wavelengths);
        }
    }
}
