using SortLine.Benchmarks.Infrastructure;
using BenchmarkDotNet.Attributes;
using SortLine.Spectra.Smoothing;

namespace SortLine.Benchmarks.Spectra;

/// <summary>Savitzky–Golay along bands for every pixel of one SWIR line (384 px × 288 bands, float).</summary>
[MemoryDiagnoser]
[Config(typeof(HardwareIntrinsicsConfig))]
public class SavitzkyGolayPlanBenchmarks
{
    private const int Pixels = 384;
    private const int Bands = 288;
    private SavitzkyGolayPlan _plan = null!;
    private float[] _line = null!;
    private float[] _output = null!;

    [Params(11)]
    public int Window { get; set; }

    [Params(0, 1)]
    public int Derivative { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(2);
        _plan = new SavitzkyGolayPlan(Window, 3, Derivative, delta: 5.57);
        _line = new float[Pixels * Bands];
        for (int i = 0; i < _line.Length; i++)
        {
            _line[i] = 0.5f + (0.3f * MathF.Sin(i % Bands * 0.05f)) + (float)(rng.NextDouble() * 0.01);
        }

        _output = new float[_line.Length];
    }

    [Benchmark]
    public void ApplyLine()
    {
        for (int p = 0; p < Pixels; p++)
        {
            _plan.Apply(_line.AsSpan(p * Bands, Bands), _output.AsSpan(p * Bands, Bands));
        }
    }
}
