namespace SortLine.Spectra.Features;

/// <summary>One emission line of an element used as a LIBS feature.</summary>
/// <param name="Element">The element symbol (e.g. "Li"); lines with the same symbol are aggregated together.</param>
/// <param name="WavelengthNm">The line's wavelength in nm (air or vacuum as the spectrometer calibration uses).</param>
/// <remarks>Units: nanometres.</remarks>
public readonly record struct ElementLine(string Element, double WavelengthNm);
