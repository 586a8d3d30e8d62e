using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace SortLine.Spectra.Classification;

/// <content>
/// Vector paths of the score kernel. The widest accelerated vector that fits the band count processes the largest
/// vector-multiple prefix of the bands; classes go four at a time so each loaded (x − c) chunk feeds four
/// accumulators; the remaining bands go through the scalar <see cref="TailSum"/>.
/// </content>
public sealed partial class AffineClassifier
{
    /// <summary>Gets the vector width (floats) the kernel uses for this band count, or 0 for the scalar path.</summary>
    internal int VectorWidth =>
        Vector512.IsHardwareAccelerated && BandCount >= Vector512<float>.Count ? Vector512<float>.Count
        : Vector256.IsHardwareAccelerated && BandCount >= Vector256<float>.Count ? Vector256<float>.Count
        : Vector128.IsHardwareAccelerated && BandCount >= Vector128<float>.Count ? Vector128<float>.Count
        : 0;

    /// <summary>Runs the widest applicable vector path; false when none applies (then the caller uses the scalar one).</summary>
    internal bool TryPredictVector(ReadOnlySpan<float> spectrum, Span<float> scores)
    {
        switch (VectorWidth)
        {
            case 16:
                PredictVector512(spectrum, scores);
                return true;
            case 8:
                PredictVector256(spectrum, scores);
                return true;
            case 4:
                PredictVector128(spectrum, scores);
                return true;
            default:
                return false;
        }
    }

    private void PredictVector512(ReadOnlySpan<float> spectrum, Span<float> scores)
    {
        int bands = BandCount;
        nuint prefix = (nuint)(bands - (bands % Vector512<float>.Count));
        ref float x = ref MemoryMarshal.GetReference(spectrum);
        ref float c = ref MemoryMarshal.GetArrayDataReference(_center);
        ref float w = ref MemoryMarshal.GetArrayDataReference(_weights);
        int j = 0;
        for (; j + 4 <= ClassCount; j += 4)
        {
            nuint r0 = (nuint)(j * bands), r1 = r0 + (nuint)bands, r2 = r1 + (nuint)bands, r3 = r2 + (nuint)bands;
            Vector512<float> a0 = Vector512<float>.Zero, a1 = a0, a2 = a0, a3 = a0;
            for (nuint i = 0; i < prefix; i += (nuint)Vector512<float>.Count)
            {
                Vector512<float> d = Vector512.LoadUnsafe(ref x, i) - Vector512.LoadUnsafe(ref c, i);
                a0 = Vector512.MultiplyAddEstimate(Vector512.LoadUnsafe(ref w, r0 + i), d, a0);
                a1 = Vector512.MultiplyAddEstimate(Vector512.LoadUnsafe(ref w, r1 + i), d, a1);
                a2 = Vector512.MultiplyAddEstimate(Vector512.LoadUnsafe(ref w, r2 + i), d, a2);
                a3 = Vector512.MultiplyAddEstimate(Vector512.LoadUnsafe(ref w, r3 + i), d, a3);
            }

            scores[j] = Finish(j, Vector512.Sum(a0), spectrum, (int)prefix);
            scores[j + 1] = Finish(j + 1, Vector512.Sum(a1), spectrum, (int)prefix);
            scores[j + 2] = Finish(j + 2, Vector512.Sum(a2), spectrum, (int)prefix);
            scores[j + 3] = Finish(j + 3, Vector512.Sum(a3), spectrum, (int)prefix);
        }

        for (; j < ClassCount; j++)
        {
            nuint r0 = (nuint)(j * bands);
            Vector512<float> a0 = Vector512<float>.Zero;
            for (nuint i = 0; i < prefix; i += (nuint)Vector512<float>.Count)
            {
                Vector512<float> d = Vector512.LoadUnsafe(ref x, i) - Vector512.LoadUnsafe(ref c, i);
                a0 = Vector512.MultiplyAddEstimate(Vector512.LoadUnsafe(ref w, r0 + i), d, a0);
            }

            scores[j] = Finish(j, Vector512.Sum(a0), spectrum, (int)prefix);
        }
    }

    private void PredictVector256(ReadOnlySpan<float> spectrum, Span<float> scores)
    {
        int bands = BandCount;
        nuint prefix = (nuint)(bands - (bands % Vector256<float>.Count));
        ref float x = ref MemoryMarshal.GetReference(spectrum);
        ref float c = ref MemoryMarshal.GetArrayDataReference(_center);
        ref float w = ref MemoryMarshal.GetArrayDataReference(_weights);
        int j = 0;
        for (; j + 4 <= ClassCount; j += 4)
        {
            nuint r0 = (nuint)(j * bands), r1 = r0 + (nuint)bands, r2 = r1 + (nuint)bands, r3 = r2 + (nuint)bands;
            Vector256<float> a0 = Vector256<float>.Zero, a1 = a0, a2 = a0, a3 = a0;
            for (nuint i = 0; i < prefix; i += (nuint)Vector256<float>.Count)
            {
                Vector256<float> d = Vector256.LoadUnsafe(ref x, i) - Vector256.LoadUnsafe(ref c, i);
                a0 = Vector256.MultiplyAddEstimate(Vector256.LoadUnsafe(ref w, r0 + i), d, a0);
                a1 = Vector256.MultiplyAddEstimate(Vector256.LoadUnsafe(ref w, r1 + i), d, a1);
                a2 = Vector256.MultiplyAddEstimate(Vector256.LoadUnsafe(ref w, r2 + i), d, a2);
                a3 = Vector256.MultiplyAddEstimate(Vector256.LoadUnsafe(ref w, r3 + i), d, a3);
            }

            scores[j] = Finish(j, Vector256.Sum(a0), spectrum, (int)prefix);
            scores[j + 1] = Finish(j + 1, Vector256.Sum(a1), spectrum, (int)prefix);
            scores[j + 2] = Finish(j + 2, Vector256.Sum(a2), spectrum, (int)prefix);
            scores[j + 3] = Finish(j + 3, Vector256.Sum(a3), spectrum, (int)prefix);
        }

        for (; j < ClassCount; j++)
        {
            nuint r0 = (nuint)(j * bands);
            Vector256<float> a0 = Vector256<float>.Zero;
            for (nuint i = 0; i < prefix; i += (nuint)Vector256<float>.Count)
            {
                Vector256<float> d = Vector256.LoadUnsafe(ref x, i) - Vector256.LoadUnsafe(ref c, i);
                a0 = Vector256.MultiplyAddEstimate(Vector256.LoadUnsafe(ref w, r0 + i), d, a0);
            }

            scores[j] = Finish(j, Vector256.Sum(a0), spectrum, (int)prefix);
        }
    }

    private void PredictVector128(ReadOnlySpan<float> spectrum, Span<float> scores)
    {
        int bands = BandCount;
        nuint prefix = (nuint)(bands - (bands % Vector128<float>.Count));
        ref float x = ref MemoryMarshal.GetReference(spectrum);
        ref float c = ref MemoryMarshal.GetArrayDataReference(_center);
        ref float w = ref MemoryMarshal.GetArrayDataReference(_weights);
        int j = 0;
        for (; j + 4 <= ClassCount; j += 4)
        {
            nuint r0 = (nuint)(j * bands), r1 = r0 + (nuint)bands, r2 = r1 + (nuint)bands, r3 = r2 + (nuint)bands;
            Vector128<float> a0 = Vector128<float>.Zero, a1 = a0, a2 = a0, a3 = a0;
            for (nuint i = 0; i < prefix; i += (nuint)Vector128<float>.Count)
            {
                Vector128<float> d = Vector128.LoadUnsafe(ref x, i) - Vector128.LoadUnsafe(ref c, i);
                a0 = Vector128.MultiplyAddEstimate(Vector128.LoadUnsafe(ref w, r0 + i), d, a0);
                a1 = Vector128.MultiplyAddEstimate(Vector128.LoadUnsafe(ref w, r1 + i), d, a1);
                a2 = Vector128.MultiplyAddEstimate(Vector128.LoadUnsafe(ref w, r2 + i), d, a2);
                a3 = Vector128.MultiplyAddEstimate(Vector128.LoadUnsafe(ref w, r3 + i), d, a3);
            }

            scores[j] = Finish(j, Vector128.Sum(a0), spectrum, (int)prefix);
            scores[j + 1] = Finish(j + 1, Vector128.Sum(a1), spectrum, (int)prefix);
            scores[j + 2] = Finish(j + 2, Vector128.Sum(a2), spectrum, (int)prefix);
            scores[j + 3] = Finish(j + 3, Vector128.Sum(a3), spectrum, (int)prefix);
        }

        for (; j < ClassCount; j++)
        {
            nuint r0 = (nuint)(j * bands);
            Vector128<float> a0 = Vector128<float>.Zero;
            for (nuint i = 0; i < prefix; i += (nuint)Vector128<float>.Count)
            {
                Vector128<float> d = Vector128.LoadUnsafe(ref x, i) - Vector128.LoadUnsafe(ref c, i);
                a0 = Vector128.MultiplyAddEstimate(Vector128.LoadUnsafe(ref w, r0 + i), d, a0);
            }

            scores[j] = Finish(j, Vector128.Sum(a0), spectrum, (int)prefix);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private float Finish(int j, float prefixSum, ReadOnlySpan<float> spectrum, int prefix) =>
        _offset[j] + (prefixSum + TailSum(j, spectrum, prefix));
}
