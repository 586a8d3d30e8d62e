namespace SortLine.Learning.Teacher;

/// <summary>What <see cref="LibsFeatureExtractor"/> measured for one point, whether or not it was accepted.</summary>
/// <param name="Reason"><see cref="LibsRejectReason.None"/> when the features are valid, otherwise why not.</param>
/// <param name="NoiseSigma">Robust noise standard deviation σ of the baseline-corrected spectrum (spectrum units; 0 when
/// not computed, i.e. for <see cref="LibsRejectReason.NonFinite"/>).</param>
/// <param name="EmissionChannels">Channels more than <see cref="TeacherOptions.EmissionThresholdSigma"/> σ above the
/// corrected spectrum's median.</param>
/// <param name="LineSignalToNoise">Σ max(heightₗ, 0) / σ over the measured lines (0 when not computed).</param>
public readonly record struct LibsExtractionDiagnostics(
    LibsRejectReason Reason,
    double NoiseSigma,
    int EmissionChannels,
    double LineSignalToNoise)
{
    /// <summary>Gets a value indicating whether the point was accepted.</summary>
    public bool IsAccepted => Reason == LibsRejectReason.None;
}
