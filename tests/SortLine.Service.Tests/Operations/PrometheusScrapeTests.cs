using System.Globalization;
using System.Net;
using System.Text.Json;
using SortLine.OpcUa.Encoding;
using SortLine.OpcUa.Tests.Robustness;
using SortLine.Pipeline.Inference;
using SortLine.Service.Telemetry;
using SortLine.Service.Tests.Infrastructure;
using SortLine.Service.Tests.Integration;
using SortLine.Service.Workers;
using SortLine.Telemetry;

namespace SortLine.Service.Tests.Operations;

/// <summary>
/// The service sorting on the simulated line, scraped by a real Prometheus (Debian package 'prometheus') on loopback:
/// every metric family arrives through a real scrape, the rates Prometheus computes match the configured line, the
/// OPC UA gauges follow a real client, and every dashboard and alert expression evaluates against it.
/// </summary>
/// <remarks>One host start for all of it: each start (simulated line, bootstrap training) costs half a minute or more.</remarks>
[Collection(SimulatedLineGroup.Name)]
public sealed class PrometheusScrapeTests
{
    private const double ConfiguredLineRate = 100; // SimulatedLineSettings: SortLine:Simulator:LineRateHz
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(4);

    /// <summary>The process and runtime families prometheus-net's DotNetStats exports (docs/operating.md lists them).</summary>
    internal static readonly string[] ProcessFamilies =
    [
        "process_cpu_seconds_total", "process_start_time_seconds", "process_working_set_bytes", "process_private_memory_bytes",
        "process_virtual_memory_bytes", "process_open_handles", "process_num_threads", "dotnet_total_memory_bytes",
        "dotnet_collection_count_total",
    ];

    [Fact]
    public async Task Scrape_SortingLine_EveryFamilyPlausibleRatesOpcUaGaugesAndEveryExpressionEvaluates()
    {
        using var directory = new TempDirectory();
        await using TestServiceHost host = await TestServiceHost.StartAsync(
            SimulatedLineSettings.Create(Path.Combine(directory.Path, "decisions.log")), useRepositoryConfig: true);
        await using PrometheusProcess prom = PrometheusProcess.Start(host.BaseAddress, "/metrics", RepoPaths.Combine("config", "prometheus", "alerts.yml"));
        string modelVersion = (await host.Get<ModelSlot>().FirstModel.WaitAsync(Bound)).Version;

        // 1. The target is up (a scrape succeeded).
        await prom.WaitUntilAsync(async () =>
        {
            JsonElement targets = await prom.GetJsonAsync("api/v1/targets");
            return targets.GetProperty("data").GetProperty("activeTargets").EnumerateArray()
                .Any(t => t.GetProperty("health").GetString() == "up");
        }, Bound, "the sortline target to be up");

        // 2. Every catalogue family (line state and model info included) and every process/runtime family is stored.
        HashSet<string> expected = [.. MetricCatalogue.All.SelectMany(m => m.SeriesNames), .. ProcessFamilies];
        HashSet<string> stored = [];
        await prom.WaitUntilAsync(async () =>
        {
            (_, _, JsonElement result) = await prom.QueryAsync("count by (__name__) ({__name__=~\"(sortline|process|dotnet)_.+\"})");
            stored = [.. result.EnumerateArray().Select(r => r.GetProperty("metric").GetProperty("__name__").GetString()!)];
            return expected.IsSubsetOf(stored);
        }, Bound, "every catalogue, process and runtime family in Prometheus");

        // 3. Every label set of the drop counter exists (so rate() sees the first increment); the loaded model and
        //    the running line are the one-hot/info series at 1.
        (_, _, JsonElement drops) = await prom.QueryAsync("sortline_pipeline_items_dropped_total");
        Assert.Equal(Enum.GetValues<PipelineStage>().Length * Enum.GetValues<DropReason>().Length, drops.GetArrayLength());
        await prom.WaitUntilAsync(async () => await ScalarAsync(prom, $"sortline_learning_model_info{{version=\"{modelVersion}\"}}") == 1
            && await ScalarAsync(prom, "sum(sortline_learning_model_info)") == 1, Bound, $"model info {modelVersion} as the only version");
        await prom.WaitUntilAsync(async () => await ScalarAsync(prom, "sortline_line_state{state=\"running\"}") == 1
            && await ScalarAsync(prom, "sum(sortline_line_state)") == 1, Bound, "line state running (one-hot)");

        // 4. Lines/s over the last 10 s of scrapes, as the dashboard computes it: within 20 % of the configured rate;
        //    particles are classified.
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

        // 5. A PLC-like client with a subscription (and no Publish request yet) shows in the OPC UA gauges.
        using var cts = new CancellationTokenSource(Bound);
        IPEndPoint opcUa = host.Get<OpcUaWorker>().LocalEndPoint!;
        await using RawUaClient client = await RawUaClient.ConnectAsync(new IPEndPoint(IPAddress.Loopback, opcUa.Port), cts.Token);
        await client.CreateAndActivateSessionAsync("prometheus-scrape-tests", cts.Token);
        uint subscription = await client.CreateSubscriptionAsync(publishingIntervalMs: 1000, lifetimeCount: 600, maxKeepAliveCount: 10, cts.Token);
        StatusCode item = await client.CreateMonitoredItemAsync(subscription, new NodeId(2255), clientHandle: 1, samplingIntervalMs: 1000, cts.Token);
        Assert.True(item.IsGood, item.ToString());
        double[] opcUaGauges = [];
        await prom.WaitUntilAsync(async () =>
        {
            opcUaGauges =
            [
                await ScalarAsync(prom, "sortline_opcua_sessions_active"),
                await ScalarAsync(prom, "sortline_opcua_subscriptions_active"),
                await ScalarAsync(prom, "sortline_opcua_publish_queue_depth_items"),
            ];
            return opcUaGauges.All(v => v >= 1);
        }, TimeSpan.FromSeconds(45), "the OPC UA session, subscription and queued notification in Prometheus");

        // 6. Every dashboard and alert expression parses and evaluates.
        foreach ((string where, string expr) in PrometheusExpressions.Dashboard().Concat(PrometheusExpressions.Alerts()))
        {
            (string status, string? error, _) = await prom.QueryAsync(expr);
            Assert.True(status == "success", $"{where}: '{expr}' failed: {error}");
        }

        // 7. Every metric the dashboard reads exists in this Prometheus (no typo survives as an empty panel).
        foreach (string name in PrometheusExpressions.Dashboard().SelectMany(e => PrometheusExpressions.MetricNames(e.Expr)).Distinct())
        {
            (_, _, JsonElement r) = await prom.QueryAsync($"count({{__name__=\"{name}\"}})");
            Assert.True(r.GetArrayLength() == 1, $"dashboard metric '{name}' has no series in Prometheus");
        }

        // 8. The alert rules loaded and evaluate without errors.
        await prom.WaitUntilAsync(async () =>
        {
            JsonElement rules = await prom.GetJsonAsync("api/v1/rules");
            JsonElement[] all = [.. rules.GetProperty("data").GetProperty("groups").EnumerateArray().SelectMany(g => g.GetProperty("rules").EnumerateArray())];
            return all.Length == 8 && all.All(r => r.GetProperty("health").GetString() == "ok");
        }, Bound, "all 8 alert rules evaluated with health ok");

        Assert.InRange(lineRate, 0.8 * ConfiguredLineRate, 1.2 * ConfiguredLineRate);
        Assert.True(particleRate > 0, $"particle rate {particleRate}");
        Assert.All(opcUaGauges, v => Assert.True(v >= 1, $"OPC UA gauges {string.Join(", ", opcUaGauges)}"));
    }

    /// <summary>The value of a query that returns one sample, else NaN.</summary>
    private static async Task<double> ScalarAsync(PrometheusProcess prom, string promql)
    {
        (_, _, JsonElement result) = await prom.QueryAsync(promql);
        return result.GetArrayLength() == 1
            ? double.Parse(result[0].GetProperty("value")[1].GetString()!, CultureInfo.InvariantCulture)
            : double.NaN;
    }
}
