using SortLine.Cli.Evidence;
using SortLine.Learning.Retraining;
using SortLine.Learning.Student;

namespace SortLine.Cli.Tests.Evidence;

/// <summary>
/// MSKD on the simulated belt, scored against the simulator's ground truth. Margins, and why the physics supports them:
/// the simulated minerals (USGS lepidolite, albite, quartz, muscovite) have distinct SWIR absorption features (Al-OH and
/// Si-OH near 2200 nm in the micas, none in quartz and albite, different continuum shapes) that survive 12-bit noise after
/// reflectance → SG(11, 2) → hull quotient, and pure pixels are pure spectra: a linear student can separate them almost
/// perfectly, so the goal of 95 % is a floor, not a stretch. The teacher sees element lines of a 0.5 mm spot: on a pure spot
/// it is near-perfect too, and the goal is literal: the student at least the teacher (it learns from the teacher's
/// labels, but has far fewer parameters than pairs, so the teacher's rare errors average out). PCA + k-means is unsupervised: its directions of largest variance are
/// brightness and noise (belt pixels dominate), so its clusters do not follow minerals; it must trail the student by at
/// least 10 points of accuracy and 20 points of balanced accuracy (on the belt-dominated pixel set plain accuracy flatters
/// any method that gets the belt right).
/// </summary>
[Collection(MskdEvidenceGroup.Name)]
public sealed class MskdEvidenceTests(MskdEvidenceFixture fixture)
{
    private readonly MskdEvidenceReport _report = fixture.Report;

    [Fact]
    public void Student_HeldOutPixels_ReachesTheGoal()
    {
        Assert.True(_report.Student.Accuracy >= 0.95, $"student accuracy {_report.Student.Accuracy:P2}");
        Assert.True(BalancedAccuracy(_report.Student) >= 0.95, $"student balanced accuracy {BalancedAccuracy(_report.Student):P2}");
        Assert.True(_report.Student.Count > 100_000, $"{_report.Student.Count} held-out pixels");
    }

    /// <summary>
    /// Student ≥ teacher, both against the simulator's ground truth on pure samples only (mixed samples have no single true
    /// class, for either sensor): the teacher on every accepted LIBS point of the run whose spot covered one material (its
    /// k-means is unsupervised, so the points it was fitted on carry no label leak); the student on every pure pixel of the
    /// held-out lines, which no training pair came from. Seed 42, 1,500 lines: teacher 855/855, student 214,728/214,728.
    /// </summary>
    [Fact]
    public void Student_AtLeastTheTeacher()
    {
        Assert.True(_report.Teacher.Accuracy >= 0.9, $"teacher accuracy {_report.Teacher.Accuracy:P2}");
        Assert.True(_report.Teacher.Count >= 500, $"{_report.Teacher.Count} pure LIBS points scored");
        Assert.True(_report.Student.Accuracy >= _report.Teacher.Accuracy,
            $"student {_report.Student.Accuracy:P4} ({_report.Student.Correct}/{_report.Student.Count} pure held-out pixels) vs teacher {_report.Teacher.Accuracy:P4} ({_report.Teacher.Correct}/{_report.Teacher.Count} pure LIBS points)");
    }

    [Fact]
    public void Baseline_PcaKMeans_ClearlyWorseThanTheStudent()
    {
        Assert.True(_report.Baseline.Accuracy <= _report.Student.Accuracy - 0.1,
            $"baseline {_report.Baseline.Accuracy:P2} vs student {_report.Student.Accuracy:P2}");
        Assert.True(BalancedAccuracy(_report.Baseline) <= BalancedAccuracy(_report.Student) - 0.2,
            $"baseline balanced {BalancedAccuracy(_report.Baseline):P2} vs student {BalancedAccuracy(_report.Student):P2}");
        Assert.Equal(_report.Student.Count, _report.Baseline.Count);
    }

    [Fact]
    public void Session_PromotedAChampionFromTheSimulatedPairs()
    {
        Assert.Equal(RetrainingOutcome.Promoted, _report.Retrain.Outcome);
        Assert.Equal(_report.Retrain.ChallengerVersion, _report.Champion.Version);
        Assert.True(_report.RegistrationRmsMm < 0.5, $"registration RMS {_report.RegistrationRmsMm} mm");
        Assert.True(_report.Agreement.Count > 0 && _report.Agreement.Agreement >= 0.9, $"live agreement {_report.Agreement}");
    }

    [Fact]
    public void Table_ValuesEqualTheLibraryEvaluation()
    {
        MskdEvidenceTable table = MskdEvidenceTable.From(_report);

        StudentEvaluation[] evaluations = [_report.Teacher, _report.Student, _report.Baseline];
        Assert.Equal([MskdEvidenceTable.TeacherMethod, MskdEvidenceTable.StudentMethod, MskdEvidenceTable.BaselineMethod], table.Rows.Select(r => r.Method));
        for (int i = 0; i < evaluations.Length; i++)
        {
            MskdEvidenceRow row = table.Rows[i];
            StudentEvaluation evaluation = evaluations[i];
            Assert.Equal(evaluation.Count, row.Count);
            Assert.Equal(evaluation.Accuracy, row.Accuracy);
            Assert.Equal(BalancedAccuracy(evaluation), row.BalancedAccuracy, 12);
            for (int t = 0; t < evaluation.ClassCount; t++)
            {
                Assert.Equal(evaluation.Recall(t), row.Recall[t]);
                for (int p = 0; p < evaluation.ClassCount; p++)
                {
                    Assert.Equal(evaluation.Confusion[t, p], row.Confusion[t, p]);
                }
            }
        }

        Assert.Equal(_report.Champion.Provenance.Components, table.StudentComponents);
        Assert.Equal(_report.Retrain.Components, table.StudentComponents);
        Assert.Equal(_report.BaselineComponents, table.BaselineComponents);
        Assert.Equal(_report.ClassNames, table.ClassNames);
    }

    /// <summary>Mean recall over the classes with samples (independent of the table's computation).</summary>
    private static double BalancedAccuracy(StudentEvaluation evaluation) =>
        Enumerable.Range(0, evaluation.ClassCount).Select(evaluation.Recall).Where(r => !double.IsNaN(r)).Average();
}
