using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace SortLine.Spectra.Baseline;

/// <content>
/// The batch path: the banded solve is a serial recurrence along the channels (one division per channel on the critical
/// path), so it cannot be vectorised along a spectrum. Instead four spectra run in the four lanes of a
/// <see cref="Vector256{T}"/>, channel-interleaved, which overlaps four dependency chains. Every lane performs exactly
/// the scalar reference's operations in the same order (no fused multiply-add), so results equal the scalar path's.
/// </content>
public sealed partial class AsymmetricLeastSquaresBaseline
{
    /// <summary>Spectra per vector group.</summary>
    private const int Lanes = 4;

    /// <summary>Interleaved arrays in the batch scratch: y, weights, 1/d, L[i,i-1], L[i,i-2], z.</summary>
    private const int BatchArrays = 6;

    /// <summary>Fits four spectra (rows <paramref name="first"/> .. first + 3) with Vector256 lanes.</summary>
    private void FitVector256(ReadOnlyMatrixSpan<double> spectra, MatrixSpan<double> baselines, int first, Span<double> scratch)
    {
        int n = ChannelCount;
        int length = Lanes * n;
        Span<double> y = scratch[..length];
        Span<double> weights = scratch.Slice(length, length);
        Span<double> work = scratch.Slice(2 * length, 3 * length);
        Span<double> z = scratch.Slice(5 * length, length);
        for (int lane = 0; lane < Lanes; lane++)
        {
            ReadOnlySpan<double> row = spectra.Row(first + lane);
            for (int i = 0; i < n; i++)
            {
                y[(i * Lanes) + lane] = row[i];
            }
        }

        weights.Fill(1.0);
        var p = Vector256.Create(Asymmetry);
        var q = Vector256.Create(1.0 - Asymmetry);
        for (int iteration = 0; iteration < Iterations; iteration++)
        {
            SolveVector256(y, weights, z, work);
            if (iteration == Iterations - 1 || !ReweightVector256(y, z, weights, p, q))
            {
                break;
            }
        }

        for (int lane = 0; lane < Lanes; lane++)
        {
            Span<double> row = baselines.Row(first + lane);
            for (int i = 0; i < n; i++)
            {
                row[i] = z[(i * Lanes) + lane];
            }
        }
    }

    private static bool ReweightVector256(ReadOnlySpan<double> y, ReadOnlySpan<double> z, Span<double> weights, Vector256<double> p, Vector256<double> q)
    {
        ref double yRef = ref MemoryMarshal.GetReference(y);
        ref double zRef = ref MemoryMarshal.GetReference(z);
        ref double wRef = ref MemoryMarshal.GetReference(weights);
        Vector256<double> changed = Vector256<double>.Zero;
        for (nuint i = 0; i < (nuint)weights.Length; i += Lanes)
        {
            Vector256<double> w = Vector256.ConditionalSelect(
                Vector256.GreaterThan(Vector256.LoadUnsafe(ref yRef, i), Vector256.LoadUnsafe(ref zRef, i)), p, q);
            changed |= ~Vector256.Equals(w, Vector256.LoadUnsafe(ref wRef, i));
            w.StoreUnsafe(ref wRef, i);
        }

        return changed != Vector256<double>.Zero;
    }

    /// <summary>The scalar <see cref="Solve"/>, lane-wise on channel-interleaved data.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void SolveVector256(ReadOnlySpan<double> y, ReadOnlySpan<double> weights, Span<double> z, Span<double> work)
    {
        int n = ChannelCount;
        Debug.Assert(y.Length == Lanes * n && weights.Length == Lanes * n && z.Length == Lanes * n && work.Length == 3 * Lanes * n);
        ReadOnlySpan<double> a0 = _penaltyDiagonal;
        ReadOnlySpan<double> a1 = _penaltyFirstOffDiagonal;
        ReadOnlySpan<double> a2 = _penaltySecondOffDiagonal;
        ref double yRef = ref MemoryMarshal.GetReference(y);
        ref double wRef = ref MemoryMarshal.GetReference(weights);
        ref double zRef = ref MemoryMarshal.GetReference(z);
        ref double inverseDRef = ref MemoryMarshal.GetReference(work);
        ref double l1Ref = ref Unsafe.Add(ref inverseDRef, Lanes * n);
        ref double l2Ref = ref Unsafe.Add(ref inverseDRef, 2 * Lanes * n);
        Vector256<double> one = Vector256<double>.One;

        Vector256<double> w0 = Vector256.LoadUnsafe(ref wRef);
        Vector256<double> inverse1 = one / (w0 + Vector256.Create(a0[0]));
        Vector256<double> inverse2 = Vector256<double>.Zero;
        Vector256<double> l1Previous = Vector256<double>.Zero;
        Vector256<double> u1 = w0 * Vector256.LoadUnsafe(ref yRef);
        Vector256<double> u2 = Vector256<double>.Zero;
        inverse1.StoreUnsafe(ref inverseDRef);
        Vector256<double>.Zero.StoreUnsafe(ref l1Ref);
        Vector256<double>.Zero.StoreUnsafe(ref l2Ref);
        u1.StoreUnsafe(ref zRef);
        for (int i = 1; i < n; i++)
        {
            nuint at = (nuint)(i * Lanes);
            var c = Vector256.Create(i >= 2 ? a2[i - 2] : 0.0);
            Vector256<double> li2 = c * inverse2;
            Vector256<double> e = Vector256.Create(a1[i - 1]) - (c * l1Previous);
            Vector256<double> li1 = e * inverse1;
            Vector256<double> wi = Vector256.LoadUnsafe(ref wRef, at);
            Vector256<double> di = wi + Vector256.Create(a0[i]) - (li1 * e) - (li2 * c);
            Vector256<double> u = (wi * Vector256.LoadUnsafe(ref yRef, at)) - (li1 * u1) - (li2 * u2);
            inverse2 = inverse1;
            inverse1 = one / di;
            inverse1.StoreUnsafe(ref inverseDRef, at);
            li1.StoreUnsafe(ref l1Ref, at);
            li2.StoreUnsafe(ref l2Ref, at);
            u.StoreUnsafe(ref zRef, at);
            l1Previous = li1;
            u2 = u1;
            u1 = u;
        }

        nuint last = (nuint)((n - 1) * Lanes);
        Vector256<double> z1 = Vector256.LoadUnsafe(ref zRef, last) * Vector256.LoadUnsafe(ref inverseDRef, last);
        Vector256<double> z2 = Vector256<double>.Zero;
        z1.StoreUnsafe(ref zRef, last);
        Vector256<double> l1Next = Vector256.LoadUnsafe(ref l1Ref, last);
        for (int i = n - 2; i >= 0; i--)
        {
            nuint at = (nuint)(i * Lanes);
            Vector256<double> l2Next = i + 2 < n ? Vector256.LoadUnsafe(ref l2Ref, at + (2 * Lanes)) : Vector256<double>.Zero;
            Vector256<double> zi = (Vector256.LoadUnsafe(ref zRef, at) * Vector256.LoadUnsafe(ref inverseDRef, at)) - (l1Next * z1) - (l2Next * z2);
            zi.StoreUnsafe(ref zRef, at);
            z2 = z1;
            z1 = zi;
            l1Next = Vector256.LoadUnsafe(ref l1Ref, at);
        }
    }
}
