using BenchmarkDotNet.Running;

// Runs the benchmarks named on the command line, e.g.
//   dotnet run -c Release --project benchmarks/SortLine.Benchmarks -- --filter '*LinePipeline*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
