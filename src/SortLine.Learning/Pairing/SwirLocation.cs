using SortLine.Sensors.Encoder;

namespace SortLine.Learning.Pairing;

/// <summary>Where a LIBS spot was imaged by the SWIR camera.</summary>
/// <param name="Column">The (sub-)pixel column, pixels (round to the nearest pixel for a spectrum).</param>
/// <param name="SwirEncoder">The belt position of the SWIR line that imaged the spot.</param>
/// <param name="AcrossMm">Across-belt position in the SWIR frame, mm (= <paramref name="Column"/> × pixel pitch).</param>
/// <param name="AlongMm">Belt travel from the SWIR scan line to the LIBS spot at the shot, mm.</param>
public readonly record struct SwirLocation(double Column, EncoderPosition SwirEncoder, double AcrossMm, double AlongMm);
