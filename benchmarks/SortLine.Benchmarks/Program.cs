using BenchmarkDotNet.Running;

// Runs the benchmarks named on the command line, e.g.
//   dotnet run -c Release --project benchmarks/SortLine.Benchmarks -- --filter '*LinePipeline*'
// `opcua-host` instead hosts SortLine's OPC UA server for benchmarks/opcua-peer (see benchmarks/README.md).
if (args.Length > 0 && args[0] == "opcua-host")
{
    await SortLine.Benchmarks.OpcUa.OpcUaBenchmarkHost.RunAsync(args[1..]);
    return;
}

// (Not typeof(Program): the service assembly, referenced for its sorting pipeline, has a Program of its own.)
BenchmarkSwitcher.FromAssembly(typeof(SortLine.Benchmarks.Infrastructure.LinesPerSecondColumn).Assembly).Run(args);
