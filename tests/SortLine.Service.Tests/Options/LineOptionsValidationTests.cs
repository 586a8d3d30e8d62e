using Microsoft.Extensions.Options;
using SortLine.Service.Options;

namespace SortLine.Service.Tests.Options;

public sealed class LineOptionsValidationTests
{
    private static LineOptions Defaults()
    {
        var o = new LineOptions();
        foreach (string c in LineOptions.DefaultClasses)
        {
            o.Classes.Add(c);
        }

        return o;
    }

    [Fact]
    public void Validate_Defaults_Succeed()
    {
        Assert.True(new LineOptionsValidator().Validate(null, Defaults()).Succeeded);
        Assert.True(new LineOptionsRulesValidator().Validate(null, Defaults()).Succeeded);
    }

    [Fact]
    public void Defaults_MatchMethodsBrief()
    {
        LineOptions o = Defaults();

        Assert.Equal(3.0, o.BeltSpeedMetersPerSecond);
        Assert.Equal(150.0, o.ScanToValveDistanceMillimeters);
        Assert.Equal(50.0, o.TravelTimeMilliseconds, 9);
        Assert.Equal(50.0, o.LatencyBudgetMilliseconds);
    }

    [Fact]
    public void Validate_BeltSpeedOutOfRange_NamesKeyAndRange()
    {
        LineOptions o = Defaults();
        o.BeltSpeedMetersPerSecond = 42;

        ValidateOptionsResult r = new SectionKeyValidator<LineOptions>(new LineOptionsValidator(), LineOptions.SectionName).Validate(null, o);

        Assert.True(r.Failed);
        Assert.Contains("The field SortLine:Line:BeltSpeedMetersPerSecond must be between 0.1 and 10.", r.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BudgetNotAboveValveLatency_Fails()
    {
        LineOptions o = Defaults();
        o.LatencyBudgetMilliseconds = 2;
        o.ValveLatencyMilliseconds = 3;

        ValidateOptionsResult r = new LineOptionsRulesValidator().Validate(null, o);

        Assert.Contains("SortLine:Line:LatencyBudgetMilliseconds (2 ms) must be greater than SortLine:Line:ValveLatencyMilliseconds (3 ms)", r.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BudgetLongerThanTravelTime_Fails()
    {
        LineOptions o = Defaults();
        o.BeltSpeedMetersPerSecond = 3.0;
        o.ScanToValveDistanceMillimeters = 150;
        o.LatencyBudgetMilliseconds = 60;

        ValidateOptionsResult r = new LineOptionsRulesValidator().Validate(null, o);

        Assert.True(r.Failed);
        Assert.Contains("belt travel time to the valves", r.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_DecisionBudgetBeyondBudgetMinusValve_Fails()
    {
        LineOptions o = Defaults();
        o.DecisionBudgetMilliseconds = 48;

        ValidateOptionsResult r = new LineOptionsRulesValidator().Validate(null, o);

        Assert.Contains("SortLine:Line:DecisionBudgetMilliseconds (48 ms) must be at most", r.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Quartz")]
    [InlineData("unknown")]
    [InlineData("1abc")]
    public void Validate_BadClassName_Fails(string name)
    {
        LineOptions o = Defaults();
        o.Classes.Add(name);

        Assert.Contains("SortLine:Line:Classes:5", new LineOptionsRulesValidator().Validate(null, o).FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_DuplicateClass_Fails()
    {
        LineOptions o = Defaults();
        o.Classes.Add("quartz");

        Assert.Contains("listed twice", new LineOptionsRulesValidator().Validate(null, o).FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("localhost", "must be an IPv4 or IPv6 address")]
    [InlineData("not an ip", "must be an IPv4 or IPv6 address")]
    public void MetricsRules_BadBindAddress_Fails(string address, string expected)
    {
        var o = new MetricsOptions { BindAddress = address };

        Assert.Contains(expected, new MetricsOptionsRulesValidator().Validate(null, o).FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void MetricsRules_SamePathTwice_Fails()
    {
        var o = new MetricsOptions { ReadinessPath = "/healthz" };

        Assert.True(new MetricsOptionsRulesValidator().Validate(null, o).Failed);
    }
}
