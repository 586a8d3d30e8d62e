using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace SortLine.Spectra.Calibration;

/// <content>SIMD path of the reflectance kernel: ushort → int → float widening, then (raw - dark) * invRange.</content>
public sealed partial class ReflectanceCalibration
{
    /// <summary>Gets the number of elements the vector path handles per step on this machine (0 without acceleration).</summary>
    internal static int VectorStep =>
        Vector512.IsHardwareAccelerated ? Vector512<ushort>.Count
        : Vector256.IsHardwareAccelerated ? Vector256<ushort>.Count
        : Vector128.IsHardwareAccelerated ? Vector128<ushort>.Count
        : 0;

    /// <summary>Processes the largest multiple of <see cref="VectorStep"/> elements; returns how many were done.</summary>
    internal static int CalibrateVector(ReadOnlySpan<ushort> raw, ReadOnlySpan<float> offset, ReadOnlySpan<float> inverseRange, Span<float> destination)
    {
        Debug.Assert(raw.Length == offset.Length && raw.Length == inverseRange.Length && raw.Length == destination.Length);
        ref ushort r = ref MemoryMarshal.GetReference(raw);
        ref float o = ref MemoryMarshal.GetReference(offset);
        ref float v = ref MemoryMarshal.GetReference(inverseRange);
        ref float d = ref MemoryMarshal.GetReference(destination);
        int n = raw.Length;
        int i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; i <= n - Vector512<ushort>.Count; i += Vector512<ushort>.Count)
            {
                (Vector512<uint> lo, Vector512<uint> hi) = Vector512.Widen(Vector512.LoadUnsafe(ref r, (nuint)i));
                Step512(lo, ref o, ref v, ref d, (nuint)i);
                Step512(hi, ref o, ref v, ref d, (nuint)(i + Vector512<float>.Count));
            }
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            for (; i <= n - Vector256<ushort>.Count; i += Vector256<ushort>.Count)
            {
                (Vector256<uint> lo, Vector256<uint> hi) = Vector256.Widen(Vector256.LoadUnsafe(ref r, (nuint)i));
                Step256(lo, ref o, ref v, ref d, (nuint)i);
                Step256(hi, ref o, ref v, ref d, (nuint)(i + Vector256<float>.Count));
            }
        }
        else if (Vector128.IsHardwareAccelerated)
        {
            for (; i <= n - Vector128<ushort>.Count; i += Vector128<ushort>.Count)
            {
                (Vector128<uint> lo, Vector128<uint> hi) = Vector128.Widen(Vector128.LoadUnsafe(ref r, (nuint)i));
                Step128(lo, ref o, ref v, ref d, (nuint)i);
                Step128(hi, ref o, ref v, ref d, (nuint)(i + Vector128<float>.Count));
            }
        }

        return i;
    }

    // Counts are < 2^16, so reinterpreting uint as int and converting int → float is exact (and cheaper than uint → float).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Step512(Vector512<uint> counts, ref float o, ref float v, ref float d, nuint at) =>
        ((Vector512.ConvertToSingle(counts.AsInt32()) - Vector512.LoadUnsafe(ref o, at)) * Vector512.LoadUnsafe(ref v, at)).StoreUnsafe(ref d, at);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Step256(Vector256<uint> counts, ref float o, ref float v, ref float d, nuint at) =>
        ((Vector256.ConvertToSingle(counts.AsInt32()) - Vector256.LoadUnsafe(ref o, at)) * Vector256.LoadUnsafe(ref v, at)).StoreUnsafe(ref d, at);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Step128(Vector128<uint> counts, ref float o, ref float v, ref float d, nuint at) =>
        ((Vector128.ConvertToSingle(counts.AsInt32()) - Vector128.LoadUnsafe(ref o, at)) * Vector128.LoadUnsafe(ref v, at)).StoreUnsafe(ref d, at);
}
