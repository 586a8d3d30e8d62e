using SortLine.Spectra.Regression;

namespace SortLine.Learning.Student;

/// <summary>The outcome of <see cref="StudentTrainer"/>: the deployable affine student and how it was chosen.</summary>
/// <param name="Model">The PLS-DA model collapsed to y = W x + b (outputs in <paramref name="ClassNames"/> order; class =
/// argmax), ready for <see cref="SortLine.Spectra.Classification.AffineClassifier"/> and the model file.</param>
/// <param name="ClassNames">Class names, output order.</param>
/// <param name="Components">The number of PLS components A of the model.</param>
/// <param name="CrossValidationErrorRate">CV misclassification rate for A = 1 … A_max (index A − 1); empty when the
/// components were fixed.</param>
/// <param name="TrainingCount">Samples the model was fitted on.</param>
/// <param name="ExcludedCount">Pairs left out (edge pairs under <see cref="EdgePairPolicy.Exclude"/>, low confidence).</param>
/// <param name="HeldOut">Evaluation on the held-out set, when one was given.</param>
public sealed record StudentFit(
    AffineModel Model,
    IReadOnlyList<string> ClassNames,
    int Components,
    IReadOnlyList<double> CrossValidationErrorRate,
    int TrainingCount,
    int ExcludedCount,
    StudentEvaluation? HeldOut);
