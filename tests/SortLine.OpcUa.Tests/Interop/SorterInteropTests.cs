using System.Globalization;
using SortLine.OpcUa.AddressSpace;
using SortLine.OpcUa.Encoding;
using SortLine.OpcUa.Server;
using SortLine.OpcUa.Sessions;
using SortLine.OpcUa.Tests.Interop;
using Xunit.Abstractions;

namespace SortLine.OpcUa.Tests.InteropTests;

/// <summary>
/// Runs tests/interop/sorter.test.mjs (node-opcua 2.186.4) against a server hosting <see cref="SortLineNodeSet"/>: reads,
/// configuration writes, every method, Publish/Republish, and 20,000 decisions at full speed to one subscriber while
/// another client never sends Publish. A test-only object (namespace urn:sortline:test) lets the client start the
/// decision burst once it has subscribed and read the publisher's counters.
/// </summary>
[Trait("Category", "Interop")]
public sealed class SorterInteropTests(ITestOutputHelper output)
{
    private const string User = "operator";
    private const string Password = "conveyor-42";
    private const string TestNamespace = "urn:sortline:test";
    private const int Decisions = 20_000;

    [Fact]
    public async Task NodeOpcUaClient_SorterNodeSet_SubscribeCallWriteRead_AllPass()
    {
        var options = new OpcUaServerOptions { Port = 0, MaxMonitoredItemQueueSize = 32_768 };
        options.Users.Add(new OpcUaUserAccount(User, OpcUaPasswordHasher.Hash(Password, 10_000)));
        await using var server = new OpcUaServer(options);
        int configurationChanges = 0;
        await using SortLineNodeSet sorter = SortLineNodeSet.Create(
            server.AddressSpace,
            new SortLineNodeSetOptions
            {
                ClassNames = ["spodumene", "lepidolite", "quartz", "feldspar"],
                InitialConfiguration = new SortLineConfiguration(["spodumene"], 0.7, 25),
            },
            new SortLineMethodHandlers
            {
                StartLine = _ => Ok(() => Sorter!.SetState(SortLineState.Running)),
                StopLine = _ => Ok(() => Sorter!.SetState(SortLineState.Stopped)),
                ResetCounters = _ => ValueTask.FromResult(StatusCode.Good),
                RequestRetrain = (_, _) => ValueTask.FromResult(StatusCode.Good),
                RollbackModel = (version, _) => ValueTask.FromResult(version == "student-6" ? StatusCode.Good : StatusCode.BadInvalidState),
                CaptureDarkReference = async (_, ct) =>
                {
                    await Task.Yield();
                    return StatusCode.Good;
                },
                CaptureWhiteReference = (_, _) => ValueTask.FromResult(StatusCode.Good),
            });
        Sorter = sorter;
        sorter.ConfigurationChanged += (_, _) => Interlocked.Increment(ref configurationChanges);
        sorter.SetState(SortLineState.Running);
        sorter.SetBeltSpeed(2.5);
        sorter.SetEncoderPosition(123_456_789);
        sorter.SetLinesPerSecond(600);
        sorter.SetDroppedLines(3);
        sorter.SetLateDecisions(1);
        sorter.SetModelVersion("student-7");
        sorter.SetTeacherAgreement(0.93);
        sorter.SetParticleCount(0, 1000);
        sorter.SetEjectionCount(2, 7);
        AddTestControl(server, sorter);
        await server.StartAsync();

        int exitCode = await NodeTestRunner.RunAsync(
            "sorter.test.mjs",
            new Dictionary<string, string>
            {
                ["OPCUA_URL"] = server.EndpointUrl,
                ["OPCUA_USER"] = User,
                ["OPCUA_PASSWORD"] = Password,
                ["OPCUA_NS"] = SortLineNodeSetOptions.DefaultNamespaceUri,
                ["OPCUA_TEST_NS"] = TestNamespace,
                ["OPCUA_DECISIONS"] = Decisions.ToString(CultureInfo.InvariantCulture),
            },
            output,
            TimeSpan.FromMinutes(4));

        Assert.True(exitCode == 0, "node --test sorter.test.mjs failed (exit " + exitCode + "); see the test output");
        Assert.Equal(new[] { "spodumene", "lepidolite" }, sorter.Configuration.TargetClasses);
        Assert.Equal(0.8, sorter.Configuration.EjectThreshold);
        Assert.Equal(40u, sorter.Configuration.MinParticlePixels);
        Assert.Equal(3, configurationChanges);
    }

    private SortLineNodeSet? Sorter { get; set; }

    private static ValueTask<StatusCode> Ok(Action action)
    {
        action();
        return ValueTask.FromResult(StatusCode.Good);
    }

    /// <summary>Decision k as sorter.test.mjs expects it, published as fast as TryPublish accepts them.</summary>
    private static void PublishDecisions(SortLineNodeSet sorter, uint count)
    {
        for (uint k = 1; k <= count; k++)
        {
            ushort first = (ushort)(k % 300);
            sorter.Decisions.TryPublish(new EjectionCommand(k, first, (ushort)(first + 2), 1000L * k, (1000L * k) + 500, (ushort)(k % 4), (k % 100) / 100.0));
        }
    }

    private static void AddTestControl(OpcUaServer server, SortLineNodeSet sorter)
    {
        AddressSpaceBuilder builder = server.AddressSpace;
        ushort ns = builder.RegisterNamespace(TestNamespace);
        ObjectNode control = builder.AddObject(ObjectIds.ObjectsFolder, NodeId.FromString(ns, "Test"), "Test");
        builder.AddMethod(control.NodeId, NodeId.FromString(ns, "Test.PublishDecisions"), "PublishDecisions",
            [new MethodArgument("Count", DataTypeIds.UInt32)], [],
            (call, cancellationToken) =>
            {
                uint count = (uint)call.InputArguments[0].Value!;
                _ = Task.Run(() => PublishDecisions(sorter, count), CancellationToken.None);
                return ValueTask.FromResult(MethodCallResult.Success());
            });
        builder.AddMethod(control.NodeId, NodeId.FromString(ns, "Test.Counters"), "Counters", [],
            [new MethodArgument("Published", DataTypeIds.UInt64), new MethodArgument("Dropped", DataTypeIds.UInt64), new MethodArgument("Discarded", DataTypeIds.UInt64)],
            (_, _) => ValueTask.FromResult(MethodCallResult.Success(
                new Variant((ulong)sorter.Decisions.PublishedCount), new Variant((ulong)sorter.Decisions.DroppedCount), new Variant((ulong)server.DiscardedNotificationCount))));
    }
}
