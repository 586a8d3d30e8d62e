using SortLine.Learning.Retraining;

namespace SortLine.Learning.Tests.Retraining;

public sealed class RetrainingOptionsTests
{
    [Fact]
    public void Validate_Defaults_Pass() => new RetrainingOptions().Validate();

    [Theory]
    [InlineData(nameof(RetrainingOptions.RetrainInterval))]
    [InlineData(nameof(RetrainingOptions.MinPairs))]
    [InlineData(nameof(RetrainingOptions.HeldOutFraction))]
    [InlineData(nameof(RetrainingOptions.PromotionMargin))]
    [InlineData(nameof(RetrainingOptions.MaxComponents))]
    [InlineData(nameof(RetrainingOptions.FoldCount))]
    [InlineData(nameof(RetrainingOptions.TeacherBootstrapPoints))]
    [InlineData(nameof(RetrainingOptions.AgreementAlarmBelow))]
    public void Init_OutOfRange_ThrowsNamingTheProperty(string property)
    {
        Func<RetrainingOptions> create = property switch
        {
            nameof(RetrainingOptions.RetrainInterval) => () => new RetrainingOptions { RetrainInterval = TimeSpan.Zero },
            nameof(RetrainingOptions.MinPairs) => () => new RetrainingOptions { MinPairs = 19 },
            nameof(RetrainingOptions.HeldOutFraction) => () => new RetrainingOptions { HeldOutFraction = 0.6 },
            nameof(RetrainingOptions.PromotionMargin) => () => new RetrainingOptions { PromotionMargin = -0.01 },
            nameof(RetrainingOptions.MaxComponents) => () => new RetrainingOptions { MaxComponents = 0 },
            nameof(RetrainingOptions.FoldCount) => () => new RetrainingOptions { FoldCount = 1 },
            nameof(RetrainingOptions.TeacherBootstrapPoints) => () => new RetrainingOptions { TeacherBootstrapPoints = 9 },
            _ => () => new RetrainingOptions { AgreementAlarmBelow = double.NaN },
        };

        var e = Assert.Throws<ArgumentOutOfRangeException>(create);

        Assert.Equal(property, e.ParamName);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a/teacher.json")]
    [InlineData("..")]
    public void TeacherFileName_NotAPlainName_Throws(string name) =>
        Assert.Throws<ArgumentException>(() => new RetrainingOptions { TeacherFileName = name });

    [Fact]
    public void Validate_MinPairsAboveWindow_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => new RetrainingOptions { MinPairs = 1000, WindowPairs = 500 }.Validate());
        Assert.Contains("WindowPairs", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MinPairsLeaveFewerTrainingPairsThanFolds_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => new RetrainingOptions { MinPairs = 20, HeldOutFraction = 0.5, FoldCount = 15 }.Validate());
        Assert.Contains("FoldCount", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_AgreementMinPairsAboveWindow_Throws() =>
        Assert.Throws<ArgumentException>(() => new RetrainingOptions { AgreementMinPairs = 600, AgreementWindowPairs = 500 }.Validate());

    [Theory]
    [InlineData(100, 0.2, 20)]
    [InlineData(101, 0.2, 20)]
    [InlineData(20, 0.05, 1)]
    [InlineData(20_000, 0.2, 4_000)]
    public void HeldOutCount_IsRoundedFractionAtLeastOne(int pairs, double fraction, int expected) =>
        Assert.Equal(expected, new RetrainingOptions { HeldOutFraction = fraction }.HeldOutCount(pairs));
}
