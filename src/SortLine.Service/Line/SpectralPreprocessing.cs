using SortLine.Spectra.Calibration;
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
    /// <summary>Gets the pixels per line.</summary>
    public int Pixels => Calibration.Pixels;

    /// <summary>Gets the bands per pixel.</summary>
    public int Bands => Calibration.Bands;
}
