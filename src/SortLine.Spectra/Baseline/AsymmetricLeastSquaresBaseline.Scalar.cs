using System.Diagnostics;

namespace SortLine.Spectra.Baseline;

/// <content>The scalar reference: one spectrum at a time (also the fallback of the batch path).</content>
public sealed partial class AsymmetricLeastSquaresBaseline
{
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

        // The recurrence is latency-bound (one division per channel on the critical path): the previous channel's
        // values are carried in locals rather than re-read from the just-written spans.
        double inverse1 = 1.0 / (weights[0] + a0[0]);    // 1/d[i-1]
        double inverse2 = 0.0;                            // 1/d[i-2]
        double l1Previous = 0.0;                          // L[i-1, i-2]
        double u1 = weights[0] * y[0];                    // u[i-1]
        double u2 = 0.0;                                  // u[i-2]
        inverseD[0] = inverse1;
        l1[0] = 0.0;
        l2[0] = 0.0;
        z[0] = u1;
        for (int i = 1; i < n; i++)
        {
            double c = i >= 2 ? a2[i - 2] : 0.0;          // A[i, i-2]
            double li2 = c * inverse2;
            double e = a1[i - 1] - (c * l1Previous);      // A[i,i-1] - A[i,i-2] L[i-1,i-2]
            double li1 = e * inverse1;
            double di = weights[i] + a0[i] - (li1 * e) - (li2 * c);
            double u = (weights[i] * y[i]) - (li1 * u1) - (li2 * u2);
            inverse2 = inverse1;
            inverse1 = 1.0 / di;
            inverseD[i] = inverse1;
            l1[i] = li1;
            l2[i] = li2;
            z[i] = u;
            l1Previous = li1;
            u2 = u1;
            u1 = u;
        }

        // Back substitution: z[i] = u[i]/d[i] - L[i+1,i] z[i+1] - L[i+2,i] z[i+2].
        double z1 = z[n - 1] * inverseD[n - 1];           // z[i+1]
        double z2 = 0.0;                                  // z[i+2]
        z[n - 1] = z1;
        double l1Next = l1[n - 1];                        // L[i+1, i]
        for (int i = n - 2; i >= 0; i--)
        {
            double l2Next = i + 2 < n ? l2[i + 2] : 0.0;  // L[i+2, i]
            double zi = (z[i] * inverseD[i]) - (l1Next * z1) - (l2Next * z2);
            z[i] = zi;
            z2 = z1;
            z1 = zi;
            l1Next = l1[i];
        }
    }
}
