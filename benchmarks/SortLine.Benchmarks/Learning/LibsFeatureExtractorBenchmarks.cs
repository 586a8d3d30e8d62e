using BenchmarkDotNet.Attributes;
using SortLine.Learning.Teacher;

namespace SortLine.Benchmarks.Learning;

/// <summary>
/// One LIBS point through the teacher's feature extraction (ALS λ = 1e5, p = 0.01, 10 iterations; robust noise and
/// plasma test, two sorts of n values; 17 default lines), 8,192 channels over 200-900 nm, float input as
/// <c>LibsPoint.Spectrum</c> holds it. Allocation must be 0 B. At a 100 Hz LIBS point rate the budget is 10 ms per point.
/// </summary>
[MemoryDiagnoser]
public class LibsFeatureExtractorBenchmarks
{
    private LibsFeatureExtractor _extractor = null!;
    private float[] _spectrum = null!;
    private double[] _features = null!;
    private double[] _scratch = null!;

    [Params(8192)]
    public int Channels { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(42);
        var wavelengths = new double[Channels];
        _spectrum = new float[Channels];
        double[] lines = [308.17, 309.25, 288.16, 251.59, 252.82, 670.76, 610.22, 766.40, 769.81, 779.94, 794.58];
        for (int i = 0; i < Channels; i++)
        {
            wavelengths[i] = 200.0 + (700.0 * i / (Channels - 1));
            double y = 500.0 + (300.0 * Math.Exp(-(wavelengths[i] - 450) * (wavelengths[i] - 450) / 40000.0));
            foreach (double centre in lines)
            {
                double dx = wavelengths[i] - centre, g = 0.08;
                y += 2000.0 * g * g / ((dx * dx) + (g * g));
            }

            _spectrum[i] = (float)(y + (rng.NextDouble() * 20.0));
        }

        _extractor = new LibsFeatureExtractor(wavelengths);
        _features = new double[_extractor.FeatureCount];
        _scratch = _extractor.CreateScratch();
    }

    [Benchmark]
    public bool TryExtract() => _extractor.TryExtract(_spectrum, _features, _scratch, out _);
}
