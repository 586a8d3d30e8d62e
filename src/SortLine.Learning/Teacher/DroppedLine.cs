using SortLine.Spectra.Features;

namespace SortLine.Learning.Teacher;

/// <summary>A configured element line that the spectrometer cannot measure, and why.</summary>
/// <param name="Line">The line (element and wavelength in nm).</param>
/// <param name="Reason">Why it was dropped (e.g. its window lies outside the covered range).</param>
public sealed record DroppedLine(ElementLine Line, string Reason);
