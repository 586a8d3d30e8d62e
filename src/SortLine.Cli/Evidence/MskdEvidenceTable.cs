using SortLine.Learning.Student;

namespace SortLine.Cli.Evidence;

/// <summary>
/// The numbers the <c>mskd-evidence</c> command prints, taken from a report: one row per method (teacher, student,
/// baseline) and each method's confusion matrix. Kept apart from the console rendering so that tests can compare it with
/// the library's evaluation.
/// </summary>
/// <param name="ClassNames">Class names (rows and columns of the confusion matrices).</param>
/// <param name="Rows">The summary rows.</param>
/// <param name="StudentComponents">The student's PLS components.</param>
/// <param name="BaselineComponents">The baseline's principal components.</param>
internal sealed record MskdEvidenceTable(
    IReadOnlyList<string> ClassNames,
    IReadOnlyList<MskdEvidenceRow> Rows,
    int StudentComponents,
    int BaselineComponents)
{
    /// <summary>The teacher row's method name.</summary>
    public const string TeacherMethod = "LIBS teacher (k-means), at LIBS points";

    /// <summary>The student row's method name.</summary>
    public const string StudentMethod = "SWIR student (PLS-DA, MSKD), held-out pixels";

    /// <summary>The baseline row's method name.</summary>
    public const string BaselineMethod = "SWIR PCA (98 %) + k-means, held-out pixels";

    /// <summary>Builds the table from a report.</summary>
    /// <param name="report">The evidence run's report.</param>
    /// <returns>The table.</returns>
    public static MskdEvidenceTable From(MskdEvidenceReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new MskdEvidenceTable(
            report.ClassNames,
            [Row(TeacherMethod, report.Teacher), Row(StudentMethod, report.Student), Row(BaselineMethod, report.Baseline)],
            report.Champion.Provenance.Components,
            report.BaselineComponents);
    }

    private static MskdEvidenceRow Row(string method, StudentEvaluation evaluation)
    {
        int classes = evaluation.ClassCount;
        var recall = new double[classes];
        var confusion = new int[classes, classes];
        double sum = 0;
        int present = 0;
        for (int t = 0; t < classes; t++)
        {
            recall[t] = evaluation.Recall(t);
            if (!double.IsNaN(recall[t]))
            {
                sum += recall[t];
                present++;
            }

            for (int p = 0; p < classes; p++)
            {
                confusion[t, p] = evaluation.Confusion[t, p];
            }
        }

        return new MskdEvidenceRow(method, evaluation.Count, evaluation.Accuracy, present == 0 ? double.NaN : sum / present, recall, confusion);
    }
}
