using System.Net;
using System.Net.Sockets;
using SortLine.Pipeline.Inference;
using SortLine.OpcUa.Sessions;
using SortLine.Service.Line;
using SortLine.Service.Tests.Infrastructure;

namespace SortLine.Service.Tests.Integration;

/// <summary>
/// The whole service on the simulated line, sorting with its first model, with its PLC link on a fixed port, anonymous
/// sessions switched off and one user: what a node-opcua client meets on a real line. <see cref="RestartAsync"/> stops the
/// service and starts it again on the same port with the same model registry (a service restart).
/// </summary>
public sealed class ServiceInteropFixture : IAsyncLifetime
{
    public const string User = "plc";
    public const string Password = "belt-and-braces-7";
    public static readonly TimeSpan Bound = TimeSpan.FromMinutes(5);
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
