using SortLine.Pipeline.Inference;
using SortLine.Spectra.Calibration;
using SortLine.Spectra.Continuum;
using SortLine.Spectra.Smoothing;

namespace SortLine.Service.Line;

/// <summary>
/// The immutable preprocessing plan of the running line (methods brief §2): reflectance calibration from the dark and
/// white references, the Savitzky-Golay plan and the band wavelengths for the hull quotient. Built once per calibration.
/// </summary>
/// <param name="Calibration">Dark/white reflectance calibration.</param>
/// <param name="SavitzkyGolay">Smoothing along bands.</param>
/// <param name="WavelengthsNm">Band centres, nm (strictly increasing), for the hull quotient.</param>
/// <param name="BackgroundReflectanceThreshold">Mean reflectance below which a pixel is belt.</param>
internal sealed record SpectralPreprocessing(
    ReflectanceCalibration Calibration,
    SavitzkyGolayPlan SavitzkyGolay,
    float[] WavelengthsNm,
    double BackgroundReflectanceThreshold)
{
    /// <summary>Gets the pipeline's form of this plan (what the classification stage and the MSKD history apply), built once.</summary>
    /// <remarks>The hull quotient plan is built over the float wavelengths, the axis the float kernels use.</remarks>
    public LinePreprocessing Line { get; } = new(Calibration, SavitzkyGolay,
        new HullQuotientPlan(Array.ConvertAll(WavelengthsNm, w => (double)w)), BackgroundReflectanceThreshold);

    /// <summary>Gets the pixels per line.</summary>
    public int Pixels => Calibration.Pixels;

    /// <summary>Gets the bands per pixel.</summary>
    public int Bands => Calibration.Bands;
}
