using System.Net;
using SortLine.Pipeline.Inference;
using SortLine.OpcUa.Encoding;
using SortLine.OpcUa.Services;
using SortLine.OpcUa.Tests.Robustness;
using SortLine.Service.Line;
using SortLine.Service.Tests.Infrastructure;
using SortLine.Service.Workers;

namespace SortLine.Service.Tests.Integration;

/// <summary>
/// One service host on the simulated line, sorting with its first model, and a real OPC UA client session on its PLC
/// link (anonymous, allowed to write and call for the test).
/// </summary>
public sealed class PlcControlFixture : IAsyncLifetime
{
    public static readonly TimeSpan Bound = TimeSpan.FromMinutes(4);
    private readonly TempDirectory _directory = new();

    internal TestServiceHost Host { get; private set; } = null!;

    internal RawUaClient Client { get; private set; } = null!;

    internal DecisionJournal Journal => Host.Get<DecisionJournal>();

    internal ushort Namespace { get; private set; }

    public string ModelDirectory => Path.Combine(_directory.Path, "models");

    public async Task InitializeAsync()
    {
        Dictionary<string, string?> settings = SimulatedLineSettings.Create(Path.Combine(_directory.Path, "decisions.log"));
        settings["SortLine:OpcUa:AnonymousMayWrite"] = "true";
        settings["SortLine:OpcUa:AnonymousMayCall"] = "true";
        Host = await TestServiceHost.StartAsync(settings, useRepositoryConfig: true);
        await Host.Get<ModelSlot>().FirstModel.WaitAsync(Bound);
        await LineObservation.WaitForDecisionsAsync(Journal, 100, Bound);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        IPEndPoint endPoint = Host.Get<OpcUaWorker>().LocalEndPoint!;
        Client = await RawUaClient.ConnectAsync(new IPEndPoint(IPAddress.Loopback, endPoint.Port), cts.Token);
        await Client.CreateAndActivateSessionAsync("plc-control-tests", cts.Token);
        DataValue[] namespaces = await Client.ReadAsync([new ReadValueId { NodeId = new NodeId(2255), AttributeId = 13 }], cts.Token);
        Namespace = (ushort)Array.IndexOf((string[])namespaces[0].Value.Value!, "urn:sortline");
    }

    internal NodeId Node(string id) => NodeId.FromString(Namespace, id);

    internal async Task<StatusCode> CallAsync(string method, params Variant[] inputs)
    {
        using var cts = new CancellationTokenSource(Bound);
        (StatusCode status, _) = await Client.CallMethodAsync(Node("Line"), Node("Line." + method), inputs, cts.Token);
        return status;
    }

    internal async Task<StatusCode> WriteAsync(string id, Variant value)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await Client.WriteAsync(Node(id), value, cts.Token);
    }

    internal async Task<object?> ReadAsync(string id)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        DataValue[] values = await Client.ReadAsync([new ReadValueId { NodeId = Node(id), AttributeId = 13 }], cts.Token);
        return values[0].Value.Value;
    }

    /// <summary>Waits until the belt has moved by <paramref name="counts"/> encoder counts (time passes on the line, measured by the line).</summary>
    internal async Task WaitForBeltAsync(long counts)
    {
        SortLine.Sensors.Encoder.IBeltEncoder encoder = Host.Get<SimulatedLineProvider>().Encoder;
        long start = encoder.Read().Counts;
        await LineObservation.WaitUntilAsync(() => Task.FromResult(encoder.Read().Counts - start >= counts), Bound, $"{counts} belt counts");
    }

    public async Task DisposeAsync()
    {
        await Client.DisposeAsync();
        await Host.DisposeAsync();
        _directory.Dispose();
    }
}
