using System.Globalization;
using MathNet.Numerics;
using SortLine.Spectra.Internal;

namespace SortLine.Spectra.Resampling;

/// <summary>
/// Resamples spectra from one band set (e.g. a USGS library, 2151 channels) onto another (e.g. a camera's 288 bands) with
/// Gaussian spectral response functions, as a precomputed sparse matrix. Same weights as SPy's
/// <c>spectral.BandResampler(centers1, centers2, fwhm1, fwhm2)</c>. Immutable and thread-safe.
/// </summary>
/// <remarks>
/// <para>Model (SPy's): source band j is a box of constant value over [c₁ⱼ - f₁ⱼ/2, c₁ⱼ + f₁ⱼ/2]; target band i has a
/// Gaussian response of FWHM f₂ᵢ centred on c₂ᵢ, integrated over its FWHM window [c₂ᵢ - f₂ᵢ/2, c₂ᵢ + f₂ᵢ/2] only. Every
/// source box that touches that window (closed intervals) gets the Gaussian mass of the overlap; the weights of a target
/// band are normalised to sum to 1. A target band only partly inside the source range is therefore the normalised
/// average over the part that is covered.</para>
/// <para>Uncovered target bands (no source box touches the window, or the overlaps have zero Gaussian mass) are NaN in SPy.
/// Here they are an error at plan construction unless <c>allowUncoveredBands</c> is set; then they are written as 0 by
/// <see cref="Apply(ReadOnlySpan{double}, Span{double})"/> and flagged in <see cref="Coverage"/>. The output is never NaN.</para>
/// <para>Missing FWHMs (empty span) are derived as SPy's <c>build_fwhm</c> does: the distance between the neighbouring
/// centres (the one-sided spacing at the ends).</para>
/// <para>Units: centres and FWHMs in one wavelength unit (e.g. nm). Precision: weights agree with SPy to ~1e-15 (same formula,
/// error function from MathNet instead of libm); resampled double spectra to ~1e-14 relative.</para>
/// </remarks>
public sealed class BandResamplingPlan
{
    /// <summary>FWHM = σ · √(8 ln 2), the constant SPy uses.</summary>
    private const double FwhmPerSigma = 2.3548200450309493;

    private readonly int[] _rowStart;
    private readonly int[] _columns;
    private readonly double[] _weights;
    private readonly float[] _weightsF;
    private readonly bool[] _covered;

    private BandResamplingPlan(int sourceLength, int[] rowStart, int[] columns, double[] weights, bool[] covered, int uncovered)
    {
        SourceLength = sourceLength;
        _rowStart = rowStart;
        _columns = columns;
        _weights = weights;
        _covered = covered;
        UncoveredCount = uncovered;
        _weightsF = new float[weights.Length];
        for (int i = 0; i < weights.Length; i++)
        {
            _weightsF[i] = (float)weights[i];
        }
    }

    /// <summary>Gets the number of source bands.</summary>
    public int SourceLength { get; }

    /// <summary>Gets the number of target bands.</summary>
    public int TargetLength => _covered.Length;

    /// <summary>Gets the number of target bands that no source band covers (always written as 0).</summary>
    public int UncoveredCount { get; }

    /// <summary>Gets, per target band, whether any source band covers it.</summary>
    public ReadOnlySpan<bool> Coverage => _covered;

    /// <summary>Gets the number of stored (non-zero) weights.</summary>
    public int NonZeroCount => _weights.Length;

    /// <summary>Gets the CSR row starts (TargetLength + 1 entries), for tests and diagnostics.</summary>
    internal ReadOnlySpan<int> RowStart => _rowStart;

    /// <summary>Gets the CSR source indices.</summary>
    internal ReadOnlySpan<int> Columns => _columns;

    /// <summary>Gets the CSR weights.</summary>
    internal ReadOnlySpan<double> Weights => _weights;

    /// <summary>Builds the plan (training/configuration time; allocates).</summary>
    /// <param name="sourceCenters">Source band centres, strictly increasing, finite (e.g. nm).</param>
    /// <param name="sourceFwhm">Source FWHMs (&gt; 0), same length; or empty to derive them from the centre spacing.</param>
    /// <param name="targetCenters">Target band centres, finite, any order (e.g. overlapping spectrometer blocks).</param>
    /// <param name="targetFwhm">Target FWHMs (&gt; 0), same length; or empty to derive them (then the centres must be strictly increasing).</param>
    /// <param name="allowUncoveredBands">When <see langword="false"/> (default), a target band without source coverage is an error.</param>
    /// <returns>The plan.</returns>
    /// <exception cref="ArgumentException">A length differs, fewer than 2 centres with a FWHM to derive, values are not
    /// finite or not positive, the source centres are not strictly increasing, or a target band is uncovered and
    /// <paramref name="allowUncoveredBands"/> is <see langword="false"/>.</exception>
    public static BandResamplingPlan Create(ReadOnlySpan<double> sourceCenters, ReadOnlySpan<double> sourceFwhm,
        ReadOnlySpan<double> targetCenters, ReadOnlySpan<double> targetFwhm, bool allowUncoveredBands = false)
    {
        if (sourceCenters.IsEmpty)
        {
            ThrowHelper.ThrowArgument(nameof(sourceCenters), "At least one source band is required.");
        }

        if (targetCenters.IsEmpty)
        {
            ThrowHelper.ThrowArgument(nameof(targetCenters), "At least one target band is required.");
        }

        ThrowHelper.ThrowIfNotFinite(sourceCenters);
        ThrowHelper.ThrowIfNotFinite(targetCenters);
        ThrowHelper.ThrowIfNotStrictlyIncreasing(sourceCenters);
        double[] fwhm1 = ResolveFwhm(sourceCenters, sourceFwhm, nameof(sourceFwhm));
        double[] fwhm2 = ResolveFwhm(targetCenters, targetFwhm, nameof(targetFwhm));

        int n1 = sourceCenters.Length;
        int n2 = targetCenters.Length;
        var lo1 = new double[n1];
        var hi1 = new double[n1];
        for (int j = 0; j < n1; j++)
        {
            lo1[j] = sourceCenters[j] - (fwhm1[j] / 2.0);
            hi1[j] = sourceCenters[j] + (fwhm1[j] / 2.0);
        }

        var rowStart = new int[n2 + 1];
        var columns = new List<int>();
        var weights = new List<double>();
        var covered = new bool[n2];
        int uncovered = 0;
        for (int i = 0; i < n2; i++)
        {
            rowStart[i] = columns.Count;
            double center = targetCenters[i];
            double lo2 = center - (fwhm2[i] / 2.0);
            double hi2 = center + (fwhm2[i] / 2.0);
            double sigma = fwhm2[i] / FwhmPerSigma;
            double total = 0;
            for (int j = 0; j < n1; j++)
            {
                // Source boxes need not be ordered by their ends (FWHM changes between detectors), so all are tested.
                if (hi1[j] < lo2 || lo1[j] > hi2)
                {
                    continue;
                }

                double a = (Math.Max(lo1[j], lo2) - center) / sigma;
                double b = (Math.Min(hi1[j], hi2) - center) / sigma;
                double mass = NormalCdf(b) - NormalCdf(a);
                columns.Add(j);
                weights.Add(mass);
                total += mass;
            }

            if (total > 0)
            {
                covered[i] = true;
                for (int k = rowStart[i]; k < weights.Count; k++)
                {
                    weights[k] /= total;
                }
            }
            else
            {
                if (!allowUncoveredBands)
                {
                    ThrowHelper.ThrowArgument(nameof(targetCenters), string.Create(CultureInfo.InvariantCulture,
                        $"Target band {i} ({center} ± {fwhm2[i] / 2}) is not covered by any source band; pass allowUncoveredBands: true to write 0 there."));
                }

                columns.RemoveRange(rowStart[i], columns.Count - rowStart[i]);
                weights.RemoveRange(rowStart[i], weights.Count - rowStart[i]);
                uncovered++;
            }
        }

        rowStart[n2] = columns.Count;
        return new BandResamplingPlan(n1, rowStart, columns.ToArray(), weights.ToArray(), covered, uncovered);
    }

    /// <summary>Resamples one spectrum in double. Allocates nothing.</summary>
    /// <param name="source">Values at the source bands (<see cref="SourceLength"/> long, finite).</param>
    /// <param name="destination">Values at the target bands (<see cref="TargetLength"/> long); 0 at uncovered bands.</param>
    /// <exception cref="ArgumentException">A length is wrong, a source value is not finite, or the spans overlap.</exception>
    public void Apply(ReadOnlySpan<double> source, Span<double> destination) => Resample(source, destination, _weights);

    /// <summary>Resamples one spectrum in float (weights rounded to float, float accumulation). Allocates nothing.</summary>
    /// <param name="source">Values at the source bands (<see cref="SourceLength"/> long, finite).</param>
    /// <param name="destination">Values at the target bands (<see cref="TargetLength"/> long); 0 at uncovered bands.</param>
    /// <exception cref="ArgumentException">A length is wrong, a source value is not finite, or the spans overlap.</exception>
    public void Apply(ReadOnlySpan<float> source, Span<float> destination) => Resample(source, destination, _weightsF);

    private void Resample<T>(ReadOnlySpan<T> source, Span<T> destination, ReadOnlySpan<T> weights)
        where T : unmanaged, System.Numerics.IBinaryFloatingPointIeee754<T>
    {
        ThrowHelper.ThrowIfLengthMismatch(SourceLength, source.Length, nameof(source));
        ThrowHelper.ThrowIfLengthMismatch(TargetLength, destination.Length, nameof(destination));
        ThrowHelper.ThrowIfOverlapping(source, destination);
        ThrowHelper.ThrowIfNotFinite(source);
        ReadOnlySpan<int> columns = _columns;
        for (int i = 0; i < destination.Length; i++)
        {
            T sum = T.Zero;
            for (int k = _rowStart[i]; k < _rowStart[i + 1]; k++)
            {
                sum += weights[k] * source[columns[k]];
            }

            destination[i] = sum;
        }
    }

    /// <summary>Φ(x) written as SPy writes it: 0.5 · (1 - erf(-x / √2)).</summary>
    private static double NormalCdf(double x) => 0.5 * (1.0 - SpecialFunctions.Erf(-x / 1.4142135623730951));

    private static double[] ResolveFwhm(ReadOnlySpan<double> centers, ReadOnlySpan<double> fwhm, string paramName)
    {
        if (!fwhm.IsEmpty)
        {
            ThrowHelper.ThrowIfLengthMismatch(centers.Length, fwhm.Length, paramName);
            for (int i = 0; i < fwhm.Length; i++)
            {
                if (!(fwhm[i] > 0 && double.IsFinite(fwhm[i])))
                {
                    ThrowHelper.ThrowArgument(paramName, string.Create(CultureInfo.InvariantCulture,
                        $"FWHM {i} is {fwhm[i]}; positive finite values are required."));
                }
            }

            return fwhm.ToArray();
        }

        // SPy's build_fwhm: half the distance between the neighbours, the one-sided spacing at the ends.
        if (centers.Length < 2)
        {
            ThrowHelper.ThrowArgument(paramName, "FWHMs can only be derived from two or more band centres.");
        }

        ThrowHelper.ThrowIfNotStrictlyIncreasing(centers, paramName);
        int n = centers.Length;
        var result = new double[n];
        result[0] = centers[1] - centers[0];
        result[n - 1] = centers[n - 1] - centers[n - 2];
        for (int i = 1; i < n - 1; i++)
        {
            result[i] = (centers[i + 1] - centers[i - 1]) / 2.0;
        }

        return result;
    }
}
