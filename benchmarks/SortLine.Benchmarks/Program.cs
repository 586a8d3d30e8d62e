using BenchmarkDotNet.Running;

// Runs the benchmarks named on the command line, e.g.
//   dotnet run -c Release --project benchmarks/SortLine.Benchmarks -- --filter '*LinePipeline*'
// `opcua-host` instead hosts SortLine's OPC UA server for benchmarks/opcua-peer (see benchmarks/README.md).
if (args.Length > 0 && args[0] == "opcua-host")
{
    await SortLine.Benchmarks.OpcUa.OpcUaBenchmarkHost.RunAsync(args[1..]);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
