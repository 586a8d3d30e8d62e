using SortLine.Learning.Models;
using SortLine.Learning.Retraining;
using SortLine.Learning.Student;
using SortLine.Spectra.Calibration;

namespace SortLine.Cli.Evidence;

/// <summary>What an MSKD evidence run measured, every accuracy against the simulator's ground truth.</summary>
/// <param name="Options">The run's settings.</param>
/// <param name="ClassNames">Class names (the teacher's order).</param>
/// <param name="Teacher">The teacher's labels at accepted LIBS points whose spot covered one material only.</param>
/// <param name="Student">The champion student (float line classifier) on the held-out lines' pure pixels.</param>
/// <param name="Baseline">PCA (98 %) + k-means on the same pixels, clusters mapped to classes by majority on them.</param>
/// <param name="BaselineComponents">Principal components the baseline kept.</param>
/// <param name="Champion">The student model the session promoted.</param>
/// <param name="Retrain">The session's retrain record.</param>
/// <param name="LibsPoints">LIBS points shot.</param>
/// <param name="LibsAccepted">Points the feature extractor accepted.</param>
/// <param name="Pairs">Pairs in the training buffer at the retrain.</param>
/// <param name="EdgePairs">Pairs flagged as edge pairs (all pairs, whole run).</param>
/// <param name="GrainPixels">Held-out pure pixels inside a grain (their material differs from the particle's main one).</param>
/// <param name="MixedPixelsExcluded">Held-out pixels left out because their footprint covered more than one material.</param>
/// <param name="Agreement">The live teacher agreement after the held-out lines.</param>
/// <param name="RegistrationRmsMm">RMS residual of the LIBS → SWIR registration over the calibration targets, mm.</param>
/// <param name="Calibration">The camera calibration the spectra were preprocessed with (to preprocess a recording the same way).</param>
/// <param name="BandCentersNm">The camera's band centres, nm.</param>
internal sealed record MskdEvidenceReport(
    MskdEvidenceOptions Options,
    IReadOnlyList<string> ClassNames,
    StudentEvaluation Teacher,
    StudentEvaluation Student,
    StudentEvaluation Baseline,
    int BaselineComponents,
    StudentModel Champion,
    RetrainingResult Retrain,
    long LibsPoints,
    long LibsAccepted,
    int Pairs,
    long EdgePairs,
    long GrainPixels,
    long MixedPixelsExcluded,
    TeacherAgreement Agreement,
    double RegistrationRmsMm,
    ReflectanceCalibration Calibration,
    IReadOnlyList<double> BandCentersNm);
