using SortLine.Benchmarks.Infrastructure;
using BenchmarkDotNet.Attributes;
using SortLine.Spectra.Continuum;

namespace SortLine.Benchmarks.Spectra;

/// <summary>
/// Hull quotient (continuum removal) for every pixel of one SWIR line (384 px × 288 bands, float): the scalar monotone chain
/// (the reference, and the implementation before the fast path: baseline), the static entry (validates the wavelengths
/// every call) and the plan (wavelengths validated once), both on the gift-wrap SIMD fast path.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(HardwareIntrinsicsConfig))]
public class HullQuotientBenchmarks
{
    private const int Pixels = 384;
    private const int Bands = 288;
    private float[] _wavelengths = null!;
    private float[] _line = null!;
    private float[] _quotient = null!;
    private int[] _scratch = null!;
    private HullQuotientPlan _plan = null!;

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(3);
        _wavelengths = new float[Bands];
        for (int b = 0; b < Bands; b++)
        {
            _wavelengths[b] = 900f + (b * (1600f / (Bands - 1)));
        }

        _line = new float[Pixels * Bands];
        for (int i = 0; i < _line.Length; i++)
        {
            int b = i % Bands;
            float dip = 0.2f * MathF.Exp(-MathF.Pow((b - 150) / 12f, 2));
            _line[i] = 0.6f + (0.1f * MathF.Sin(b * 0.02f)) - dip + (float)(rng.NextDouble() * 0.01);
        }

        _quotient = new float[_line.Length];
        _scratch = new int[Bands];
        _plan = new HullQuotientPlan(Array.ConvertAll(_wavelengths, v => (double)v));
    }

    [Benchmark(Baseline = true)]
    public int ReferenceChainLine()
    {
        int nonPositive = 0;
        for (int p = 0; p < Pixels; p++)
        {
            nonPositive += HullQuotient.ApplyScalar<float>(_wavelengths, _line.AsSpan(p * Bands, Bands), _quotient.AsSpan(p * Bands, Bands), _scratch);
        }

        return nonPositive;
    }

    [Benchmark]
    public int PlanApplyLine()
    {
        int nonPositive = 0;
        for (int p = 0; p < Pixels; p++)
        {
            nonPositive += _plan.Apply(_line.AsSpan(p * Bands, Bands), _quotient.AsSpan(p * Bands, Bands), _scratch);
        }

        return nonPositive;
    }

    [Benchmark]
    public int ApplyLine()
    {
        int nonPositive = 0;
        for (int p = 0; p < Pixels; p++)
        {
            nonPositive += HullQuotient.Apply<float>(_wavelengths, _line.AsSpan(p * Bands, Bands), _quotient.AsSpan(p * Bands, Bands), _scratch);
        }

        return nonPositive;
    }
}
