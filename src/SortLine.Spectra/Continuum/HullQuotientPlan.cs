using SortLine.Spectra.Internal;

namespace SortLine.Spectra.Continuum;

/// <summary>
/// The hull quotient (see <see cref="HullQuotient"/>) for spectra that share one wavelength axis: the wavelengths are
/// validated and stored (in double and rounded to float) once, so each per-spectrum call checks only O(1) things.
/// Immutable and thread-safe; scratch comes from the caller.
/// </summary>
/// <remarks>
/// <para>Per call: the lengths and overlap are checked (O(1)); the spectrum's finiteness is checked in one vector pass
/// before the hull scans (cheaper than a check inside every scan), and a NaN or ±∞ value throws <see cref="ArgumentException"/> before any output is
/// derived from it: never a silent NaN.</para>
/// <para>Results: identical to <see cref="HullQuotient.Apply{T}"/> with the same wavelengths (the same code after
/// validation). Units: wavelengths in any unit (e.g. nm), the quotient is dimensionless.</para>
/// </remarks>
public sealed class HullQuotientPlan
{
    private readonly double[] _wavelengths;
    private readonly float[] _wavelengthsSingle;

    /// <summary>Builds a plan for one wavelength axis.</summary>
    /// <param name="wavelengths">Band wavelengths (e.g. nm): at least one, finite, strictly increasing, and still strictly
    /// increasing when rounded to float.</param>
    /// <exception cref="ArgumentException">The axis is empty, not finite, or not strictly increasing (in double or in float).</exception>
    public HullQuotientPlan(ReadOnlySpan<double> wavelengths)
    {
        if (wavelengths.IsEmpty)
        {
            ThrowHelper.ThrowArgument(nameof(wavelengths), "At least one wavelength is required.");
        }

        HullQuotient.ValidateWavelengths(wavelengths);
        _wavelengths = wavelengths.ToArray();
        _wavelengthsSingle = new float[wavelengths.Length];
        for (int i = 0; i < wavelengths.Length; i++)
        {
            _wavelengthsSingle[i] = (float)wavelengths[i];
        }

        HullQuotient.ValidateWavelengths<float>(_wavelengthsSingle);
    }

    /// <summary>Gets the number of bands per spectrum.</summary>
    public int BandCount => _wavelengths.Length;

    /// <summary>Gets the wavelengths (as given).</summary>
    public ReadOnlySpan<double> Wavelengths => _wavelengths;

    /// <summary>Gets the wavelengths rounded to float (the axis of the float overload).</summary>
    public ReadOnlySpan<float> WavelengthsSingle => _wavelengthsSingle;

    /// <summary>Gets the length of the hull scratch (ints) a caller must provide per call: <see cref="BandCount"/>.</summary>
    /// <returns>The scratch length in elements.</returns>
    public int GetScratchLength() => _wavelengths.Length;

    /// <summary>Divides a float spectrum by its upper convex hull. Allocates nothing; SIMD where available.</summary>
    /// <param name="spectrum"><see cref="BandCount"/> values (e.g. reflectance), finite.</param>
    /// <param name="quotient">Destination, <see cref="BandCount"/> long; must not overlap <paramref name="spectrum"/>.</param>
    /// <param name="hullScratch">At least <see cref="GetScratchLength"/> ints; receives the hull vertex indices at its start.</param>
    /// <returns>The number of bands where the continuum is ≤ 0 (written as 0); 0 normally.</returns>
    /// <exception cref="ArgumentException">A length is wrong, the spans overlap, or a value is not finite.</exception>
    public int Apply(ReadOnlySpan<float> spectrum, Span<float> quotient, Span<int> hullScratch) =>
        Apply<float>(_wavelengthsSingle, spectrum, quotient, hullScratch, out _);

    /// <summary>Divides a double spectrum by its upper convex hull. Allocates nothing; SIMD where available.</summary>
    /// <param name="spectrum"><see cref="BandCount"/> values, finite.</param>
    /// <param name="quotient">Destination, <see cref="BandCount"/> long; must not overlap <paramref name="spectrum"/>.</param>
    /// <param name="hullScratch">At least <see cref="GetScratchLength"/> ints; receives the hull vertex indices at its start.</param>
    /// <returns>The number of bands where the continuum is ≤ 0 (written as 0).</returns>
    /// <exception cref="ArgumentException">A length is wrong, the spans overlap, or a value is not finite.</exception>
    public int Apply(ReadOnlySpan<double> spectrum, Span<double> quotient, Span<int> hullScratch) =>
        Apply<double>(_wavelengths, spectrum, quotient, hullScratch, out _);

    /// <summary>As <see cref="Apply(ReadOnlySpan{float}, Span{float}, Span{int})"/>, also returning the hull vertex count.</summary>
    /// <param name="spectrum"><see cref="BandCount"/> values, finite.</param>
    /// <param name="quotient">Destination, <see cref="BandCount"/> long.</param>
    /// <param name="hullScratch">At least <see cref="GetScratchLength"/> ints.</param>
    /// <param name="vertexCount">The number of hull vertices written to the start of <paramref name="hullScratch"/>.</param>
    /// <returns>The number of bands where the continuum is ≤ 0.</returns>
    /// <exception cref="ArgumentException">A length is wrong, the spans overlap, or a value is not finite.</exception>
    public int Apply(ReadOnlySpan<float> spectrum, Span<float> quotient, Span<int> hullScratch, out int vertexCount) =>
        Apply<float>(_wavelengthsSingle, spectrum, quotient, hullScratch, out vertexCount);

    private static int Apply<T>(T[] wavelengths, ReadOnlySpan<T> spectrum, Span<T> quotient, Span<int> hullScratch, out int vertexCount)
        where T : unmanaged, System.Numerics.IBinaryFloatingPointIeee754<T>
    {
        ThrowHelper.ThrowIfLengthMismatch(wavelengths.Length, spectrum.Length, nameof(spectrum));
        ThrowHelper.ThrowIfLengthMismatch(wavelengths.Length, quotient.Length, nameof(quotient));
        if (hullScratch.Length < wavelengths.Length)
        {
            ThrowHelper.ThrowScratchTooShort(hullScratch.Length, wavelengths.Length, nameof(hullScratch));
        }

        ThrowHelper.ThrowIfOverlapping(spectrum, quotient);
        return HullQuotient.ApplyFast<T>(wavelengths, spectrum, quotient, hullScratch, out vertexCount);
    }
}
