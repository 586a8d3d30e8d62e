using SortLine.Spectra.Continuum;

namespace SortLine.Service.Line;

/// <summary>
/// Applies a <see cref="SpectralPreprocessing"/> plan to raw camera lines: reflectance, Savitzky-Golay along bands, hull
/// quotient per pixel, plus the brightness foreground mask. Owns its scratch: one instance per worker (not thread-safe).
/// </summary>
/// <remarks>Allocates only in the constructor.</remarks>
internal sealed class LinePreprocessor
{
    private readonly float[] _reflectance;
    private readonly float[] _smoothed;
    private readonly int[] _hull;

    /// <summary>Creates the preprocessor and its scratch for one plan.</summary>
    public LinePreprocessor(SpectralPreprocessing plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        Plan = plan;
        _reflectance = new float[plan.Pixels * plan.Bands];
        _smoothed = new float[plan.Bands];
        _hull = new int[plan.Bands];
        Features = new float[plan.Pixels * plan.Bands];
        Foreground = new bool[plan.Pixels];
    }

    /// <summary>Gets the plan.</summary>
    public SpectralPreprocessing Plan { get; }

    /// <summary>Gets the last line's features (hull quotients), pixels × bands, pixel-interleaved.</summary>
    public float[] Features { get; }

    /// <summary>Gets the last line's foreground mask (true: brighter than the belt threshold).</summary>
    public bool[] Foreground { get; }

    /// <summary>Preprocesses one raw line into <see cref="Features"/> and <see cref="Foreground"/>.</summary>
    /// <param name="raw">Pixels × bands DN, pixel-interleaved.</param>
    /// <returns>The number of foreground pixels.</returns>
    public int Apply(ReadOnlySpan<ushort> raw)
    {
        SpectralPreprocessing plan = Plan;
        int bands = plan.Bands;
        plan.Calibration.Apply(raw, _reflectance);
        float threshold = (float)plan.BackgroundReflectanceThreshold;
        int foreground = 0;
        for (int p = 0; p < plan.Pixels; p++)
        {
            ReadOnlySpan<float> reflectance = _reflectance.AsSpan(p * bands, bands);
            float sum = 0;
            foreach (float r in reflectance)
            {
                sum += r;
            }

            bool isForeground = sum >= threshold * bands;
            Foreground[p] = isForeground;
            foreground += isForeground ? 1 : 0;
            plan.SavitzkyGolay.Apply(reflectance, _smoothed);
            HullQuotient.Apply<float>(plan.WavelengthsNm, _smoothed, Features.AsSpan(p * bands, bands), _hull);
        }

        return foreground;
    }
}
