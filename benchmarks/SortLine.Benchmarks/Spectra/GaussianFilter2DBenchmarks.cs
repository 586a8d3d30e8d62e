using BenchmarkDotNet.Attributes;
using SortLine.Spectra;
using SortLine.Spectra.Filtering;

namespace SortLine.Benchmarks.Spectra;

/// <summary>Gaussian filter (σ = 1.5 × 2, reflect) over a LIBS line-intensity map; allocation must be 0 B.</summary>
[MemoryDiagnoser]
public class GaussianFilter2DBenchmarks
{
    private GaussianFilter2D _filter = null!;
    private double[] _map = null!;
    private double[] _output = null!;
    private double[] _scratch = null!;

    [Params(50, 500)]
    public int Size { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(1);
        _map = new double[Size * Size];
        for (int i = 0; i < _map.Length; i++)
        {
            _map[i] = rng.NextDouble();
        }

        _output = new double[_map.Length];
        _filter = new GaussianFilter2D(1.5, 2.0);
        _scratch = new double[_filter.GetScratchLength(Size, Size)];
    }

    [Benchmark]
    public void Apply() => _filter.Apply(
        new ReadOnlyMatrixSpan<double>(_map, Size, Size), new MatrixSpan<double>(_output, Size, Size), _scratch);
}
