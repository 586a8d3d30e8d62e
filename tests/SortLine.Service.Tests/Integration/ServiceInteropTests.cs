using System.Globalization;
using System.Text.Json;
using SortLine.Learning.Models;
using SortLine.Learning.Registry;
using SortLine.OpcUa.Tests.Interop;
using SortLine.Pipeline;
using SortLine.Pipeline.Scheduling;
using SortLine.Pipeline.Stages;
using SortLine.Service.Telemetry;
using SortLine.Service.Line;
using SortLine.Service.Workers;
using Xunit.Abstractions;

namespace SortLine.Service.Tests.Integration;

/// <summary>
/// node-opcua 2.186.4 (tests/interop) against the RUNNING SERVICE on its simulated line: service.test.mjs connects, browses
/// the whole tree, reads every sorter variable, writes the configuration (valid and invalid), calls every method with its
/// real effect on the line, is refused without a user and with a wrong password, and receives every ejection command of
/// the run in order with no gap; service-restart.peer.mjs holds a session while the service restarts. The host's line is
/// laid out so that no decision is late (<see cref="ServiceInteropFixture"/>): the pipeline must drop none, and the commands
/// the client received must be every command of the pipeline's own record (<see cref="DecisionJournal"/>) between the first
/// and the last received.
/// </summary>
[Collection(SimulatedLineGroup.Name)]
[Trait("Category", "Interop")]
public sealed class ServiceInteropTests(ServiceInteropFixture service, ITestOutputHelper output) : IClassFixture<ServiceInteropFixture>
{
    private const string Namespace = "urn:sortline";

    [Fact]
    public async Task NodeOpcUaClient_RunningService_EveryVariableMethodAndWriteHasItsEffectAndEveryCommandArrives()
    {
        string rollback = RegisterCopyOfChampion();
        string report = Path.Combine(service.Directory, "interop-report-" + Guid.NewGuid().ToString("N")[..8] + ".json");
        DecisionJournal journal = service.Host.Get<DecisionJournal>();
        PipelineMetrics counters = service.Host.Get<PipelineCounterAdapter>().Inner;
        long lateBefore = LateDrops(counters);

        int exitCode = await NodeTestRunner.RunAsync(
            "service.test.mjs",
            new Dictionary<string, string>
            {
                ["OPCUA_URL"] = service.Host.Get<OpcUaWorker>().EndpointUrl!,
                ["OPCUA_USER"] = ServiceInteropFixture.User,
                ["OPCUA_PASSWORD"] = ServiceInteropFixture.Password,
                ["OPCUA_NS"] = Namespace,
                ["OPCUA_ROLLBACK_VERSION"] = rollback,
                ["OPCUA_REPORT"] = report,
                ["OPCUA_VALVE_DISTANCE_COUNTS"] = (ServiceInteropFixture.ScanToValveDistanceMm * ServiceInteropFixture.CountsPerMillimeter).ToString(CultureInfo.InvariantCulture),
            },
            output,
            TimeSpan.FromMinutes(15));

        output.WriteLine("Pipeline drops: " + Drops(counters));
        Assert.True(exitCode == 0, "node --test service.test.mjs failed (exit " + exitCode + "); see the test output");
        using JsonDocument document = JsonDocument.Parse(await File.ReadAllTextAsync(report));
        Assert.Equal(0, document.RootElement.GetProperty("order").GetArrayLength());
        Assert.Equal(0, document.RootElement.GetProperty("gaps").GetArrayLength());
        Received[] received = Parse(document.RootElement.GetProperty("received"));
        Assert.True(received.Length >= 40, $"{received.Length} commands received");
        AssertEveryCommandInOrder(received, journal, counters, lateBefore);

        // The line kept sorting after the client finished: the journal goes on past the last command received.
        Assert.True(journal.Commands()[^1].Sequence >= received[^1].Sequence);
    }

    [Fact]
    public async Task NodeOpcUaClient_ServiceRestarts_ReconnectsOnSameSessionObjectAndReceivesTheNewProcessCommands()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        CancellationToken ct = timeout.Token;
        DecisionJournal firstJournal = service.Host.Get<DecisionJournal>();
        PipelineMetrics firstCounters = service.Host.Get<PipelineCounterAdapter>().Inner;
        long firstLateBefore = LateDrops(firstCounters);
        await using var peer = NodePeerProcess.Start(
            "service-restart.peer.mjs",
            new Dictionary<string, string>
            {
                ["OPCUA_URL"] = service.Host.Get<OpcUaWorker>().EndpointUrl!,
                ["OPCUA_USER"] = ServiceInteropFixture.User,
                ["OPCUA_PASSWORD"] = ServiceInteropFixture.Password,
                ["OPCUA_NS"] = Namespace,
                ["OPCUA_COMMANDS"] = "5",
                ["OPCUA_DEADLINE_MS"] = "540000",
            },
            output);

        await peer.ExpectAsync("subscribed", ct);
        Task<string> lost = peer.ExpectAsync("connection-lost", ct);
        await service.RestartAsync(() => lost);
        PipelineMetrics counters = service.Host.Get<PipelineCounterAdapter>().Inner;
        long lateBefore = LateDrops(counters);
        string reconnected = await peer.ExpectAsync("reconnected", ct);
        await peer.ExpectAsync("done", ct);
        int exitCode = await peer.WaitForExitAsync(ct);

        using JsonDocument document = JsonDocument.Parse(reconnected);
        JsonElement root = document.RootElement;
        Assert.Equal(0, exitCode);
        Assert.True(root.GetProperty("sessionIdChanged").GetBoolean(), "a new session in the new process");
        Received[] before = Parse(root.GetProperty("before"));
        Received[] after = Parse(root.GetProperty("after"));
        Assert.True(before.Length >= 5 && after.Length >= 5, $"{before.Length} commands before, {after.Length} after");
        output.WriteLine("Pipeline drops before the restart: " + Drops(firstCounters) + "; after: " + Drops(counters));
        AssertEveryCommandInOrder(before, firstJournal, firstCounters, firstLateBefore);
        AssertEveryCommandInOrder(after, service.Host.Get<DecisionJournal>(), counters, lateBefore);
    }

    /// <summary>Registers a copy of the champion under a new version (a version the PLC may roll back to).</summary>
    private string RegisterCopyOfChampion()
    {
        var registry = ModelRegistry.Open(service.ModelDirectory);
        StudentModel champion = registry.LoadModel(registry.Champion!.Version);
        string version = "interop-rollback-" + Guid.NewGuid().ToString("N")[..8];
        registry.Register(new StudentModel(version, champion.CreatedUtc, null, champion.ClassNames, champion.Reject, champion.Bands,
            champion.Preprocessing, champion.Weights, champion.Bias, champion.Provenance), "test");
        return version;
    }

    /// <summary>Decisions and commands the pipeline dropped as late (<c>Line.LateDecisions</c>: at scheduling or at the fan-out).</summary>
    private static long LateDrops(PipelineMetrics counters) =>
        counters.Value(PipelineMetrics.ItemsDropped, SchedulingStage.StageName, DropReasons.Deadline)
        + counters.Value(PipelineMetrics.ItemsDropped, DecisionFanOut.StageName, DropReasons.Deadline);

    /// <summary>The pipeline's drops by stage and reason (diagnostics).</summary>
    private static string Drops(PipelineMetrics counters) =>
        string.Join(", ", counters.Snapshot().Where(c => c.Name == PipelineMetrics.ItemsDropped && c.Value > 0).Select(c => $"{c.Stage}/{c.Reason} {c.Value}"));

    /// <summary>
    /// The pipeline dropped no decision or command as late since the client started (<paramref name="lateBefore"/>), and the
    /// client received every command the pipeline made from the first received to the last: each sequence number once,
    /// in order, with no gap, and each exactly the command the pipeline's journal holds.
    /// </summary>
    private static void AssertEveryCommandInOrder(Received[] received, DecisionJournal journal, PipelineMetrics counters, long lateBefore)
    {
        long late = LateDrops(counters) - lateBefore;
        Assert.True(late == 0, $"{late} decisions or commands dropped as late while the client was subscribed; drops: {Drops(counters)}");
        long first = received[0].Sequence;
        long[] expected = [.. Enumerable.Range(0, received.Length).Select(i => first + i)];
        Assert.Equal(expected, received.Select(r => r.Sequence).ToArray());
        Dictionary<long, EjectionCommand> made = journal.Commands().ToDictionary(c => c.Sequence);
        foreach (Received r in received)
        {
            Assert.True(made.TryGetValue(r.Sequence, out EjectionCommand c), $"command {r.Sequence} was made by the pipeline");
            Assert.Equal((c.FirstValve, c.LastValve, c.Start.Counts, c.End.Counts, c.Class), (r.FirstValve, r.LastValve, r.EncoderStart, r.EncoderEnd, r.ClassIndex));
        }
    }

    private static Received[] Parse(JsonElement array) =>
        [.. array.EnumerateArray().Select(e => new Received(
            e.GetProperty("sequence").GetInt64(), e.GetProperty("firstValve").GetInt32(), e.GetProperty("lastValve").GetInt32(),
            e.GetProperty("encoderStart").GetInt64(), e.GetProperty("encoderEnd").GetInt64(), e.GetProperty("classIndex").GetInt32()))];

    private readonly record struct Received(long Sequence, int FirstValve, int LastValve, long EncoderStart, long EncoderEnd, int ClassIndex);
}
