namespace SortLine.Learning.Models;

/// <summary>One point of the cross-validation curve used to choose the number of PLS components.</summary>
/// <param name="Components">Number of PLS latent components (≥ 1).</param>
/// <param name="ErrorRate">Cross-validated misclassification rate against the teacher labels, in [0, 1].</param>
public sealed record CrossValidationPoint(int Components, double ErrorRate);
