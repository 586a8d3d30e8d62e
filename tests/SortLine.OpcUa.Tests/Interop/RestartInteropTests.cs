using System.Globalization;
using System.Text.Json;
using SortLine.OpcUa.AddressSpace;
using SortLine.OpcUa.Server;
using SortLine.OpcUa.Sessions;
using SortLine.OpcUa.Tests.Interop;
using Xunit.Abstractions;

namespace SortLine.OpcUa.Tests.InteropTests;

/// <summary>
/// Survives a server restart: tests/interop/restart.peer.mjs (node-opcua 2.186.4 with reconnection on) holds a session
/// and a subscription on Line.BeltSpeed and Line.Decisions.LastCommand; the test stops the server (ERR Bad_ServerHalted)
/// and starts a new one on the same port. Sessions do not survive a restart: node-opcua's ActivateSession of the old
/// session fails, it creates and activates a new session on the same session object, TransferSubscriptions fails
/// (SortLine does not implement it: Bad_ServiceUnsupported) and it recreates the subscription and both monitored items
/// with their old client handles. The client then reads again and receives the decisions published after the restart,
/// in order. The two processes step each other through protocol lines on the script's stdout; no fixed sleeps.
/// </summary>
[Trait("Category", "Interop")]
public sealed class RestartInteropTests(ITestOutputHelper output)
{
    private const string User = "operator";
    private const string Password = "conveyor-42";
    private const int Decisions = 200;

    [Fact]
    public async Task NodeOpcUaClient_ServerRestartsOnSamePort_ReconnectsAndReceivesNewDecisionsInOrder()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        CancellationToken ct = timeout.Token;
        string hash = OpcUaPasswordHasher.Hash(Password, 10_000);

        (OpcUaServer first, SortLineNodeSet firstSorter) = await StartAsync(port: 0, beltSpeed: 2.5, hash);
        int port = first.LocalEndPoint!.Port;
        string url = first.EndpointUrl;
        OpcUaServer? second = null;
        SortLineNodeSet? secondSorter = null;
        await using var peer = NodePeerProcess.Start(
            "restart.peer.mjs",
            new Dictionary<string, string>
            {
                ["OPCUA_URL"] = url,
                ["OPCUA_USER"] = User,
                ["OPCUA_PASSWORD"] = Password,
                ["OPCUA_NS"] = SortLineNodeSetOptions.DefaultNamespaceUri,
                ["OPCUA_DECISIONS"] = Decisions.ToString(CultureInfo.InvariantCulture),
                ["OPCUA_DEADLINE_MS"] = "50000",
            },
            output);
        try
        {
            await peer.ExpectAsync("subscribed", ct);
            Assert.Equal(1, first.SubscriptionCount);
            Publish(firstSorter, 1, Decisions);
            Assert.Equal(Decisions.ToString(CultureInfo.InvariantCulture), await peer.ExpectAsync("received-before", ct));

            await first.StopAsync(ct);
            await peer.ExpectAsync("connection-lost", ct);

            (second, secondSorter) = await StartAsync(port, beltSpeed: 3.5, hash);
            Assert.Equal(url, second.EndpointUrl);
            string reconnected = await peer.ExpectAsync("reconnected", ct);
            output.WriteLine("reconnected: " + reconnected);
            using (JsonDocument report = JsonDocument.Parse(reconnected))
            {
                Assert.True(report.RootElement.GetProperty("sessionIdChanged").GetBoolean(), "a new session on the new server");
            }

            // the client recreated its subscription and both monitored items on the new server (nothing was transferred)
            Assert.Equal(1, second.SessionCount);
            Assert.Equal(1, second.SubscriptionCount);
            Assert.Equal(2, second.MonitoredItemCount);

            Publish(secondSorter, Decisions + 1, Decisions);
            Assert.Equal(Decisions.ToString(CultureInfo.InvariantCulture), await peer.ExpectAsync("received-after", ct));
            await peer.ExpectAsync("done", ct);
            Assert.Equal(0, await peer.WaitForExitAsync(ct));
            Assert.Equal(0, secondSorter.Decisions.DroppedCount);
        }
        finally
        {
            await firstSorter.DisposeAsync();
            await first.DisposeAsync();
            if (secondSorter is not null)
            {
                await secondSorter.DisposeAsync();
            }

            if (second is not null)
            {
                await second.DisposeAsync();
            }
        }
    }

    private static async Task<(OpcUaServer Server, SortLineNodeSet Sorter)> StartAsync(int port, double beltSpeed, string passwordHash)
    {
        var options = new OpcUaServerOptions { Port = port };
        options.Users.Add(new OpcUaUserAccount(User, passwordHash));
        var server = new OpcUaServer(options);
        SortLineNodeSet sorter = SortLineNodeSet.Create(
            server.AddressSpace,
            new SortLineNodeSetOptions { ClassNames = ["spodumene", "quartz"], InitialConfiguration = new SortLineConfiguration(["spodumene"], 0.7, 25) },
            new SortLineMethodHandlers());
        sorter.SetState(SortLineState.Running);
        sorter.SetBeltSpeed(beltSpeed);
        await server.StartAsync();
        return (server, sorter);
    }

    /// <summary>Decision k carries SequenceNumber k and FirstValve k % 300 (what restart.peer.mjs checks).</summary>
    private static void Publish(SortLineNodeSet sorter, int first, int count)
    {
        for (int k = first; k < first + count; k++)
        {
            ushort valve = (ushort)(k % 300);
            Assert.True(sorter.Decisions.TryPublish(new EjectionCommand((ulong)k, valve, (ushort)(valve + 2), 1000L * k, (1000L * k) + 500, (ushort)(k % 2), 0.9)));
        }
    }
}
