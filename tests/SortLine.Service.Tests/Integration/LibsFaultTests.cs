using System.Globalization;
using System.Net;
using SortLine.Service.Line;
using SortLine.Service.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SortLine.Service.Tests.Integration;

/// <summary>A LIBS spectrometer disconnect (simulator fault injection): sorting goes on, only the teacher's data pauses.</summary>
[Trait("Category", "Integration")]
[Collection(SimulatedLineGroup.Name)]
public sealed class LibsFaultTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(6);

    [Fact]
    public async Task LibsDisconnect_Faulted_SortingContinuesAndLibsReconnects()
    {
        using var directory = new TempDirectory();
        Dictionary<string, string?> settings = SimulatedLineSettings.Create(Path.Combine(directory.Path, "decisions.log"), seed: 13);
        // The spectrometer drops out every 1,500 points (15 s at 100 points/s) and stays away for the first back-off
        // (3 s), long enough for the camera side to show whether it depends on the LIBS side.
        settings["SortLine:Simulator:LibsDisconnectAfterPoints"] = "1500";
        settings["SortLine:Sorting:ReconnectInitialDelayMilliseconds"] = "3000";
        settings["SortLine:Sorting:ReconnectMaxDelayMilliseconds"] = "3000";
        TestServiceHost host = await TestServiceHost.StartAsync(settings, useRepositoryConfig: true);
        DecisionJournal journal = host.Get<DecisionJournal>();
        try
        {
            using var http = new HttpClient { BaseAddress = host.BaseAddress };
            await LineObservation.WaitForDecisionsAsync(journal, 1, Bound); // a student is sorting

            string metrics = "";
            await LineObservation.WaitUntilAsync(async () => LibsState(metrics = await Metrics(http)) == "faulted", Bound, "the spectrometer to be Faulted in /metrics");
            long decisionsAtFault = journal.DecisionCount, linesAtFault = journal.LinesReceived;
            double pointsAtFault = ExpositionText.Value(metrics, "sortline_libs_points_received_total") ?? double.NaN;
            HttpStatusCode readyDuringFault = (await http.GetAsync(new Uri("/readyz", UriKind.Relative))).StatusCode;

            // While the spectrometer is away, sorting does not wait for it: lines and decisions keep coming.
            await LineObservation.WaitForDecisionsAsync(journal, decisionsAtFault + 10, Bound);
            string duringFault = await Metrics(http);
            string? libsStateAfterDecisions = LibsState(duringFault);
            double pointsDuringFault = ExpositionText.Value(duringFault, "sortline_libs_points_received_total") ?? double.NaN;

            await LineObservation.WaitUntilAsync(async () => LibsState(metrics = await Metrics(http)) == "running", Bound, "the spectrometer to reconnect");
            double pointsAtReconnect = ExpositionText.Value(metrics, "sortline_libs_points_received_total") ?? double.NaN;
            await LineObservation.WaitUntilAsync(async () => ExpositionText.Value(await Metrics(http), "sortline_libs_points_received_total") > pointsAtReconnect + 50,
                Bound, "LIBS points after the reconnect");

            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"at fault: {decisionsAtFault} decisions, {linesAtFault} lines, {pointsAtFault} LIBS points; {journal.DecisionCount - decisionsAtFault} decisions and {journal.LinesReceived - linesAtFault} lines since; LIBS state after 10 more decisions: {libsStateAfterDecisions}"));
            Assert.Equal(HttpStatusCode.OK, readyDuringFault);
            Assert.Equal("running", SwirState(duringFault));
            if (libsStateAfterDecisions == "faulted")
            {
                // Still away: no LIBS point was delivered while sorting went on.
                Assert.Equal(pointsAtFault, pointsDuringFault);
            }
        }
        finally
        {
            await host.DisposeAsync();
        }
    }

    private static Task<string> Metrics(HttpClient http) => http.GetStringAsync(new Uri("/metrics", UriKind.Relative));

    private static string? LibsState(string metrics) => SensorState(metrics, "libs");

    private static string? SwirState(string metrics) => SensorState(metrics, "swir");

    private static string? SensorState(string metrics, string sensor) =>
        metrics.Split('\n')
            .Where(l => l.StartsWith("sortline_sensor_state{", StringComparison.Ordinal) && l.Contains($"sensor=\"{sensor}\"", StringComparison.Ordinal) && l.EndsWith(" 1", StringComparison.Ordinal))
            .Select(l => l[(l.IndexOf("state=\"", StringComparison.Ordinal) + 7)..].Split('"')[0])
            .FirstOrDefault();
}
