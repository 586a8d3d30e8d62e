using System.ComponentModel.DataAnnotations;

namespace SortLine.Service.Options;

/// <summary>How the first student is bootstrapped from LIBS (MSKD, methods brief §3-4).</summary>
/// <remarks>
/// Phase 1: the LIBS teacher (knowledge-initialised K-means) is fitted on the first <see cref="TeacherPoints"/> accepted
/// points. Phase 2: each later point is labelled by the teacher and paired with the SWIR pixel it hit, until
/// <see cref="StudentPairs"/> pairs; then the PLS-DA student is trained and put into service. At 100 points/s the
/// defaults take about 5 s + 10-20 s.
/// </remarks>
internal sealed class LearningOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "SortLine:Learning";

    /// <summary>Gets the accepted LIBS points the teacher is fitted on.</summary>
    [Range(10, 1_000_000)]
    public int TeacherPoints { get; set; } = 500;

    /// <summary>Gets the teacher-labelled pairs the first student is trained on.</summary>
    [Range(20, 1_000_000)]
    public int StudentPairs { get; set; } = 1200;

    /// <summary>Gets the largest number of PLS components tried in cross-validation.</summary>
    [Range(1, 100)]
    public int MaxComponents { get; set; } = 20;

    /// <summary>
    /// Gets whether the learning loop is the MSKD retraining session (<c>SortLine.Learning.Retraining.MskdSession</c>: teacher
    /// persisted, pairs in the training buffer, scheduled and on-demand retraining, champion/challenger in the registry);
    /// false runs the one-shot bootstrap (<see cref="TeacherPoints"/>, <see cref="StudentPairs"/>) without retraining.
    /// </summary>
    /// <remarks>The session's own settings are under <c>SortLine:Learning:Retraining</c>.</remarks>
    public bool UseRetrainingSession { get; set; } = true;

    /// <summary>Gets the model registry folder (relative paths are under the working directory).</summary>
    [Required]
    public string ModelDirectory { get; set; } = "models";
}
