using SortLine.OpcUa.Encoding;
using SortLine.OpcUa.Server;
using SortLine.OpcUa.Services;

namespace SortLine.OpcUa.Tests.Robustness;

/// <summary>
/// 50 clients on 50 connections hold 50 activated sessions at the same time on a server with default options, each
/// browsing and reading; all succeed, and the session count returns to 0 once they close.
/// </summary>
[Trait("Category", "Robustness")]
public sealed class ConcurrentSessionsTests
{
    private const int Clients = 50;

    [Fact]
    public void DefaultOptions_MaxSessions_AllowsFiftyConcurrentSessions() => Assert.True(new OpcUaServerOptions().MaxSessions >= Clients);

    [Fact]
    public async Task FiftySessions_AllAtOnce_BrowseAndReadSucceedAndSessionCountReturnsToZero()
    {
        var logs = new CollectingLoggerFactory();
        await using var server = new OpcUaServer(new OpcUaServerOptions { Port = 0 }, logs);
        Interop.SampleNodeSet.AddTo(server);
        await server.StartAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var allActive = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        int active = 0;
        int peak = 0;

        async Task RunClientAsync(int index)
        {
            await using RawUaClient client = await RawUaClient.ConnectAsync(server.LocalEndPoint!, timeout.Token);
            await client.CreateAndActivateSessionAsync("client-" + index, timeout.Token);
            if (Interlocked.Increment(ref active) == Clients)
            {
                peak = server.SessionCount;
                allActive.SetResult();
            }

            await allActive.Task.WaitAsync(timeout.Token);

            BrowseResult objects = await client.BrowseAsync(new NodeId(85), timeout.Token);
            Assert.True(objects.StatusCode.IsGood, objects.StatusCode.ToString());
            Assert.Contains(objects.References!, r => r.NodeId.NodeId == new NodeId(2253));
            BrowseResult line = await client.BrowseAsync(NodeId.FromString(2, "Line1"), timeout.Token);
            Assert.Equal(
                ["BeltSpeed", "EjectedCount", "Enabled", "Interval", "Mode", "Spectrum", "Throughput"],
                line.References!.Select(r => r.BrowseName.Name).Order(StringComparer.Ordinal));

            DataValue[] values = await client.ReadAsync(
                [
                    new ReadValueId { NodeId = NodeId.FromString(2, "Line1.Throughput"), AttributeId = 13 },
                    new ReadValueId { NodeId = NodeId.FromString(2, "Line1.Mode"), AttributeId = 13 },
                    new ReadValueId { NodeId = NodeId.FromString(2, "Line1.EjectedCount"), AttributeId = 13 },
                    new ReadValueId { NodeId = new NodeId(2259), AttributeId = 13 }, // ServerStatus.State
                ],
                timeout.Token);
            Assert.Equal([new Variant(12.5), new Variant("Auto"), new Variant(42u), new Variant(0)], values.Select(v => v.Value));

            await client.CloseSessionAsync(timeout.Token);
            await client.CloseChannelAsync(timeout.Token);
        }

        await Task.WhenAll(Enumerable.Range(0, Clients).Select(RunClientAsync));

        Assert.Equal(Clients, peak);
        Assert.Equal(0, server.SessionCount);
        Assert.Empty(logs.Errors);
    }
}
