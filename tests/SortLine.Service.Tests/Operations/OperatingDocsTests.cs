using SortLine.Service.Telemetry;
using SortLine.Service.Tests.Infrastructure;

namespace SortLine.Service.Tests.Operations;

/// <summary>docs/operating.md explains every metric the service exports.</summary>
public sealed class OperatingDocsTests
{
    private static readonly string Docs = File.ReadAllText(RepoPaths.Combine("docs", "operating.md"));

    public static TheoryData<string> ExportedFamilies() =>
        [.. MetricCatalogue.All.Select(m => m.Name).Concat(PrometheusScrapeTests.ProcessFamilies)];

    [Theory]
    [MemberData(nameof(ExportedFamilies))]
    public void MetricsTable_ExportedFamily_HasARow(string name) =>
        Assert.Contains($"| `{name}` |", Docs, StringComparison.Ordinal);
}
