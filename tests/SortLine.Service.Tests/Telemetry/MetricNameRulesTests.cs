using System.Text.RegularExpressions;
using SortLine.Service.Telemetry;

namespace SortLine.Service.Tests.Telemetry;

public sealed class MetricNameRulesTests
{
    public static TheoryData<string> CatalogueNames => [.. MetricCatalogue.All.Select(m => m.Name)];

    [Theory]
    [MemberData(nameof(CatalogueNames))]
    public void Catalogue_EveryName_MatchesSortLinePattern(string name) =>
        Assert.Matches(new Regex("^sortline_[a-z0-9_]+$"), name);

    [Fact]
    public void Catalogue_Counters_EndInTotal() =>
        Assert.All(MetricCatalogue.All.Where(m => m.Kind == MetricKind.Counter), m => Assert.EndsWith("_total", m.Name, StringComparison.Ordinal));

    [Fact]
    public void Catalogue_Histograms_EndInABaseUnit() =>
        Assert.All(MetricCatalogue.All.Where(m => m.Kind == MetricKind.Histogram),
            m => Assert.True(m.Name.EndsWith("_seconds", StringComparison.Ordinal) || m.Name.EndsWith("_bytes", StringComparison.Ordinal), m.Name));

    [Fact]
    public void Catalogue_NonCounters_DoNotEndInTotal() =>
        Assert.All(MetricCatalogue.All.Where(m => m.Kind != MetricKind.Counter), m => Assert.False(m.Name.EndsWith("_total", StringComparison.Ordinal), m.Name));

    [Fact]
    public void ThrowIfInvalid_Catalogue_Passes() => MetricNameRules.ThrowIfInvalid(MetricCatalogue.All);

    [Fact]
    public void DecisionLatencyBuckets_BracketTheOneMillisecondBudget()
    {
        IReadOnlyList<double> b = MetricCatalogue.DecisionLatency.Buckets;
        Assert.True(b[0] <= 50e-6, "lowest bucket must be at most 50 µs");
        Assert.True(b[^1] >= 10e-3, "highest bucket must be at least 10 ms");
        Assert.Contains(1e-3, b);
        Assert.True(b.Count(x => x < 1e-3) >= 3 && b.Count(x => x > 1e-3) >= 3, "several buckets either side of the budget");
    }

    [Theory]
    [InlineData("sortline_pipeline_lines", "counter", "ends in _total")]
    [InlineData("SortLine_pipeline_lines_total", "counter", "^sortline_")]
    [InlineData("sortline_pipeline_latency", "histogram", "base unit")]
    [InlineData("sortline_pipeline_depth_total", "gauge", "never in _total")]
    [InlineData("sortline_cpu_lines_total", "counter", "subsystem")]
    [InlineData("sortline_pipeline__lines_total", "counter", "'__'")]
    public void Check_BrokenName_ReportsTheRule(string name, string kindName, string expected)
    {
        MetricKind kind = Enum.Parse<MetricKind>(kindName, ignoreCase: true);
        var metric = new MetricDescriptor(name, kind, "help", [], kind == MetricKind.Histogram ? [0.1, 1] : []);

        IReadOnlyList<string> problems = MetricNameRules.Check(metric);

        Assert.Contains(problems, p => p.Contains(expected, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("particle_id")]
    [InlineData("encoder_position")]
    [InlineData("session_id")]
    public void Check_HighCardinalityLabel_IsRejected(string label)
    {
        MetricDescriptor metric = MetricDescriptor.Counter("sortline_pipeline_particles_total", "help", label);

        Assert.Contains(MetricNameRules.Check(metric), p => p.Contains(label, StringComparison.Ordinal));
    }

    [Fact]
    public void ThrowIfInvalid_DuplicateName_Throws()
    {
        MetricDescriptor a = MetricDescriptor.Counter("sortline_swir_lines_received_total", "help");

        var ex = Assert.Throws<InvalidOperationException>(() => MetricNameRules.ThrowIfInvalid([a, a]));

        Assert.Contains("exported twice", ex.Message, StringComparison.Ordinal);
    }
}
