namespace SortLine.Cli.Evidence;

/// <summary>One method's line of the evidence table.</summary>
/// <param name="Method">What was scored.</param>
/// <param name="Count">Samples scored (pure LIBS points or pure held-out pixels).</param>
/// <param name="Accuracy">Share correct against the ground truth.</param>
/// <param name="BalancedAccuracy">Mean recall over the classes present.</param>
/// <param name="Recall">Recall per class (NaN for a class without samples).</param>
/// <param name="Confusion">Confusion matrix [truth, predicted].</param>
internal sealed record MskdEvidenceRow(string Method, int Count, double Accuracy, double BalancedAccuracy, IReadOnlyList<double> Recall, int[,] Confusion);
