using System.Diagnostics;
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
/// call has its own scratch. <see cref="Apply"/> and <see cref="Subtract"/> allocate nothing.
/// </para>
/// </remarks>
public sealed class AsymmetricLeastSquaresBaseline
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

    private void Fit(ReadOnlySpan<double> y, Span<double> z, Span<double> scratch)
    {
        int n = ChannelCount;
        Span<double> weights = scratch[..n];
        weights.Fill(1.0);
        double p = Asymmetry, q = 1.0 - p;
        for (int iteration = 0; iteration < Iterations; iteration++)
        {
            Solve(y, weights, z, scratch.Slice(n, 3 * n));
            if (iteration == Iterations - 1 || !Reweight(y, z, weights, p, q))
            {
                break;
            }
        }
    }

    /// <summary>Sets the new weights; returns whether any weight changed.</summary>
    private static bool Reweight(ReadOnlySpan<double> y, ReadOnlySpan<double> z, Span<double> weights, double p, double q)
    {
        bool changed = false;
        for (int i = 0; i < weights.Length; i++)
        {
            double w = y[i] > z[i] ? p : q;
            changed |= w != weights[i];
            weights[i] = w;
        }

        return changed;
    }

    /// <summary>Solves (W + λDᵀD) z = W y by banded LDLᵀ.</summary>
    /// <remarks>
    /// With A the system matrix, L[i,i−2] = A[i,i−2] / d[i−2]; L[i,i−1] = (A[i,i−1] − L[i,i−2] L[i−1,i−2] d[i−2]) / d[i−1]
    /// = (A[i,i−1] − A[i,i−2] L[i−1,i−2]) / d[i−1]; d[i] = A[i,i] − L[i,i−1]² d[i−1] − L[i,i−2]² d[i−2]. The forward
    /// substitution L u = W y runs in the same loop; then z = L⁻ᵀ (D⁻¹ u).
    /// </remarks>
    private void Solve(ReadOnlySpan<double> y, ReadOnlySpan<double> weights, Span<double> z, Span<double> work)
    {
        int n = ChannelCount;
        Span<double> inverseD = work[..n];
        Span<double> l1 = work.Slice(n, n);      // L[i, i-1]
        Span<double> l2 = work.Slice(2 * n, n);  // L[i, i-2]
        ReadOnlySpan<double> a0 = _penaltyDiagonal;
        ReadOnlySpan<double> a1 = _penaltyFirstOffDiagonal;
        ReadOnlySpan<double> a2 = _penaltySecondOffDiagonal;
        Debug.Assert(y.Length == n && weights.Length == n && z.Length == n);

        // i = 0
        double d0 = weights[0] + a0[0];
        inverseD[0] = 1.0 / d0;
        l1[0] = 0.0;
        l2[0] = 0.0;
        double u0 = weights[0] * y[0];
        z[0] = u0;
        if (n > 1)
        {
            double e = a1[0];                        // A[1,0]
            double li1 = e * inverseD[0];
            double d1 = weights[1] + a0[1] - (li1 * e);
            inverseD[1] = 1.0 / d1;
            l1[1] = li1;
            l2[1] = 0.0;
            z[1] = (weights[1] * y[1]) - (li1 * u0);
        }

        for (int i = 2; i < n; i++)
        {
            double c = a2[i - 2];                    // A[i, i-2]
            double li2 = c * inverseD[i - 2];
            double e = a1[i - 1] - (c * l1[i - 1]);  // A[i,i-1] - A[i,i-2] L[i-1,i-2]
            double li1 = e * inverseD[i - 1];
            double di = weights[i] + a0[i] - (li1 * e) - (li2 * c);
            inverseD[i] = 1.0 / di;
            l1[i] = li1;
            l2[i] = li2;
            z[i] = (weights[i] * y[i]) - (li1 * z[i - 1]) - (li2 * z[i - 2]);
        }

        // Back substitution: z[i] = u[i]/d[i] - L[i+1,i] z[i+1] - L[i+2,i] z[i+2].
        z[n - 1] *= inverseD[n - 1];
        if (n > 1)
        {
            z[n - 2] = (z[n - 2] * inverseD[n - 2]) - (l1[n - 1] * z[n - 1]);
        }

        for (int i = n - 3; i >= 0; i--)
        {
            z[i] = (z[i] * inverseD[i]) - (l1[i + 1] * z[i + 1]) - (l2[i + 2] * z[i + 2]);
        }
    }
}
