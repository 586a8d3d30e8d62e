namespace SortLine.Learning.Pairing;

/// <summary>Why <see cref="LibsToSwirRegistration.Estimate"/> refused the calibration targets.</summary>
public enum RegistrationFailure
{
    /// <summary>Fewer targets than <see cref="PairingOptions.MinRegistrationTargets"/>.</summary>
    TooFewTargets = 1,

    /// <summary>The targets coincide or are collinear, so they do not fix a rotation and scale.</summary>
    Degenerate = 2,

    /// <summary>The RMS residual of the fit exceeds <see cref="PairingOptions.MaxRegistrationRmsMm"/> (a mismatched or
    /// mis-measured target, or the frames are not related by a similarity).</summary>
    ResidualTooLarge = 3,
}
