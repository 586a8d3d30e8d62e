using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace SortLine.Simulators.Swir;

internal static partial class SwirLineRenderer
{
    /// <summary>Renders the largest multiple of 8 bands; returns how many were done.</summary>
    internal static int RenderVector256(ReadOnlySpan<float> reflectance, ReadOnlySpan<float> dark, ReadOnlySpan<float> gain,
        ReadOnlySpan<float> noise, in DetectorModel model, Span<ushort> destination)
    {
        int n = reflectance.Length - (reflectance.Length % Vector256<float>.Count);
        ref float r = ref MemoryMarshal.GetReference(reflectance);
        ref float d = ref MemoryMarshal.GetReference(dark);
        ref float g = ref MemoryMarshal.GetReference(gain);
        ref float z = ref MemoryMarshal.GetReference(noise);
        ref ushort o = ref MemoryMarshal.GetReference(destination);
        var illumination = Vector256.Create(model.Illumination);
        var dnPerElectron = Vector256.Create(model.DnPerElectron);
        var readVariance = Vector256.Create(model.ReadVarianceDn);
        var max = Vector256.Create(model.MaxDn);
        var half = Vector256.Create(0.5f);
        for (int i = 0; i < n; i += Vector256<float>.Count)
        {
            Vector256<float> signal = Vector256.LoadUnsafe(ref g, (nuint)i) * illumination;
            signal *= Vector256.LoadUnsafe(ref r, (nuint)i);
            signal = Vector256.Max(signal, Vector256<float>.Zero);
            Vector256<float> sigma = Vector256.Sqrt((signal * dnPerElectron) + readVariance);
            Vector256<float> value = Vector256.LoadUnsafe(ref d, (nuint)i) + signal;
            value += sigma * Vector256.LoadUnsafe(ref z, (nuint)i);
            value = Vector256.Min(Vector256.Max(value, Vector256<float>.Zero), max);
            Vector256<uint> counts = Vector256.ConvertToInt32(value + half).AsUInt32();
            Vector128<ushort> packed = Vector256.Narrow(counts, counts).GetLower();
            packed.StoreUnsafe(ref Unsafe.Add(ref o, i));
        }

        return n;
    }

    /// <summary>Renders the largest multiple of 4 bands; returns how many were done.</summary>
    internal static int RenderVector128(ReadOnlySpan<float> reflectance, ReadOnlySpan<float> dark, ReadOnlySpan<float> gain,
        ReadOnlySpan<float> noise, in DetectorModel model, Span<ushort> destination)
    {
        int n = reflectance.Length - (reflectance.Length % Vector128<float>.Count);
        ref float r = ref MemoryMarshal.GetReference(reflectance);
        ref float d = ref MemoryMarshal.GetReference(dark);
        ref float g = ref MemoryMarshal.GetReference(gain);
        ref float z = ref MemoryMarshal.GetReference(noise);
        var illumination = Vector128.Create(model.Illumination);
        var dnPerElectron = Vector128.Create(model.DnPerElectron);
        var readVariance = Vector128.Create(model.ReadVarianceDn);
        var max = Vector128.Create(model.MaxDn);
        var half = Vector128.Create(0.5f);
        for (int i = 0; i < n; i += Vector128<float>.Count)
        {
            Vector128<float> signal = Vector128.LoadUnsafe(ref g, (nuint)i) * illumination;
            signal *= Vector128.LoadUnsafe(ref r, (nuint)i);
            signal = Vector128.Max(signal, Vector128<float>.Zero);
            Vector128<float> sigma = Vector128.Sqrt((signal * dnPerElectron) + readVariance);
            Vector128<float> value = Vector128.LoadUnsafe(ref d, (nuint)i) + signal;
            value += sigma * Vector128.LoadUnsafe(ref z, (nuint)i);
            value = Vector128.Min(Vector128.Max(value, Vector128<float>.Zero), max);
            Vector128<int> counts = Vector128.ConvertToInt32(value + half);
            for (int k = 0; k < Vector128<int>.Count; k++)
            {
                destination[i + k] = (ushort)counts.GetElement(k);
            }
        }

        return n;
    }
}
