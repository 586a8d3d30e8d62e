using System.Text.Json;
using SortLine.Service.Telemetry;
using SortLine.Service.Tests.Infrastructure;
using SortLine.Telemetry;

namespace SortLine.Service.Tests.Operations;

/// <summary>
/// The service host and a real Prometheus (Debian package 'prometheus') on loopback: the catalogue arrives
/// through a real scrape, and every dashboard and alert expression evaluates against it.
/// </summary>
/// <remarks>
/// This host runs without the line (<c>SortLine:Sorting:Enabled=false</c>), so every series is at its initial value.
/// Rates against the configured line rate (throughput close to sortline_swir_nominal_line_rate_hertz, particles
/// and ejections counted) are checked with the simulated line running, in
/// <see cref="Integration.SimulatedLineTests.Endpoints_Sorting_ReadyAndMetricsShowLinesDecisionsAndRate"/>.
/// </remarks>
public sealed class PrometheusScrapeTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Scrape_ServiceHost_EveryFamilyArrivesAndEveryExpressionEvaluates()
    {
        await using TestServiceHost host = await TestServiceHost.StartAsync();
        await using PrometheusProcess prom = PrometheusProcess.Start(host.BaseAddress, "/metrics", RepoPaths.Combine("config", "prometheus", "alerts.yml"));

        // 1. The target is up (a scrape succeeded).
        await prom.WaitUntilAsync(async () =>
        {
            JsonElement targets = await prom.GetJsonAsync("api/v1/targets");
            return targets.GetProperty("data").GetProperty("activeTargets").EnumerateArray()
                .Any(t => t.GetProperty("health").GetString() == "up");
        }, Bound, "the sortline target to be up");

        // 2. Every catalogue family is stored (model info excepted: absent until a model is loaded).
        HashSet<string> expected = [.. MetricCatalogue.All.Where(m => m != MetricCatalogue.ModelInfo).SelectMany(m => m.SeriesNames)];
        HashSet<string> stored = [];
        await prom.WaitUntilAsync(async () =>
        {
            (_, _, JsonElement result) = await prom.QueryAsync("count by (__name__) ({__name__=~\"sortline_.+\"})");
            stored = [.. result.EnumerateArray().Select(r => r.GetProperty("metric").GetProperty("__name__").GetString()!)];
            return expected.IsSubsetOf(stored);
        }, Bound, "every catalogue family in Prometheus");
        Assert.DoesNotContain(MetricCatalogue.ModelInfo.Name, stored);
        (_, _, JsonElement absent) = await prom.QueryAsync("absent(sortline_learning_model_info)");
        Assert.Equal(1, absent.GetArrayLength());

        // 3. Pre-initialised label sets arrive as series with value 0 (so rate() sees the first increment).
        (_, _, JsonElement drops) = await prom.QueryAsync("sortline_pipeline_items_dropped_total");
        Assert.Equal(Enum.GetValues<PipelineStage>().Length * Enum.GetValues<DropReason>().Length, drops.GetArrayLength());
        Assert.All(drops.EnumerateArray(), s => Assert.Equal("0", s.GetProperty("value")[1].GetString()));

        // 4. A model activated through the telemetry interface shows up as the info series.
        host.Get<ILearningTelemetry>().ModelActivated("it-model-1");
        await prom.WaitUntilAsync(async () =>
        {
            (_, _, JsonElement r) = await prom.QueryAsync("sortline_learning_model_info{version=\"it-model-1\"} == 1");
            return r.GetArrayLength() == 1;
        }, Bound, "the model info series");

        // 5. Every dashboard and alert expression parses and evaluates.
        foreach ((string where, string expr) in PrometheusExpressions.Dashboard().Concat(PrometheusExpressions.Alerts()))
        {
            (string status, string? error, _) = await prom.QueryAsync(expr);
            Assert.True(status == "success", $"{where}: '{expr}' failed: {error}");
        }

        // 6. Every metric the dashboard reads exists in this Prometheus (no typo survives as an empty panel).
        foreach (string name in PrometheusExpressions.Dashboard().SelectMany(e => PrometheusExpressions.MetricNames(e.Expr)).Distinct())
        {
            (_, _, JsonElement r) = await prom.QueryAsync($"count({{__name__=\"{name}\"}})");
            Assert.True(r.GetArrayLength() == 1, $"dashboard metric '{name}' has no series in Prometheus");
        }

        // 7. The alert rules loaded and evaluate without errors.
        await prom.WaitUntilAsync(async () =>
        {
            JsonElement rules = await prom.GetJsonAsync("api/v1/rules");
            JsonElement[] all = [.. rules.GetProperty("data").GetProperty("groups").EnumerateArray().SelectMany(g => g.GetProperty("rules").EnumerateArray())];
            return all.Length == 8 && all.All(r => r.GetProperty("health").GetString() == "ok");
        }, Bound, "all 8 alert rules evaluated with health ok");
    }
}
