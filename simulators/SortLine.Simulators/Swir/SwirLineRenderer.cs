using System.Runtime.Intrinsics;

namespace SortLine.Simulators.Swir;

/// <summary>
/// Turns one pixel's reflectance spectrum into detector counts:
/// DN = clip(round(dark + s + √(s / K + σ²_read) · z)), s = gain · illumination · reflectance, z standard normal.
/// Shot noise is the normal approximation of Poisson(s·K) electrons, exact to within λ^-1/2 skewness; the camera
/// redraws elements with fewer than <see cref="ExactPoissonBelowElectrons"/> electrons exactly.
/// </summary>
/// <remarks>Vector (Vector256/Vector128) and scalar paths give bit-identical results: the same IEEE operations in the
/// same order (no fused multiply-add), correctly rounded square root, and truncation of a non-negative value + 0.5.</remarks>
internal static partial class SwirLineRenderer
{
    /// <summary>Below this mean signal (electrons) the normal approximation of shot noise is not used.</summary>
    public const float ExactPoissonBelowElectrons = 30f;

    /// <summary>Renders one pixel (all bands).</summary>
    public static void Render(ReadOnlySpan<float> reflectance, ReadOnlySpan<float> dark, ReadOnlySpan<float> gain,
        ReadOnlySpan<float> noise, in DetectorModel model, Span<ushort> destination)
    {
        System.Diagnostics.Debug.Assert(dark.Length == reflectance.Length && gain.Length == reflectance.Length, "One value per band.");
        System.Diagnostics.Debug.Assert(noise.Length >= reflectance.Length && destination.Length == reflectance.Length, "Enough noise and room.");
        int done = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            done = RenderVector256(reflectance, dark, gain, noise, model, destination);
        }
        else if (Vector128.IsHardwareAccelerated)
        {
            done = RenderVector128(reflectance, dark, gain, noise, model, destination);
        }

        RenderScalar(reflectance[done..], dark[done..], gain[done..], noise[done..], model, destination[done..]);
    }
}
