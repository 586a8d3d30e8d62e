using System.Net;
using Prometheus;
using SortLine.OpcUa.Encoding;
using SortLine.OpcUa.Server;
using SortLine.OpcUa.Tests.Robustness;
using SortLine.Service.Telemetry;
using SortLine.Service.Tests.Infrastructure;

namespace SortLine.Service.Tests.Telemetry;

/// <summary>
/// A real OPC UA server on loopback and a real client: what the sampler publishes to the sortline_opcua_* gauges follows
/// the client's session, subscription and the notification waiting for its (never sent) Publish request.
/// </summary>
public sealed class OpcUaServerSamplerTests
{
    private const string Sessions = "sortline_opcua_sessions_active";
    private const string Subscriptions = "sortline_opcua_subscriptions_active";
    private const string PublishQueue = "sortline_opcua_publish_queue_depth_items";

    /// <summary>Server_NamespaceArray (i=2255): a namespace-0 variable every server has.</summary>
    private static readonly NodeId NamespaceArray = new(2255);

    [Fact]
    public async Task Sample_ClientWithSubscription_GaugesCountSessionSubscriptionAndQueuedNotification()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        CollectorRegistry registry = Metrics.NewCustomRegistry();
        var sampler = new OpcUaServerSampler(new SortLineMetrics(registry, "line-1", ["quartz"], 0.001, "1.0.0"));
        await using var server = new OpcUaServer(new OpcUaServerOptions { BindAddress = "127.0.0.1", Port = 0 });
        await server.StartAsync(cts.Token);
        await using RawUaClient client = await RawUaClient.ConnectAsync(new IPEndPoint(IPAddress.Loopback, server.LocalEndPoint!.Port), cts.Token);

        sampler.Sample(server);
        string idle = await ExpositionText.ExportAsync(registry);
        await client.CreateSessionAsync("sampler-tests", cts.Token);
        sampler.Sample(server);
        string created = await ExpositionText.ExportAsync(registry);
        await client.ActivateSessionAsync(cts.Token);
        uint subscription = await client.CreateSubscriptionAsync(publishingIntervalMs: 1000, lifetimeCount: 600, maxKeepAliveCount: 10, cts.Token);
        StatusCode item = await client.CreateMonitoredItemAsync(subscription, NamespaceArray, clientHandle: 7, samplingIntervalMs: 1000, cts.Token);
        sampler.Sample(server);
        string subscribed = await ExpositionText.ExportAsync(registry);

        Assert.Equal([0d, 0d, 0d], Gauges(idle));
        Assert.Equal(0, ExpositionText.Value(created, Sessions)); // created but not activated: not a session yet
        Assert.True(item.IsGood, item.ToString());

        // One activated session, one subscription, and the item's initial value waiting for a Publish request.
        Assert.Equal([1d, 1d, 1d], Gauges(subscribed));
    }

    [Fact]
    public async Task Reset_AfterSample_PublishesZero()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        CollectorRegistry registry = Metrics.NewCustomRegistry();
        var sampler = new OpcUaServerSampler(new SortLineMetrics(registry, "line-1", ["quartz"], 0.001, "1.0.0"));
        await using var server = new OpcUaServer(new OpcUaServerOptions { BindAddress = "127.0.0.1", Port = 0 });
        await server.StartAsync(cts.Token);
        await using RawUaClient client = await RawUaClient.ConnectAsync(new IPEndPoint(IPAddress.Loopback, server.LocalEndPoint!.Port), cts.Token);
        await client.CreateAndActivateSessionAsync("sampler-tests", cts.Token);
        sampler.Sample(server);
        double before = ExpositionText.Value(await ExpositionText.ExportAsync(registry), Sessions)!.Value;

        sampler.Reset();
        string after = await ExpositionText.ExportAsync(registry);

        Assert.Equal(1, before);
        Assert.Equal([0d, 0d, 0d], Gauges(after));
    }

    private static double[] Gauges(string exposition) =>
        [.. new[] { Sessions, Subscriptions, PublishQueue }.Select(name => ExpositionText.Value(exposition, name) ?? double.NaN)];
}
