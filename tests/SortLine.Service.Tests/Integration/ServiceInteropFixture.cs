using System.Net;
using System.Net.Sockets;
using SortLine.Pipeline.Inference;
using SortLine.OpcUa.Sessions;
using SortLine.Service.Line;
using SortLine.Service.Tests.Infrastructure;

namespace SortLine.Service.Tests.Integration;

/// <summary>
/// The whole service on the simulated line, sorting with its first model, with its PLC link on a fixed port, anonymous
/// sessions switched off and one user: what a node-opcua client meets on a real line. The valves are far enough from the
/// scan line that no decision is ever late, so the PLC must see every command. <see cref="RestartAsync"/> stops the
/// service and starts it again on the same port with the same model registry (a service restart).
/// </summary>
public sealed class ServiceInteropFixture : IAsyncLifetime
{
    public const string User = "plc";
    public const string Password = "belt-and-braces-7";
    public static readonly TimeSpan Bound = TimeSpan.FromMinutes(5);

    /// <summary>The distance from the scan line to the valves on this line, in mm.</summary>
    public const int ScanToValveDistanceMm = 2500;

    /// <summary>Encoder counts per mm of belt (the repository configuration's 10,000 counts/m).</summary>
    public const int CountsPerMillimeter = 10;
    private readonly TempDirectory _directory = new();
    private Dictionary<string, string?> _settings = null!;

    internal TestServiceHost Host { get; private set; } = null!;

    public int Port { get; private set; }

    public string EndpointUrl => $"opc.tcp://127.0.0.1:{Port}";

    public string ModelDirectory => Path.Combine(_directory.Path, "models");

    public string Directory => _directory.Path;

    public async Task InitializeAsync()
    {
        Port = FreePort();
        _settings = SimulatedLineSettings.Create(Path.Combine(_directory.Path, "decisions.log"));
        _settings["SortLine:OpcUa:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _settings["SortLine:OpcUa:AllowAnonymous"] = "false";
        _settings["SortLine:OpcUa:Users:0:UserName"] = User;
        _settings["SortLine:OpcUa:Users:0:PasswordHash"] = OpcUaPasswordHasher.Hash(Password, 10_000);

        // No decision may be late on this line, even on a loaded 2-core machine whose model training starves the pipeline
        // for seconds: the valves sit 2.5 m after the scan line (10 s of belt at 0.25 m/s) and commands are released 3 s
        // before their start, so a particle of the longest tracked length (512 lines, 1.28 m) decided within the whole
        // 1.5 s latency budget is released on time, and a released command may wait 3 s before the fan-out finds it late.
        // (With the defaults, 150 mm and 10 ms, and even with 1.2 m and 1 s, such stalls made commands late.)
        string distance = ScanToValveDistanceMm.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _settings["SortLine:Line:ScanToValveDistanceMillimeters"] = distance;
        _settings["SortLine:Line:LatencyBudgetMilliseconds"] = "1500";
        _settings["SortLine:Ejection:ScanToValveDistanceMm"] = distance;
        _settings["SortLine:Ejection:CommandLead"] = "00:00:03";
        _settings["SortLine:Ejection:MaxBeltSpeedMetersPerSecond"] = "0.5";
        Host = await StartAsync();
    }

    /// <summary>Stops the service (its OPC UA server halts), waits for <paramref name="stopped"/>, then starts it again.</summary>
    internal async Task RestartAsync(Func<Task> stopped)
    {
        await Host.DisposeAsync();
        await stopped();
        Host = await StartAsync();
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        _directory.Dispose();
    }

    private async Task<TestServiceHost> StartAsync()
    {
        TestServiceHost host = await TestServiceHost.StartAsync(_settings, useRepositoryConfig: true);
        await host.Get<ModelSlot>().FirstModel.WaitAsync(Bound);
        await LineObservation.WaitForDecisionsAsync(host.Get<DecisionJournal>(), 50, Bound);
        return host;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
