namespace SortLine.Learning.Models;

/// <summary>Where a student model came from: how much data, from when, and how the fit was chosen and scored.</summary>
/// <param name="PairCount">Number of (SWIR spectrum, teacher label) pairs used for the fit (≥ 1).</param>
/// <param name="Window">The belt and time span of the training data.</param>
/// <param name="Components">The chosen number of PLS latent components (≥ 1).</param>
/// <param name="CrossValidation">The cross-validation curve (error rate per component count), in increasing component order.</param>
/// <param name="HeldOut">Metrics on held-out pairs.</param>
public sealed record TrainingProvenance(
    int PairCount,
    TrainingWindow Window,
    int Components,
    IReadOnlyList<CrossValidationPoint> CrossValidation,
    HeldOutMetrics HeldOut);
