using BenchmarkDotNet.Attributes;
using SortLine.Spectra;
using SortLine.Spectra.Clustering;

namespace SortLine.Benchmarks.Spectra;

/// <summary>
/// K-means on LIBS-sized training data: 20,000 points × 17 line features (the document's element lines), k = 5.
/// Fit with fixed initial centroids isolates Lloyd's iterations; the k-means++ case adds the seeding. Predict is the
/// per-sample nearest-centroid step (must report 0 B).
/// </summary>
/// <remarks>
/// The ISA comparison is left to the command line, so that <c>--job dry</c> stays a dry run (a class-level config
/// with its own jobs would add full jobs next to it): append
/// <c>--envVars DOTNET_EnableAVX512:0</c> or <c>--envVars DOTNET_EnableHWIntrinsic:0</c> to compare the Vector256 and
/// scalar distance paths.
/// </remarks>
[MemoryDiagnoser]
public class KMeansBenchmarks
{
    private const int Samples = 20_000;
    private const int Features = 17;
    private const int Clusters = 5;

    private double[] _data = [];
    private double[] _initial = [];
    private int[] _labels = [];
    private KMeansModel _model = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(17);
        _data = new double[Samples * Features];
        for (int i = 0; i < Samples; i++)
        {
            int mineral = i % Clusters;
            for (int f = 0; f < Features; f++)
            {
                // Knowledge-like structure: each "mineral" lights up its own subset of lines, plus noise.
                double signal = (f % Clusters) == mineral ? 1.0 : 0.1;
                _data[(i * Features) + f] = signal + (0.15 * (random.NextDouble() - 0.5));
            }
        }

        _initial = _data.AsSpan(0, Clusters * Features).ToArray();
        _labels = new int[Samples];
        _model = KMeans.Fit(Data, new KMeansOptions { ClusterCount = Clusters, InitialCentroids = _initial });
    }

    private ReadOnlyMatrixSpan<double> Data => new(_data, Samples, Features);

    [Benchmark(Baseline = true)]
    public double FitExplicitInit() =>
        KMeans.Fit(Data, new KMeansOptions { ClusterCount = Clusters, InitialCentroids = _initial }).Inertia;

    [Benchmark]
    public double FitKMeansPlusPlusSingleInit() =>
        KMeans.Fit(Data, new KMeansOptions { ClusterCount = Clusters, InitCount = 1, Seed = 1 }).Inertia;

    [Benchmark]
    public void PredictAllSamples() => _model.Predict(Data, _labels);

    [Benchmark]
    public int PredictOneSample() => _model.Predict(_data.AsSpan(0, Features));
}
