namespace SortLine.Simulators.Libs;

/// <summary>
/// A calibration target on the belt (a small marker both sensors see): where the SWIR camera sees it and where the LIBS
/// scanner hits it. Registering the two sets of coordinates (Kabsch-Umeyama) recovers the <see cref="LibsFrameTransform"/>.
/// </summary>
/// <param name="Id">Target number.</param>
/// <param name="SwirPixel">Continuous pixel coordinate of the target in the SWIR line (pixel p's centre is p).</param>
/// <param name="SwirEncoderCounts">Encoder count (fractional) at which the target crosses the SWIR scan line.</param>
/// <param name="LibsXMm">Instrument X of the target when the scanner hits it, mm.</param>
/// <param name="LibsYMm">Instrument Y of the target when the scanner hits it, mm.</param>
/// <param name="LibsEncoderCounts">Encoder count (fractional) at that moment.</param>
/// <param name="BeltAcrossMetres">The target's true belt position, across, m.</param>
/// <param name="BeltAlongMetres">The target's true belt position, along, m.</param>
public readonly record struct LibsCalibrationTarget(
    int Id, double SwirPixel, double SwirEncoderCounts, double LibsXMm, double LibsYMm, double LibsEncoderCounts,
    double BeltAcrossMetres, double BeltAlongMetres);
