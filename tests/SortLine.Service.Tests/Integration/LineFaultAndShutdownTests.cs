using SortLine.Pipeline.Inference;
using System.Net.Http;
using SortLine.Pipeline;
using SortLine.Pipeline.Particles;
using SortLine.Pipeline.Sinks;
using SortLine.Pipeline.Stages;
using SortLine.Service.Line;
using SortLine.Service.Telemetry;
using SortLine.Service.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SortLine.Service.Tests.Integration;

/// <summary>A camera disconnect and a LIBS stall (simulator fault injection) and a graceful shutdown of the whole service.</summary>
[Trait("Category", "Integration")]
[Collection(SimulatedLineGroup.Name)]
public sealed class LineFaultAndShutdownTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(6);

    [Fact]
    public async Task CameraDisconnect_Faulted_ReconnectsAndSortingResumes_ThenShutdownLosesNothing()
    {
        using var directory = new TempDirectory();
        string log = Path.Combine(directory.Path, "decisions.log");
        Dictionary<string, string?> settings = SimulatedLineSettings.Create(log, seed: 11);
        settings["SortLine:Simulator:CameraDisconnectAfterLines"] = "4000";

        // The spectrometer hangs (connected, silent) every 1,500 points; the 1 s read timeout turns that into a timeout
        // fault and a reconnect, so the teacher's data keep coming (in the same host start as the camera fault).
        settings["SortLine:Simulator:LibsStallAfterPoints"] = "1500";
        settings["SortLine:Sorting:LibsReadTimeoutMilliseconds"] = "1000";
        TestServiceHost host = await TestServiceHost.StartAsync(settings, useRepositoryConfig: true);
        DecisionJournal journal = host.Get<DecisionJournal>();
        PipelineMetrics counters = host.Get<PipelineCounterAdapter>().Inner;
        try
        {
            await host.Get<ModelSlot>().FirstModel.WaitAsync(Bound);
            using var http = new HttpClient { BaseAddress = host.BaseAddress };

            // The camera drops out every 4,000 lines (40 s at 100 lines/s): wait for the Faulted state in the metrics.
            await LineObservation.WaitUntilAsync(async () => SwirState(await http.GetStringAsync(new Uri("/metrics", UriKind.Relative))) == "faulted",
                Bound, "the camera to be Faulted in /metrics");
            long atFault = journal.DecisionCount;

            // ...then Running again, and new decisions.
            await LineObservation.WaitUntilAsync(async () => SwirState(await http.GetStringAsync(new Uri("/metrics", UriKind.Relative))) == "running",
                Bound, "the camera to reconnect");
            await LineObservation.WaitForDecisionsAsync(journal, atFault + 50, Bound);
            output.WriteLine($"decisions at fault {atFault}, after reconnect {journal.DecisionCount}");

            // Both faults are counted by kind, and the stalled spectrometer is back (points flow after its timeout).
            string metrics = "";
            await LineObservation.WaitUntilAsync(async () =>
                    ExpositionText.Value(metrics = await http.GetStringAsync(new Uri("/metrics", UriKind.Relative)), LibsTimeouts) >= 1 && LibsState(metrics) == "running",
                Bound, "a LIBS read timeout and the spectrometer's reconnect");
            double points = ExpositionText.Value(metrics, "sortline_libs_points_received_total") ?? 0;
            await LineObservation.WaitUntilAsync(async () =>
                    ExpositionText.Value(await http.GetStringAsync(new Uri("/metrics", UriKind.Relative)), "sortline_libs_points_received_total") > points,
                Bound, "LIBS points after the timeout");
            Assert.True(ExpositionText.Value(metrics, "sortline_sensor_faults_total{sensor=\"swir\",reason=\"disconnected\"}") >= 1);
        }
        finally
        {
            await host.DisposeAsync(); // graceful stop: sources stop, channels drain, open particles decided, sinks flushed
        }

        // Every particle the tracker closed was decided (or ignored as too small); nothing was left in a channel.
        long closed = new[] { "ended", "max_length", "gap", "flush" }.Sum(r => counters.Value(PipelineMetrics.ParticlesClosed, ParticleStage.StageName, r));
        long decided = counters.Value(PipelineMetrics.Decisions, ParticleStage.StageName, "eject") + counters.Value(PipelineMetrics.Decisions, ParticleStage.StageName, "pass");
        long tooSmall = counters.Value(PipelineMetrics.ItemsDropped, ParticleStage.StageName, DropReasons.TooSmall);
        Assert.Equal(closed, decided + tooSmall);
        Assert.Equal(decided, journal.DecisionCount);

        // The decision log is flushed and complete: the header and one line per command delivered to the sinks.
        string[] lines = File.ReadAllLines(log);
        long commands = journal.CommandCount;
        Assert.Equal(DecisionLogFormat.Header, lines[0]);
        Assert.Equal(commands, lines.Length - 1);
        Assert.Equal(journal.Commands().Select(c => DecisionLogFormat.Format(c).TrimEnd('\n')), lines.Skip(1).TakeLast(journal.Commands().Count));
        output.WriteLine($"closed {closed}, decided {decided}, too small {tooSmall}, commands {commands}");
    }

    private const string LibsTimeouts = "sortline_sensor_faults_total{sensor=\"libs\",reason=\"timeout\"}";

    private static string? LibsState(string metrics) =>
        metrics.Split('\n')
            .Where(l => l.StartsWith("sortline_sensor_state{", StringComparison.Ordinal) && l.Contains("sensor=\"libs\"", StringComparison.Ordinal) && l.EndsWith(" 1", StringComparison.Ordinal))
            .Select(l => l[(l.IndexOf("state=\"", StringComparison.Ordinal) + 7)..].Split('"')[0])
            .FirstOrDefault();

    private static string? SwirState(string metrics) =>
        metrics.Split('\n')
            .Where(l => l.StartsWith("sortline_sensor_state{", StringComparison.Ordinal) && l.Contains("sensor=\"swir\"", StringComparison.Ordinal) && l.EndsWith(" 1", StringComparison.Ordinal))
            .Select(l => l[(l.IndexOf("state=\"", StringComparison.Ordinal) + 7)..].Split('"')[0])
            .FirstOrDefault();
}
