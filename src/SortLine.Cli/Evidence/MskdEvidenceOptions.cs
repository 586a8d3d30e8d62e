using System.Globalization;

namespace SortLine.Cli.Evidence;

/// <summary>Settings of one MSKD evidence run on the simulated belt (<see cref="MskdEvidence"/>).</summary>
internal sealed record MskdEvidenceOptions
{
    /// <summary>Gets the simulator's master seed.</summary>
    public long Seed { get; init; } = 42;

    /// <summary>Gets the number of belt lines (after calibration): the first <see cref="TrainingFraction"/> train, the rest
    /// are the held-out pixels the student and the baseline are scored on.</summary>
    public int Lines { get; init; } = 4000;

    /// <summary>Gets the share of the belt lines whose LIBS points train the teacher and the student, in (0, 1).</summary>
    public double TrainingFraction { get; init; } = 0.6;

    /// <summary>Gets the LIBS shot rate, points/s (the simulator's camera runs at 670 lines/s).</summary>
    public double LibsPointRateHz { get; init; } = 400;

    /// <summary>Gets the number of dark and of white reference lines averaged for the calibration.</summary>
    public int CalibrationLines { get; init; } = 64;

    /// <summary>Gets the number of accepted LIBS points the teacher is bootstrapped on.</summary>
    public int TeacherBootstrapPoints { get; init; } = 300;

    /// <summary>Gets the largest number of SWIR spectra the PCA + k-means baseline is fitted on (a regular sample of the
    /// training lines' pixels).</summary>
    public int BaselineSamples { get; init; } = 4_000;

    /// <summary>Gets an ENVI recording base path (e.g. <c>/tmp/x/belt</c>) the first <see cref="RecordedLines"/> held-out raw
    /// lines are written to with <c>EnviSwirRecorder</c>, or null (default) for no recording.</summary>
    public string? RecordingBasePath { get; init; }

    /// <summary>Gets how many held-out lines are recorded when <see cref="RecordingBasePath"/> is set.</summary>
    public int RecordedLines { get; init; } = 200;

    /// <summary>Gets the folder for the training buffer and the registry (null: a new temporary folder, deleted afterwards).</summary>
    public string? WorkDirectory { get; init; }

    /// <summary>Checks the values.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
    public void Validate()
    {
        Check(Lines >= 200, Lines, nameof(Lines), "at least 200");
        Check(TrainingFraction > 0 && TrainingFraction < 1, TrainingFraction, nameof(TrainingFraction), "in (0, 1)");
        Check(LibsPointRateHz is >= 1 and <= 1000, LibsPointRateHz, nameof(LibsPointRateHz), "in [1, 1000] Hz");
        Check(CalibrationLines >= 1, CalibrationLines, nameof(CalibrationLines), "at least 1");
        Check(TeacherBootstrapPoints >= 10, TeacherBootstrapPoints, nameof(TeacherBootstrapPoints), "at least 10");
        Check(BaselineSamples >= 100, BaselineSamples, nameof(BaselineSamples), "at least 100");
    }

    private static void Check(bool ok, object value, string name, string rule)
    {
        if (!ok)
        {
            throw new ArgumentOutOfRangeException(name, value, string.Create(CultureInfo.InvariantCulture, $"{name} must be {rule}."));
        }
    }
}
