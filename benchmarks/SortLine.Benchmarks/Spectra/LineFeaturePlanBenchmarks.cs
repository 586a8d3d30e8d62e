using BenchmarkDotNet.Attributes;
using SortLine.Spectra.Features;

namespace SortLine.Benchmarks.Spectra;

/// <summary>Line heights and areas for the default line table on an 8,192-channel 200-900 nm spectrum; 0 B allocated.</summary>
[MemoryDiagnoser]
public class LineFeaturePlanBenchmarks
{
    private LineFeaturePlan _plan = null!;
    private double[] _spectrum = null!;
    private double[] _heights = null!;
    private double[] _areas = null!;

    [GlobalSetup]
    public void Setup()
    {
        const int channels = 8192;
        var wavelengths = new double[channels];
        var rng = new Random(2);
        _spectrum = new double[channels];
        for (int i = 0; i < channels; i++)
        {
            wavelengths[i] = 200.0 + (700.0 * i / (channels - 1));
            _spectrum[i] = rng.NextDouble() * 100.0;
        }

        _plan = new LineFeaturePlan(wavelengths, ElementLineTable.Default, 0.5);
        _heights = new double[_plan.Lines.Count];
        _areas = new double[_plan.Lines.Count];
    }

    [Benchmark]
    public void Measure() => _plan.Measure(_spectrum, _heights, _areas);
}
