using SortLine.Sensors.Encoder;

namespace SortLine.Learning.Pairing;

/// <summary>
/// One calibration target seen by both sensors: where the LIBS scanner hit it (instrument frame, at the shot's encoder
/// position) and where the SWIR camera imaged it (pixel column, at the line's encoder position).
/// </summary>
/// <param name="LibsXMm">Across-belt spot position in the LIBS instrument frame, mm.</param>
/// <param name="LibsYMm">Along-belt spot position in the LIBS instrument frame, mm.</param>
/// <param name="LibsEncoder">Belt position when the LIBS shot hit the target.</param>
/// <param name="SwirColumn">The target's (sub-)pixel column in the SWIR line, pixels from pixel 0's centre.</param>
/// <param name="SwirEncoder">Belt position of the SWIR line in which the target's centre was imaged.</param>
public readonly record struct RegistrationTarget(
    double LibsXMm,
    double LibsYMm,
    EncoderPosition LibsEncoder,
    double SwirColumn,
    EncoderPosition SwirEncoder);
