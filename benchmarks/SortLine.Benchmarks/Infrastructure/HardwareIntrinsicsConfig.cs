using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;

namespace SortLine.Benchmarks.Infrastructure;

/// <summary>
/// For SIMD kernels: when <c>SORTLINE_BENCH_ISA=compare</c> is set, runs the same benchmark four times — all ISAs,
/// AVX-512 off, AVX2 off, all hardware intrinsics off (the scalar path) — so one table compares the code paths
/// (after ImageSharp's Config.HwIntrinsics). Off by default, so an ordinary run (or <c>--job dry</c>) stays one job.
/// </summary>
internal sealed class HardwareIntrinsicsConfig : ManualConfig
{
    public const string Switch = "SORTLINE_BENCH_ISA";

    public HardwareIntrinsicsConfig()
    {
        if (!string.Equals(Environment.GetEnvironmentVariable(Switch), "compare", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        AddJob(Job.Default.WithId("AllIsa").AsBaseline());
        AddJob(Job.Default.WithId("NoAvx512").WithEnvironmentVariable("DOTNET_EnableAVX512", "0"));
        AddJob(Job.Default.WithId("NoAvx2").WithEnvironmentVariable("DOTNET_EnableAVX2", "0"));
        AddJob(Job.Default.WithId("Scalar").WithEnvironmentVariable("DOTNET_EnableHWIntrinsic", "0"));
    }
}
