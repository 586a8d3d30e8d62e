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
/// the run in order; service-restart.peer.mjs holds a session while the service restarts. The commands the client
/// received are compared with the pipeline's own record (<see cref="DecisionJournal"/>).
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
            },
            output,
            TimeSpan.FromMinutes(15));

        Assert.True(exitCode == 0, "node --test service.test.mjs failed (exit " + exitCode + "); see the test output");
        using JsonDocument document = JsonDocument.Parse(await File.ReadAllTextAsync(report));
        Assert.Equal(0, document.RootElement.GetProperty("order").GetArrayLength());
        Received[] received = Parse(document.RootElement.GetProperty("received"));
        Assert.True(received.Length >= 40, $"{received.Length} commands received");
        AssertSameAsJournal(received, journal, service.Host);

        // The line kept sorting after the client finished: the journal goes on past the last command received.
        Assert.True(journal.Commands()[^1].Sequence >= received[^1].Sequence);
    }

    [Fact]
    public async Task NodeOpcUaClient_ServiceRestarts_ReconnectsOnSameSessionObjectAndReceivesTheNewProcessCommands()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        CancellationToken ct = timeout.Token;
        DecisionJournal firstJournal = service.Host.Get<DecisionJournal>();
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
        AssertSameAsJournal(before, firstJournal, null);
        AssertSameAsJournal(after, service.Host.Get<DecisionJournal>(), service.Host);
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

    /// <summary>
    /// The client received, in order, exactly the commands the pipeline delivered to its sinks (the journal is one) from
    /// the first received to the last; a missing sequence number is a command dropped before the sinks because it was
    /// late, so there are at most as many as the fan-out counted (when the host is still running).
    /// </summary>
    private static void AssertSameAsJournal(Received[] received, DecisionJournal journal, Infrastructure.TestServiceHost? host)
    {
        Dictionary<long, EjectionCommand> made = journal.Commands().ToDictionary(c => c.Sequence);
        for (int i = 0; i < received.Length; i++)
        {
            Received r = received[i];
            Assert.True(made.TryGetValue(r.Sequence, out EjectionCommand c), $"command {r.Sequence} was made by the pipeline");
            Assert.Equal((c.FirstValve, c.LastValve, c.Start.Counts, c.End.Counts, c.Class), (r.FirstValve, r.LastValve, r.EncoderStart, r.EncoderEnd, r.ClassIndex));
        }

        long[] delivered = [.. made.Keys.Where(s => s >= received[0].Sequence && s <= received[^1].Sequence).Order()];
        Assert.Equal(delivered, received.Select(r => r.Sequence).ToArray());
        long missing = received[^1].Sequence - received[0].Sequence + 1 - received.Length;
        if (host is not null)
        {
            long lateAtFanOut = host.Get<PipelineCounterAdapter>().Inner.Value(PipelineMetrics.ItemsDropped, DecisionFanOut.StageName, DropReasons.Deadline);
            Assert.True(missing <= lateAtFanOut, $"{missing} sequence numbers missing, {lateAtFanOut} commands dropped as late");
        }
    }

    private static Received[] Parse(JsonElement array) =>
        [.. array.EnumerateArray().Select(e => new Received(
            e.GetProperty("sequence").GetInt64(), e.GetProperty("firstValve").GetInt32(), e.GetProperty("lastValve").GetInt32(),
            e.GetProperty("encoderStart").GetInt64(), e.GetProperty("encoderEnd").GetInt64(), e.GetProperty("classIndex").GetInt32()))];

    private readonly record struct Received(long Sequence, int FirstValve, int LastValve, long EncoderStart, long EncoderEnd, int ClassIndex);
}
