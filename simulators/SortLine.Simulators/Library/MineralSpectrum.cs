namespace SortLine.Simulators.Library;

/// <summary>One laboratory reflectance spectrum of a mineral (USGS splib07a), as measured.</summary>
/// <remarks>Wavelengths and FWHM in nanometres (strictly increasing wavelengths); reflectance as a fraction (0..1).</remarks>
public sealed class MineralSpectrum
{
    internal MineralSpectrum(string mineral, string fileName, double[] wavelengthsNm, double[] reflectance, double[] fwhmNm)
    {
        Mineral = mineral;
        FileName = fileName;
        WavelengthArray = wavelengthsNm;
        ReflectanceArray = reflectance;
        FwhmArray = fwhmNm;
    }

    /// <summary>Gets the wavelengths as an array (not copied; never written).</summary>
    internal double[] WavelengthArray { get; }

    /// <summary>Gets the reflectance as an array (not copied; never written).</summary>
    internal double[] ReflectanceArray { get; }

    /// <summary>Gets the FWHM as an array (not copied; never written).</summary>
    internal double[] FwhmArray { get; }

    /// <summary>Gets the mineral name as the index gives it (e.g. "Lepidolite").</summary>
    public string Mineral { get; }

    /// <summary>Gets the spectrum's file name in the library folder.</summary>
    public string FileName { get; }

    /// <summary>Gets the channel wavelengths in nm.</summary>
    public IReadOnlyList<double> WavelengthsNm => WavelengthArray;

    /// <summary>Gets the reflectance per channel.</summary>
    public IReadOnlyList<double> Reflectance => ReflectanceArray;

    /// <summary>Gets the spectrometer's FWHM per channel in nm.</summary>
    public IReadOnlyList<double> FwhmNm => FwhmArray;
}
