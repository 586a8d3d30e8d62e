using System.Runtime.Intrinsics;
using SortLine.Spectra.Internal;

namespace SortLine.Spectra.Baseline;

/// <summary>
/// Asymmetric least squares (ALS) baseline of Eilers &amp; Boelens (2005): a precomputed, immutable plan for spectra of
/// one channel count. The baseline z minimises Σ wᵢ (yᵢ − zᵢ)² + λ Σ (Δ²zᵢ)² with weights wᵢ = p where yᵢ &gt; zᵢ and
/// 1 − p elsewhere, re-weighted over a fixed number of iterations.
/// </summary>
/// <remarks>
/// <para>
/// Algorithm: the weights start at 1; each iteration solves the symmetric positive-definite pentadiagonal system
/// (W + λ DᵀD) z = W y, where D is the (n − 2) × n second-difference matrix, then sets wᵢ = p where yᵢ &gt; zᵢ and
/// 1 − p otherwise (also where yᵢ = zᵢ). The result is the solution of the last solve, so <see cref="Iterations"/>
/// counts solves, as in the authors' listing. If a re-weighting leaves every weight unchanged, the next solve would
/// reproduce the same z exactly, so the loop stops early with the identical result.
/// </para>
/// <para>
/// Each solve is an O(n) banded LDLᵀ factorisation (L unit lower triangular with two sub-diagonals, D diagonal,
/// no pivoting: the matrix is SPD because every weight is at least min(p, 1 − p) &gt; 0) fused with the forward
/// substitution, followed by a back substitution. No dense matrix is formed. The constant bands of λ DᵀD are held by
/// the plan.
/// </para>
/// <para>
/// Units: the baseline has the units of the spectrum (counts, intensity); λ has units of (channel spacing)⁴ since the
/// penalty uses differences over channel index, not wavelength. Arithmetic is double precision: with λ = 1e5 and
/// p = 0.01 the system's condition number reaches ~1e8 for 8k channels, which single precision cannot carry.
/// </para>
/// <para>
/// Thread safety: the plan is immutable; <see cref="Apply"/> may run concurrently on different spectra as long as each
/// call has its own scratch. <see cref="Apply"/>, <see cref="Subtract"/> and <see cref="ApplyBatch"/> allocate nothing.
/// </para>
/// <para>
/// Throughput: the factorisation is a serial recurrence with one division per channel on its critical path, so a single
/// spectrum cannot use SIMD along its channels. <see cref="ApplyBatch"/> runs four spectra in the lanes of a
/// Vector256 (about 4x the single-spectrum throughput) with results identical to <see cref="Apply"/>; use it when
/// several spectra are queued.
/// </para>
/// </remarks>
public sealed partial class AsymmetricLeastSquaresBaseline
{
    /// <summary>The default smoothness λ (methods brief: ~1e5).</summary>
    public const double DefaultLambda = 1e5;

    /// <summary>The default asymmetry p (methods brief: 0.001-0.05).</summary>
    public const double DefaultAsymmetry = 0.01;

    /// <summary>The default number of iterations (methods brief: ~10).</summary>
    public const int DefaultIterations = 10;

    /// <summary>The largest accepted number of iterations.</summary>
    public const int MaxIterations = 1000;

    /// <summary>The largest accepted channel count (keeps the scratch length within an <see cref="int"/>).</summary>
    public const int MaxChannelCount = int.MaxValue / ScratchPerChannel;

    private const int ScratchPerChannel = 4;

    /// <summary>λ (DᵀD)ᵢᵢ.</summary>
    private readonly double[] _penaltyDiagonal;

    /// <summary>λ (DᵀD)ᵢ₊₁,ᵢ at index i (last element 0).</summary>
    private readonly double[] _penaltyFirstOffDiagonal;

    /// <summary>λ (DᵀD)ᵢ₊₂,ᵢ at index i (last two elements 0).</summary>
    private readonly double[] _penaltySecondOffDiagonal;

    /// <summary>Builds the plan for spectra of <paramref name="channelCount"/> channels.</summary>
    /// <param name="channelCount">Number of channels n (1 to <see cref="MaxChannelCount"/>). With n &lt; 3 there are no second differences and the baseline equals the spectrum.</param>
    /// <param name="lambda">Smoothness λ &gt; 0, finite, at most 1e15.</param>
    /// <param name="asymmetry">Asymmetry p in (0, 1); small p (0.001-0.05) fits the lower envelope.</param>
    /// <param name="iterations">Number of weighted solves, 1 to <see cref="MaxIterations"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is outside its range or not finite.</exception>
    public AsymmetricLeastSquaresBaseline(
        int channelCount,
        double lambda = DefaultLambda,
        double asymmetry = DefaultAsymmetry,
        int iterations = DefaultIterations)
    {
        ThrowHelper.ThrowIfOutOfRange(channelCount, 1, MaxChannelCount);
        ThrowHelper.ThrowIfOutOfRange(lambda, double.Epsilon, 1e15);
        if (!(asymmetry > 0.0 && asymmetry < 1.0))
        {
            ThrowHelper.ThrowArgumentOutOfRange(nameof(asymmetry), asymmetry, "The asymmetry p must lie in the open interval (0, 1).");
        }

        ThrowHelper.ThrowIfOutOfRange(iterations, 1, MaxIterations);

        ChannelCount = channelCount;
        Lambda = lambda;
        Asymmetry = asymmetry;
        Iterations = iterations;

        _penaltyDiagonal = new double[channelCount];
        _penaltyFirstOffDiagonal = new double[channelCount];
        _penaltySecondOffDiagonal = new double[channelCount];

        // Row k of D is (1, -2, 1) at columns k, k+1, k+2; accumulate DᵀD = Σ_k d_k d_kᵀ band by band.
        for (int k = 0; k + 2 < channelCount; k++)
        {
            _penaltyDiagonal[k] += lambda;
            _penaltyDiagonal[k + 1] += 4.0 * lambda;
            _penaltyDiagonal[k + 2] += lambda;
            _penaltyFirstOffDiagonal[k] -= 2.0 * lambda;
            _penaltyFirstOffDiagonal[k + 1] -= 2.0 * lambda;
            _penaltySecondOffDiagonal[k] += lambda;
        }
    }

    /// <summary>Gets the number of channels n the plan was built for.</summary>
    public int ChannelCount { get; }

    /// <summary>Gets the smoothness λ (units: spectrum² per (channel index)⁴ penalty weight).</summary>
    public double Lambda { get; }

    /// <summary>Gets the asymmetry p: the weight of channels above the baseline.</summary>
    public double Asymmetry { get; }

    /// <summary>Gets the number of weighted solves.</summary>
    public int Iterations { get; }

    /// <summary>Gets the scratch length <see cref="Apply"/> and <see cref="Subtract"/> need for this plan.</summary>
    public int ScratchLength => GetScratchLength(ChannelCount);

    /// <summary>Gets the scratch length (in doubles) needed for spectra of <paramref name="channelCount"/> channels.</summary>
    /// <param name="channelCount">Number of channels (0 to <see cref="MaxChannelCount"/>).</param>
    /// <returns>4 · <paramref name="channelCount"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="channelCount"/> is negative or too large.</exception>
    public static int GetScratchLength(int channelCount)
    {
        ThrowHelper.ThrowIfOutOfRange(channelCount, 0, MaxChannelCount);
        return ScratchPerChannel * channelCount;
    }

    /// <summary>Estimates the baseline of one spectrum.</summary>
    /// <param name="spectrum">The spectrum y, <see cref="ChannelCount"/> finite values.</param>
    /// <param name="baseline">Receives the baseline z, <see cref="ChannelCount"/> values; must not overlap <paramref name="spectrum"/>.</param>
    /// <param name="scratch">Work space of at least <see cref="ScratchLength"/> doubles; contents on return are unspecified.</param>
    /// <exception cref="ArgumentException">A length does not match, the scratch is too short, <paramref name="baseline"/>
    /// overlaps <paramref name="spectrum"/> or <paramref name="scratch"/>, or the spectrum holds NaN or infinity (checked every call, O(n)).</exception>
    public void Apply(ReadOnlySpan<double> spectrum, Span<double> baseline, Span<double> scratch)
    {
        int n = ChannelCount;
        ThrowHelper.ThrowIfLengthMismatch(n, spectrum.Length);
        ThrowHelper.ThrowIfLengthMismatch(n, baseline.Length);
        ThrowHelper.ThrowIfTooShort(ScratchPerChannel * n, scratch.Length);
        ThrowHelper.ThrowIfOverlapping(spectrum, baseline);
        ThrowHelper.ThrowIfOverlapping<double>(scratch, baseline);
        ThrowHelper.ThrowIfOverlapping(spectrum, scratch);
        ThrowHelper.ThrowIfNotFinite(spectrum);

        Fit(spectrum, baseline, scratch);
    }

    /// <summary>Gets the scratch length (in doubles) <see cref="ApplyBatch"/> needs for spectra of <paramref name="channelCount"/> channels.</summary>
    /// <param name="channelCount">Number of channels (0 to <see cref="MaxChannelCount"/> / 6).</param>
    /// <returns>24 · <paramref name="channelCount"/> (six arrays of four interleaved spectra).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="channelCount"/> is negative or too large.</exception>
    public static int GetBatchScratchLength(int channelCount)
    {
        ThrowHelper.ThrowIfOutOfRange(channelCount, 0, int.MaxValue / (BatchArrays * Lanes));
        return BatchArrays * Lanes * channelCount;
    }

    /// <summary>
    /// Estimates the baselines of several spectra, four at a time in the lanes of a <see cref="System.Runtime.Intrinsics.Vector256{T}"/>
    /// where hardware-accelerated (the remainder, and everything without acceleration, goes through the scalar path).
    /// </summary>
    /// <param name="spectra">Spectra, one per row, <see cref="ChannelCount"/> columns, finite values.</param>
    /// <param name="baselines">Receives the baselines, same dimensions; must not overlap <paramref name="spectra"/>.</param>
    /// <param name="scratch">Work space of at least <see cref="GetBatchScratchLength"/>(<see cref="ChannelCount"/>) doubles.</param>
    /// <remarks>Each lane performs the scalar reference's operations in the same order without fused multiply-add, so the
    /// result equals <see cref="Apply"/> on each row (tests allow 1e-12 of the spectrum's scale). Allocation-free.</remarks>
    /// <exception cref="ArgumentException">Dimensions do not match, the scratch is too short, buffers overlap, or a spectrum
    /// holds NaN or infinity.</exception>
    public void ApplyBatch(ReadOnlyMatrixSpan<double> spectra, MatrixSpan<double> baselines, Span<double> scratch)
    {
        int n = ChannelCount;
        ThrowHelper.ThrowIfLengthMismatch(n, spectra.Columns, nameof(spectra));
        ThrowHelper.ThrowIfLengthMismatch(n, baselines.Columns, nameof(baselines));
        ThrowHelper.ThrowIfLengthMismatch(spectra.Rows, baselines.Rows, nameof(baselines));
        ThrowHelper.ThrowIfTooShort(BatchArrays * Lanes * n, scratch.Length);
        ThrowHelper.ThrowIfOverlapping(spectra.Span, baselines.Span, nameof(baselines));
        ThrowHelper.ThrowIfOverlapping<double>(scratch, baselines.Span, nameof(scratch));
        ThrowHelper.ThrowIfOverlapping<double>(spectra.Span, scratch, nameof(scratch));
        ThrowHelper.ThrowIfNotFinite(spectra.Span, nameof(spectra));

        int row = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; row + Lanes <= spectra.Rows; row += Lanes)
            {
                FitVector256(spectra, baselines, row, scratch);
            }
        }

        for (; row < spectra.Rows; row++)
        {
            Fit(spectra.Row(row), baselines.Row(row), scratch);
        }
    }

    /// <summary>Subtracts the baseline from one spectrum: <paramref name="corrected"/> = y − z.</summary>
    /// <param name="spectrum">The spectrum y, <see cref="ChannelCount"/> finite values.</param>
    /// <param name="corrected">Receives y − z, <see cref="ChannelCount"/> values; must not overlap <paramref name="spectrum"/>.</param>
    /// <param name="scratch">Work space of at least <see cref="ScratchLength"/> doubles.</param>
    /// <exception cref="ArgumentException">As for <see cref="Apply"/>.</exception>
    public void Subtract(ReadOnlySpan<double> spectrum, Span<double> corrected, Span<double> scratch)
    {
        Apply(spectrum, corrected, scratch);
        for (int i = 0; i < corrected.Length; i++)
        {
            corrected[i] = spectrum[i] - corrected[i];
        }
    }
}
