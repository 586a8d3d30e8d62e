namespace SortLine.Simulators.Swir;

internal static partial class SwirLineRenderer
{
    /// <summary>The reference loop (also the vector paths' tail).</summary>
    internal static void RenderScalar(ReadOnlySpan<float> reflectance, ReadOnlySpan<float> dark, ReadOnlySpan<float> gain,
        ReadOnlySpan<float> noise, in DetectorModel model, Span<ushort> destination)
    {
        float illumination = model.Illumination;
        float dnPerElectron = model.DnPerElectron;
        float readVariance = model.ReadVarianceDn;
        float max = model.MaxDn;
        for (int i = 0; i < reflectance.Length; i++)
        {
            float signal = gain[i] * illumination;
            signal *= reflectance[i];
            signal = MathF.Max(signal, 0f);
            float sigma = MathF.Sqrt((signal * dnPerElectron) + readVariance);
            float value = dark[i] + signal;
            value += sigma * noise[i];
            value = MathF.Min(MathF.Max(value, 0f), max);
            destination[i] = (ushort)(int)(value + 0.5f);
        }
    }
}
