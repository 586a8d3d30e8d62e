namespace SortLine.Learning.Models;

/// <summary>How the student did on training pairs held out from the fit (against the teacher's labels).</summary>
/// <param name="Count">Number of held-out pairs (≥ 0).</param>
/// <param name="Accuracy">Share classified as the teacher did, in [0, 1].</param>
/// <param name="BalancedAccuracy">Mean per-class recall, in [0, 1].</param>
/// <param name="PerClassRecall">Recall per class, in class order, each in [0, 1] (NaN is not allowed; a class
/// absent from the held-out set has recall 0 and is documented as such by the trainer).</param>
public sealed record HeldOutMetrics(int Count, double Accuracy, double BalancedAccuracy, IReadOnlyList<double> PerClassRecall);
