namespace SortLine.Learning.Models;

/// <summary>
/// The SWIR preprocessing a student model expects its input to have had, in order: reflectance against the
/// dark and white references, Savitzky–Golay along bands, then (optionally) the hull quotient.
/// </summary>
/// <param name="DarkReference">The dark reference frame used for reflectance.</param>
/// <param name="WhiteReference">The white reference frame used for reflectance.</param>
/// <param name="SavitzkyGolayWindow">Savitzky–Golay window length in bands (odd, ≥ 3).</param>
/// <param name="SavitzkyGolayOrder">Savitzky–Golay polynomial order (&lt; window).</param>
/// <param name="SavitzkyGolayDerivative">Savitzky–Golay derivative order (0 = smoothing only; ≤ order).</param>
/// <param name="HullQuotient">Whether the hull quotient (continuum removal) is applied after smoothing.</param>
public sealed record PreprocessingParameters(
    ReferenceFrameIdentity DarkReference,
    ReferenceFrameIdentity WhiteReference,
    int SavitzkyGolayWindow,
    int SavitzkyGolayOrder,
    int SavitzkyGolayDerivative,
    bool HullQuotient);
