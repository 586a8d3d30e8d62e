using SortLine.Simulators.Belt;
using SortLine.Spectra.Resampling;

namespace SortLine.Simulators.Library;

/// <summary>
/// The reflectance of every scene material on a camera's bands: each mineral's USGS spectrum resampled with Gaussian
/// spectral response functions (<see cref="BandResamplingPlan"/>, which uses the library's per-channel FWHM and the
/// camera's band FWHM), and the belt either flat or a library entry.
/// </summary>
public static class MaterialSpectra
{
    /// <summary>Builds the table: one array of reflectance per material of <paramref name="scene"/>, one value per band.</summary>
    /// <param name="library">The mineral library.</param>
    /// <param name="scene">The scene whose materials (<see cref="BeltScene.MaterialNames"/>) are rendered.</param>
    /// <param name="bandCentersNm">The camera's band centres, nm, strictly increasing.</param>
    /// <param name="bandFwhmNm">The camera's band FWHMs, nm.</param>
    /// <returns>Reflectance per material (index as <see cref="BeltScene.MaterialNames"/>) and band.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="KeyNotFoundException">A scene mineral is not in the library.</exception>
    /// <exception cref="ArgumentException">The camera bands lie outside a library spectrum's range or are malformed.</exception>
    public static float[][] Build(MineralLibrary library, BeltScene scene, IReadOnlyList<double> bandCentersNm, IReadOnlyList<double> bandFwhmNm)
    {
        ArgumentNullException.ThrowIfNull(library);
        ArgumentNullException.ThrowIfNull(scene);
        ArgumentNullException.ThrowIfNull(bandCentersNm);
        ArgumentNullException.ThrowIfNull(bandFwhmNm);
        double[] centres = [.. bandCentersNm];
        double[] fwhm = [.. bandFwhmNm];
        var result = new float[scene.MaterialCount][];
        for (int m = 0; m < scene.MaterialCount; m++)
        {
            if (m == scene.BeltMaterial && scene.Options.BeltLibraryMineral is null)
            {
                result[m] = new float[centres.Length];
                Array.Fill(result[m], (float)scene.Options.BeltReflectance);
                continue;
            }

            string mineral = m == scene.BeltMaterial ? scene.Options.BeltLibraryMineral! : scene.MaterialNames[m];
            result[m] = Resample(library.Find(mineral), centres, fwhm);
        }

        return result;
    }

    /// <summary>Resamples one library spectrum onto the given bands (values clamped to 0-1).</summary>
    /// <param name="spectrum">The library spectrum.</param>
    /// <param name="bandCentersNm">Target band centres, nm.</param>
    /// <param name="bandFwhmNm">Target band FWHMs, nm.</param>
    /// <returns>The reflectance per target band.</returns>
    /// <exception cref="ArgumentException">A target band lies outside the spectrum's range.</exception>
    public static float[] Resample(MineralSpectrum spectrum, ReadOnlySpan<double> bandCentersNm, ReadOnlySpan<double> bandFwhmNm)
    {
        ArgumentNullException.ThrowIfNull(spectrum);
        BandResamplingPlan plan = BandResamplingPlan.Create(spectrum.WavelengthArray, spectrum.FwhmArray, bandCentersNm, bandFwhmNm);
        var values = new double[bandCentersNm.Length];
        plan.Apply(spectrum.ReflectanceArray, values);
        var result = new float[values.Length];
        for (int b = 0; b < values.Length; b++)
        {
            result[b] = (float)Math.Clamp(values[b], 0, 1);
        }

        return result;
    }
}
