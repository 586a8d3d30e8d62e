using Microsoft.Extensions.Logging;
using SortLine.OpcUa.AddressSpace;
using SortLine.OpcUa.Encoding;
using SortLine.Pipeline;
using SortLine.Pipeline.Particles;
using SortLine.Service.Tests.Infrastructure;
using SortLine.Service.Workers;

namespace SortLine.Service.Tests.Workers;

public sealed class PlcConfigurationTests
{
    private static readonly string[] Classes = ["background", "lepidolite", "albite", "quartz", "muscovite", "unknown"];
    private readonly ParticleRulesSlot _rules = new(ParticleRules.Create(new ParticleOptions { TargetClasses = [1], TargetFractionThreshold = 0.5, MinParticlePixels = 20 }));
    private readonly CapturingLogger _log = new();
    private readonly PlcConfiguration _configuration;

    public PlcConfigurationTests() => _configuration = new PlcConfiguration(_rules, Classes, _log);

    private static SortLineConfigurationChangedEventArgs Changed(SortLineConfiguration configuration, string? user, bool fromClient = true) =>
        new(configuration, fromClient ? new VariableWriter(user) : null);

    [Fact]
    public void Current_Rules_NamesForIdsAndValues()
    {
        _rules.Publish(_rules.Current.With([3, 2], 0.75, 42));

        SortLineConfiguration current = _configuration.Current;

        Assert.Equal(["quartz", "albite"], current.TargetClasses);
        Assert.Equal((0.75, 42u), (current.EjectThreshold, current.MinParticlePixels));
    }

    [Theory]
    [InlineData(new[] { "albite" }, 0.5, 20u)]
    [InlineData(new[] { "muscovite", "lepidolite" }, 1.0, 1u)]
    [InlineData(new[] { "quartz" }, 0.000001, 1_000_000u)]
    public void Validate_ValidConfiguration_Good(string[] targets, double threshold, uint minPixels)
    {
        Assert.Equal(StatusCode.Good, _configuration.Validate(new SortLineConfiguration(targets, threshold, minPixels)));
    }

    [Theory]
    [InlineData(new[] { "gold" }, 0.5, 20u)]              // not a class
    [InlineData(new[] { "Albite" }, 0.5, 20u)]            // names are case-sensitive
    [InlineData(new[] { "background" }, 0.5, 20u)]        // the belt
    [InlineData(new[] { "unknown" }, 0.5, 20u)]           // the reject class
    [InlineData(new string[0], 0.5, 20u)]                 // nothing to eject
    [InlineData(new[] { "albite", "albite" }, 0.5, 20u)]  // listed twice
    [InlineData(new[] { "albite" }, 0.0, 20u)]
    [InlineData(new[] { "albite" }, 1.5, 20u)]
    [InlineData(new[] { "albite" }, double.NaN, 20u)]
    [InlineData(new[] { "albite" }, 0.5, 0u)]
    [InlineData(new[] { "albite" }, 0.5, 1_000_001u)]
    [InlineData(new[] { "albite" }, 0.5, uint.MaxValue)]  // above int.MaxValue
    public void Validate_InvalidConfiguration_BadOutOfRangeAndRulesUnchanged(string[] targets, double threshold, uint minPixels)
    {
        ParticleRules before = _rules.Current;

        StatusCode status = _configuration.Validate(new SortLineConfiguration(targets, threshold, minPixels));

        Assert.Equal(StatusCode.BadOutOfRange, status);
        Assert.Same(before, _rules.Current);
    }

    [Fact]
    public void Apply_AcceptedWrite_PublishesRulesWithMappedIds()
    {
        _configuration.Apply(null, Changed(new SortLineConfiguration(["quartz", "albite"], 0.8, 35), "operator-7"));

        ParticleRules now = _rules.Current;
        Assert.Equal([3, 2], now.TargetClasses);
        Assert.Equal((0.8, 35), (now.TargetFractionThreshold, now.MinParticlePixels));
        Assert.True(now.IsTarget(3) && now.IsTarget(2) && !now.IsTarget(1));
    }

    [Theory]
    [InlineData("operator-7", true, "operator-7")]
    [InlineData(null, true, "anonymous")]
    [InlineData(null, false, "host")]
    public void Apply_Change_LogLineNamesTheSessionsUserAndBothValues(string? user, bool fromClient, string expected)
    {
        _configuration.Apply(null, Changed(new SortLineConfiguration(["albite"], 0.6, 25), user, fromClient));

        CapturingLogger.Entry entry = Assert.Single(_log.Entries);
        Assert.Equal(LogLevel.Information, entry.Level);
        Assert.Equal(expected, entry.Properties["User"]);
        Assert.Equal(
            $"Line configuration changed by {expected}: TargetClasses lepidolite -> albite, EjectThreshold 0.5 -> 0.6, MinParticlePixels 20 -> 25",
            entry.Message);
    }

    [Fact]
    public void Apply_SameValues_NoNewRulesAndNoLogLine()
    {
        ParticleRules before = _rules.Current;

        _configuration.Apply(null, Changed(new SortLineConfiguration(["lepidolite"], 0.5, 20), "operator"));

        Assert.Same(before, _rules.Current);
        Assert.Empty(_log.Entries);
    }

    [Fact]
    public void Apply_UnknownClassName_RulesUnchangedAndErrorNamesTheUser()
    {
        ParticleRules before = _rules.Current;

        _configuration.Apply(null, Changed(new SortLineConfiguration(["gold"], 0.5, 20), "operator-7"));

        Assert.Same(before, _rules.Current);
        CapturingLogger.Entry entry = Assert.Single(_log.Entries);
        Assert.Equal(LogLevel.Error, entry.Level);
        Assert.Equal("operator-7", entry.Properties["User"]);
    }

    [Fact]
    public void Apply_FailsTheRulesValidators_RulesUnchangedAndErrorLogged()
    {
        ParticleRules before = _rules.Current;

        _configuration.Apply(null, Changed(new SortLineConfiguration(["background"], 0.5, 20), "operator-7"));

        Assert.Same(before, _rules.Current);
        Assert.Equal(LogLevel.Error, Assert.Single(_log.Entries).Level);
    }
}
