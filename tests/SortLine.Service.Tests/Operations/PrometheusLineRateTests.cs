using SortLine.Pipeline.Inference;
using System.Globalization;
using System.Text.Json;
using SortLine.Service.Line;
using SortLine.Service.Tests.Infrastructure;
using SortLine.Service.Tests.Integration;

namespace SortLine.Service.Tests.Operations;

/// <summary>
/// The service sorting on the simulated line, scraped by a real Prometheus on loopback: the rates Prometheus computes
/// match what the line is configured to do.
/// </summary>
[Collection(SimulatedLineGroup.Name)]
public sealed class PrometheusLineRateTests
{
    private const double ConfiguredLineRate = 100; // SimulatedLineSettings: SortLine:Simulator:LineRateHz
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(4);

    [Fact]
    public async Task Scrape_SortingLine_LineRateNearConfiguredAndDecisionsFlow()
    {
        using var directory = new TempDirectory();
        await using TestServiceHost host = await TestServiceHost.StartAsync(
            SimulatedLineSettings.Create(Path.Combine(directory.Path, "decisions.log")), useRepositoryConfig: true);
        await using PrometheusProcess prom = PrometheusProcess.Start(host.BaseAddress, "/metrics", RepoPaths.Combine("config", "prometheus", "alerts.yml"));
        await host.Get<ModelSlot>().FirstModel.WaitAsync(Bound);

        // Lines/s over the last 10 s of scrapes, as an operator's dashboard computes it; within 20 % of the configured rate.
        double lineRate = double.NaN;
        await prom.WaitUntilAsync(async () =>
        {
            lineRate = await ScalarAsync(prom, "rate(sortline_swir_lines_received_total[10s])");
            return Math.Abs(lineRate - ConfiguredLineRate) <= 0.2 * ConfiguredLineRate;
        }, Bound, $"a Prometheus line rate within 20 % of {ConfiguredLineRate} lines/s");

        double particleRate = double.NaN;
        await prom.WaitUntilAsync(async () =>
        {
            particleRate = await ScalarAsync(prom, "sum(rate(sortline_pipeline_particles_total[15s]))");
            return particleRate > 0;
        }, Bound, "particle decisions in Prometheus");

        Assert.InRange(lineRate, 0.8 * ConfiguredLineRate, 1.2 * ConfiguredLineRate);
        Assert.True(particleRate > 0, $"particle rate {particleRate}");
    }

    private static async Task<double> ScalarAsync(PrometheusProcess prom, string promql)
    {
        (_, _, JsonElement result) = await prom.QueryAsync(promql);
        return result.GetArrayLength() == 1
            ? double.Parse(result[0].GetProperty("value")[1].GetString()!, CultureInfo.InvariantCulture)
            : double.NaN;
    }
}
