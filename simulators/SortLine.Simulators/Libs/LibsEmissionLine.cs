namespace SortLine.Simulators.Libs;

/// <summary>One rendered emission line.</summary>
/// <param name="Element">Element symbol.</param>
/// <param name="WavelengthNm">Air wavelength from the NIST list, nm.</param>
/// <param name="RelativeIntensity">Peak height relative to the element's strongest line.</param>
public readonly record struct LibsEmissionLine(string Element, double WavelengthNm, double RelativeIntensity);
