using SortLine.Benchmarks.Infrastructure;
using BenchmarkDotNet.Attributes;
using SortLine.Spectra;
using SortLine.Spectra.Baseline;

namespace SortLine.Benchmarks.Spectra;

/// <summary>
/// ALS baseline on one LIBS spectrum of 8,192 channels (λ = 1e5, p = 0.01, 10 iterations): target ≥ 5,000 spectra/s
/// per core, i.e. ≤ 200 µs per spectrum; allocation must be 0 B. <see cref="ApplyBatch"/> fits
/// <see cref="BatchSize"/> spectra per call (Vector256 lanes, four at a time): divide its time by the batch size.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(HardwareIntrinsicsConfig))]
public class AsymmetricLeastSquaresBaselineBenchmarks
{
    private AsymmetricLeastSquaresBaseline _plan = null!;
    private double[] _spectrum = null!;
    private double[] _baseline = null!;
    private double[] _scratch = null!;
    private double[] _batch = null!;
    private double[] _batchBaselines = null!;
    private double[] _batchScratch = null!;

    /// <summary>Spectra per <see cref="ApplyBatch"/> call.</summary>
    public const int BatchSize = 16;

    [Params(8192)]
    public int Channels { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(42);
        _spectrum = new double[Channels];
        for (int i = 0; i < Channels; i++)
        {
            double x = i / (double)Channels;
            double lines = 0;
            for (int k = 1; k <= 40; k++)
            {
                double centre = k / 41.0, gamma = 0.0004;
                lines += 3000.0 * gamma * gamma / (((x - centre) * (x - centre)) + (gamma * gamma));
            }

            _spectrum[i] = 500.0 + (300.0 * Math.Exp(-3 * x)) + lines + (rng.NextDouble() * 20.0);
        }

        _plan = new AsymmetricLeastSquaresBaseline(Channels);
        _baseline = new double[Channels];
        _scratch = new double[_plan.ScratchLength];
        _batch = new double[BatchSize * Channels];
        for (int r = 0; r < BatchSize; r++)
        {
            _spectrum.CopyTo(_batch, r * Channels);
            _batch[(r * Channels) + (r * 97)] += 40.0; // not identical rows
        }

        _batchBaselines = new double[BatchSize * Channels];
        _batchScratch = new double[AsymmetricLeastSquaresBaseline.GetBatchScratchLength(Channels)];
    }

    [Benchmark]
    public void Apply() => _plan.Apply(_spectrum, _baseline, _scratch);

    [Benchmark]
    public void Subtract() => _plan.Subtract(_spectrum, _baseline, _scratch);

    [Benchmark(OperationsPerInvoke = BatchSize)]
    public void ApplyBatch() => _plan.ApplyBatch(
        new ReadOnlyMatrixSpan<double>(_batch, BatchSize, Channels),
        new MatrixSpan<double>(_batchBaselines, BatchSize, Channels),
        _batchScratch);
}
