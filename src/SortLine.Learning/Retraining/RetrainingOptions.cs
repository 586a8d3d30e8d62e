using System.Globalization;

namespace SortLine.Learning.Retraining;

/// <summary>
/// Settings of the MSKD retraining loop (<see cref="MskdSession"/>): when to retrain, on how much data, how the
/// challenger is checked against the champion, how the teacher is bootstrapped and how teacher agreement is watched.
/// </summary>
/// <remarks>
/// Every setter rejects a value outside its own range with <see cref="ArgumentOutOfRangeException"/>; <see cref="Validate"/>
/// checks the rules between fields. Times are <see cref="TimeSpan"/>s; fractions and margins are shares in [0, 1]
/// (accuracy points: 0.01 = one percentage point).
/// </remarks>
public sealed class RetrainingOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "SortLine:Learning:Retraining";

    private readonly TimeSpan _interval = TimeSpan.FromMinutes(30);
    private readonly int _minPairs = 500;
    private readonly int _windowPairs = 20_000;
    private readonly double _heldOutFraction = 0.2;
    private readonly double _promotionMargin = 0.005;
    private readonly int _maxComponents = 30;
    private readonly int _foldCount = 5;
    private readonly int _teacherBootstrapPoints = 500;
    private readonly int _agreementWindowPairs = 500;
    private readonly double _agreementAlarmBelow = 0.8;
    private readonly int _agreementMinPairs = 100;
    private readonly string _teacherFileName = "teacher.json";

    /// <summary>Gets the time between scheduled retrains (&gt; 0, at most 7 days). Default 30 min. The schedule runs on
    /// the session's <see cref="TimeProvider"/>; on-demand retrains (<see cref="MskdSession.RequestRetrain"/>) come on top.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive or above 7 days.</exception>
    public TimeSpan RetrainInterval
    {
        get => _interval;
        init
        {
            if (value <= TimeSpan.Zero || value > TimeSpan.FromDays(7))
            {
                throw new ArgumentOutOfRangeException(nameof(RetrainInterval), value, "The retrain interval must lie in (0, 7 days].");
            }

            _interval = value;
        }
    }

    /// <summary>Gets the least number of pairs in the window for a retrain to run (≥ 20). Default 500. With fewer, the retrain
    /// is skipped (<see cref="RetrainingOutcome.Skipped"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 20.</exception>
    public int MinPairs
    {
        get => _minPairs;
        init => _minPairs = InRange(value, 20, int.MaxValue, nameof(MinPairs));
    }

    /// <summary>Gets the training window: the most recent pairs of the training buffer a retrain reads (≥ 20). Default 20,000.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 20.</exception>
    public int WindowPairs
    {
        get => _windowPairs;
        init => _windowPairs = InRange(value, 20, int.MaxValue, nameof(WindowPairs));
    }

    /// <summary>Gets the share of the window, taken from its most recent end, held out from the fit to compare champion
    /// and challenger on, in [0.05, 0.5]. Default 0.2.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside [0.05, 0.5].</exception>
    public double HeldOutFraction
    {
        get => _heldOutFraction;
        init => _heldOutFraction = InRange(value, 0.05, 0.5, nameof(HeldOutFraction));
    }

    /// <summary>Gets how much higher the challenger's held-out accuracy (against the teacher) must be than the champion's for
    /// it to be promoted: promoted when challenger − champion &gt; margin, in [0, 0.5]. Default 0.005 (half a percentage point).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside [0, 0.5].</exception>
    public double PromotionMargin
    {
        get => _promotionMargin;
        init => _promotionMargin = InRange(value, 0, 0.5, nameof(PromotionMargin));
    }

    /// <summary>Gets A_max, the largest number of PLS components cross-validated, in [1, 100]. Default 30.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside [1, 100].</exception>
    public int MaxComponents
    {
        get => _maxComponents;
        init => _maxComponents = InRange(value, 1, 100, nameof(MaxComponents));
    }

    /// <summary>Gets the number of stratified cross-validation folds, in [2, 20]. Default 5.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside [2, 20].</exception>
    public int FoldCount
    {
        get => _foldCount;
        init => _foldCount = InRange(value, 2, 20, nameof(FoldCount));
    }

    /// <summary>Gets the seed of the cross-validation fold assignment. Default 0.</summary>
    public ulong Seed { get; init; }

    /// <summary>Gets the number of accepted LIBS points the teacher is fitted on when no teacher file exists yet (the
    /// bootstrap batch), in [10, 1,000,000]. Default 500.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside [10, 1,000,000].</exception>
    public int TeacherBootstrapPoints
    {
        get => _teacherBootstrapPoints;
        init => _teacherBootstrapPoints = InRange(value, 10, 1_000_000, nameof(TeacherBootstrapPoints));
    }

    /// <summary>Gets the file name of the persisted teacher (JSON, <see cref="Teacher.TeacherModel.ToJson"/>) in the registry's
    /// root folder. Default <c>teacher.json</c>.</summary>
    /// <exception cref="ArgumentException">The value is blank or contains a path separator.</exception>
    public string TeacherFileName
    {
        get => _teacherFileName;
        init
        {
            if (string.IsNullOrWhiteSpace(value) || value.IndexOfAny(['/', '\\']) >= 0 || value is "." or "..")
            {
                throw new ArgumentException($"'{value}' is not a plain file name.", nameof(TeacherFileName));
            }

            _teacherFileName = value;
        }
    }

    /// <summary>Gets the number of most recent paired LIBS points the teacher agreement is computed over, in [1, 1,000,000].
    /// Default 500.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside [1, 1,000,000].</exception>
    public int AgreementWindowPairs
    {
        get => _agreementWindowPairs;
        init => _agreementWindowPairs = InRange(value, 1, 1_000_000, nameof(AgreementWindowPairs));
    }

    /// <summary>Gets the agreement below which the drift alarm is raised, in [0, 1]. Default 0.8.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside [0, 1].</exception>
    public double AgreementAlarmBelow
    {
        get => _agreementAlarmBelow;
        init => _agreementAlarmBelow = InRange(value, 0, 1, nameof(AgreementAlarmBelow));
    }

    /// <summary>Gets the least number of pairs in the agreement window before the alarm may be raised (≥ 1). Default 100.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
    public int AgreementMinPairs
    {
        get => _agreementMinPairs;
        init => _agreementMinPairs = InRange(value, 1, int.MaxValue, nameof(AgreementMinPairs));
    }

    /// <summary>Checks the rules between fields.</summary>
    /// <exception cref="ArgumentException"><see cref="MinPairs"/> exceeds <see cref="WindowPairs"/>, the held-out slice of
    /// <see cref="MinPairs"/> would be empty or leave fewer training pairs than folds, or <see cref="AgreementMinPairs"/>
    /// exceeds <see cref="AgreementWindowPairs"/>.</exception>
    public void Validate()
    {
        if (MinPairs > WindowPairs)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"MinPairs ({MinPairs}) must not exceed WindowPairs ({WindowPairs})."), nameof(MinPairs));
        }

        int heldOut = HeldOutCount(MinPairs);
        if (heldOut < 1 || MinPairs - heldOut < FoldCount)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"MinPairs ({MinPairs}) with HeldOutFraction {HeldOutFraction} leaves {heldOut} held-out and {MinPairs - heldOut} training pairs; at least 1 and FoldCount ({FoldCount}) are needed."),
                nameof(MinPairs));
        }

        if (AgreementMinPairs > AgreementWindowPairs)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"AgreementMinPairs ({AgreementMinPairs}) must not exceed AgreementWindowPairs ({AgreementWindowPairs})."), nameof(AgreementMinPairs));
        }
    }

    /// <summary>The number of held-out pairs for a window of <paramref name="pairs"/>: the fraction, rounded, at least 1.</summary>
    internal int HeldOutCount(int pairs) => Math.Max(1, (int)Math.Round(pairs * HeldOutFraction, MidpointRounding.AwayFromZero));

    private static int InRange(int value, int min, int max, string name)
    {
        if (value < min || value > max)
        {
            throw new ArgumentOutOfRangeException(name, value, string.Create(CultureInfo.InvariantCulture, $"{name} must be in [{min}, {max}]."));
        }

        return value;
    }

    private static double InRange(double value, double min, double max, string name)
    {
        if (!(value >= min && value <= max))
        {
            throw new ArgumentOutOfRangeException(name, value, string.Create(CultureInfo.InvariantCulture, $"{name} must be in [{min}, {max}]."));
        }

        return value;
    }
}
