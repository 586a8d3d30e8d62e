using Microsoft.Extensions.Options;

namespace SortLine.Pipeline.Tests;

public sealed class OptionsValidationTests
{
    [Fact]
    public void Defaults_AllValidatorsSucceed()
    {
        Assert.True(new ParticleOptionsValidator().Validate(null, new ParticleOptions()).Succeeded);
        Assert.True(new ParticleOptionsConsistencyValidator().Validate(null, new ParticleOptions()).Succeeded);
        Assert.True(new EjectionOptionsValidator().Validate(null, new EjectionOptions()).Succeeded);
        Assert.True(new EjectionOptionsConsistencyValidator().Validate(null, new EjectionOptions()).Succeeded);
        Assert.True(new PipelineOptionsValidator().Validate(null, new PipelineOptions()).Succeeded);
    }

    [Fact]
    public void ParticleOptions_OutOfRange_FailsWithMemberName()
    {
        ValidateOptionsResult result = new ParticleOptionsValidator().Validate(null, new ParticleOptions { MaxOpenParticles = 0 });

        Assert.True(result.Failed);
        Assert.Contains("MaxOpenParticles", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { 0 }, 5)]  // background is no target
    [InlineData(new[] { 6 }, 5)]  // beyond ClassCount
    [InlineData(new[] { 5 }, 5)]  // the reject class
    [InlineData(new[] { 1, 1 }, 5)]
    [InlineData(new[] { 1 }, 0)]  // background as reject
    [InlineData(new[] { 1 }, 6)]
    public void ParticleOptions_BadClassIds_FailConsistency(int[] targets, int reject)
    {
        var options = new ParticleOptions { ClassCount = 6, TargetClasses = targets, RejectClass = reject };

        Assert.True(new ParticleOptionsConsistencyValidator().Validate(null, options).Failed);
    }

    [Fact]
    public void EjectionOptions_ZeroMinimumPulse_Fails()
    {
        Assert.True(new EjectionOptionsConsistencyValidator().Validate(null, new EjectionOptions { MinimumPulse = TimeSpan.Zero }).Failed);
    }

    [Fact]
    public void EjectionOptions_BankNarrowerThanBelt_Fails()
    {
        ValidateOptionsResult result = new EjectionOptionsConsistencyValidator().Validate(null, new EjectionOptions { ValveCount = 63 });

        Assert.True(result.Failed);
        Assert.Contains("does not cover", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(44.0, true)]  // (5 ms + 10 ms) × 3 m/s = 45 mm, plus 5 mm pre-margin = 50 mm
    [InlineData(50.0, true)]
    [InlineData(50.5, false)]
    public void EjectionOptions_ScanToValveDistanceVersusReaction_FailsWhenTooShort(double distanceMm, bool fails)
    {
        ValidateOptionsResult result = new EjectionOptionsConsistencyValidator().Validate(null, new EjectionOptions { ScanToValveDistanceMm = distanceMm });

        Assert.Equal(fails, result.Failed);
    }

    [Fact]
    public void EjectionOptions_LatencyOutOfRange_FailsAnnotations()
    {
        Assert.True(new EjectionOptionsValidator().Validate(null, new EjectionOptions { ValveLatency = TimeSpan.FromSeconds(2) }).Failed);
    }

    [Fact]
    public void SectionNames_UnderSortLine()
    {
        Assert.Equal(["SortLine:Particles", "SortLine:Ejection", "SortLine:Pipeline"], new[] { ParticleOptions.SectionName, EjectionOptions.SectionName, PipelineOptions.SectionName });
    }
}
