using System.Globalization;
using SortLine.OpcUa.AddressSpace;
using SortLine.OpcUa.Encoding;
using SortLine.OpcUa.Server;

namespace SortLine.Benchmarks.OpcUa;

/// <summary>
/// Hosts SortLine's OPC UA server for the cross-implementation Read latency benchmark (benchmarks/opcua-peer): binds
/// 127.0.0.1 on a free port, serves the Double variable <c>ns=&lt;urn:sortline:bench&gt;;s=Line1.BeltSpeed</c> = 1.5, prints
/// <c>READY opc.tcp://127.0.0.1:&lt;port&gt;</c> and runs until stdin closes or <c>--seconds</c> (default 300) pass.
/// Started with <c>SortLine.Benchmarks opcua-host [--seconds N]</c>. With <c>--decisions</c> it hosts the sorter node set
/// for the decision throughput benchmark instead (<see cref="OpcUaDecisionHost"/>).
/// </summary>
internal static class OpcUaBenchmarkHost
{
    public const string NamespaceUri = "urn:sortline:bench";

    public static async Task RunAsync(string[] args)
    {
        int seconds = 300;
        int at = Array.IndexOf(args, "--seconds");
        if (at >= 0 && at + 1 < args.Length)
        {
            seconds = Math.Clamp(int.Parse(args[at + 1], CultureInfo.InvariantCulture), 1, 3600);
        }

        if (args.Contains("--decisions"))
        {
            await OpcUaDecisionHost.RunAsync(seconds);
            return;
        }

        await using var server = new OpcUaServer(new OpcUaServerOptions { BindAddress = "127.0.0.1", Port = 0 });
        ushort ns = server.AddressSpace.RegisterNamespace(NamespaceUri);
        ObjectNode line = server.AddressSpace.AddFolder(ObjectIds.ObjectsFolder, NodeId.FromString(ns, "Line1"), "Line1");
        server.AddressSpace.AddVariable(line.NodeId, NodeId.FromString(ns, "Line1.BeltSpeed"), "BeltSpeed", DataTypeIds.Double, new Variant(1.5));
        await server.StartAsync();
        Console.WriteLine("READY opc.tcp://127.0.0.1:" + server.LocalEndPoint!.Port.ToString(CultureInfo.InvariantCulture));

        // Stop when the driver closes stdin (or dies), or after the time limit.
        Task stdinClosed = Task.Run(async () =>
        {
            using var input = Console.OpenStandardInput();
            var buffer = new byte[256];
            while (await input.ReadAsync(buffer) > 0)
            {
            }
        });
        await Task.WhenAny(stdinClosed, Task.Delay(TimeSpan.FromSeconds(seconds)));
        await server.StopAsync();
    }
}
