using BenchmarkDotNet.Attributes;
using SortLine.Benchmarks.Infrastructure;
using SortLine.Spectra;
using SortLine.Spectra.Baseline;
using SortLine.Spectra.Calibration;
using SortLine.Spectra.Classification;
using SortLine.Spectra.Clustering;
using SortLine.Spectra.Continuum;
using SortLine.Spectra.Regression;
using SortLine.Spectra.Smoothing;

namespace SortLine.Benchmarks.Spectra;

/// <summary>
/// The workloads of benchmarks/peers, on exactly the bytes the peer scripts time (NumPy/SciPy/scikit-learn/SPy), so
/// <c>benchmarks/peers/run.sh</c> can print SortLine/peer ratios. Each method's time is per operation: per line, per
/// fit, per spectrum. Run through run.sh, which writes the data first.
/// </summary>
[MemoryDiagnoser]
public class PeerWorkloadBenchmarks
{
    private const int AlsBatch = 16;

    private PeerWorkloadData _data = null!;
    private ushort[] _raw = [];
    private int _pixels, _bands, _lines, _classes;
    private float[] _wavelengths = [];
    private ReflectanceCalibration _calibration = null!;
    private SavitzkyGolayPlan _smoothing = null!;
    private AffineClassifier _classifier = null!;
    private float[] _reflectance = [], _smoothed = [], _quotient = [], _scores = [];
    private int[] _hull = [], _ids = [];

    private double[] _plsX = [];
    private int[] _plsLabels = [];
    private PlsOptions _plsOptions = null!;

    private double[] _kmeansX = [];
    private KMeansOptions _kmeansOptions = null!;

    private double[] _alsSpectra = [], _alsBaselines = [], _alsScratch = [];
    private int _alsCount, _alsChannels;
    private AsymmetricLeastSquaresBaseline _als = null!;

    [GlobalSetup]
    public void Setup()
    {
        _data = PeerWorkloadData.Open();
        _pixels = _data.Int("pixels");
        _bands = _data.Int("bands");
        _lines = _data.Int("lines");
        _classes = _data.Int("classes");
        _raw = _data.Read<ushort>("line_raw");
        _wavelengths = [.. _data.Read<double>("line_wavelengths").Select(w => (float)w)];
        _calibration = ReflectanceCalibration.FromReferenceFrames(_pixels, _bands, _data.Read<double>("line_dark"), _data.Read<double>("line_white"),
            ReflectanceCalibration.DefaultDeadThresholdDn);
        _smoothing = new SavitzkyGolayPlan(_data.Int("savgol_window"), _data.Int("savgol_order"));
        _classifier = new AffineClassifier(AffineModel.Create(
            new ReadOnlyMatrixSpan<double>(_data.Read<double>("line_weights"), _classes, _bands), _data.Read<double>("line_intercept")));
        _reflectance = new float[_pixels * _bands];
        _quotient = new float[_pixels * _bands];
        _smoothed = new float[_bands];
        _scores = new float[_classes];
        _hull = new int[_bands];
        _ids = new int[_pixels];

        _plsX = _data.Read<double>("pls_x");
        _plsLabels = _data.Read<int>("pls_y");
        _plsOptions = new PlsOptions { Components = _data.Int("pls_components"), Scale = true };

        _kmeansX = _data.Read<double>("kmeans_x");
        _kmeansOptions = new KMeansOptions
        {
            ClusterCount = _data.Int("kmeans_k"),
            InitialCentroids = _data.Read<double>("kmeans_init"),
            InitCount = 1,
            MaxIterations = _data.Int("kmeans_max_iter"),
            Tolerance = _data.Double("kmeans_tol"),
        };

        int[] alsShape = _data.Shape("als_spectra");
        (_alsCount, _alsChannels) = (alsShape[0], alsShape[1]);
        if (_alsCount != AlsBatch || _lines != 32)
        {
            throw new InvalidDataException($"Workload shapes changed ({_alsCount} ALS spectra, {_lines} lines): update OperationsPerInvoke.");
        }

        _alsSpectra = _data.Read<double>("als_spectra");
        _alsBaselines = new double[_alsSpectra.Length];
        _als = new AsymmetricLeastSquaresBaseline(_alsChannels, _data.Double("als_lambda"), _data.Double("als_p"), _data.Int("als_iterations"));
        _alsScratch = new double[AsymmetricLeastSquaresBaseline.GetBatchScratchLength(_alsChannels)];
    }

    /// <summary>Per line: reflectance → Savitzky–Golay → hull quotient → affine classify (peer: NumPy, SciPy savgol_filter, SPy remove_continuum).</summary>
    [Benchmark(OperationsPerInvoke = 32)]
    public int LinePreprocessClassify()
    {
        int size = _pixels * _bands;
        for (int l = 0; l < _lines; l++)
        {
            _calibration.Apply(_raw.AsSpan(l * size, size), _reflectance);
            for (int p = 0; p < _pixels; p++)
            {
                _smoothing.Apply(_reflectance.AsSpan(p * _bands, _bands), _smoothed);
                HullQuotient.Apply<float>(_wavelengths, _smoothed, _quotient.AsSpan(p * _bands, _bands), _hull);
            }

            _classifier.ClassifyLine(new ReadOnlyMatrixSpan<float>(_quotient, _pixels, _bands), _ids, _scores);
        }

        return _ids[0];
    }

    /// <summary>PLS-DA fit, 20,000 × 288, 17 components (peer: scikit-learn PLSRegression).</summary>
    [Benchmark]
    public PlsDiscriminantModel PlsFit() =>
        PlsDiscriminant.Fit(new ReadOnlyMatrixSpan<double>(_plsX, _plsLabels.Length, _bands), _plsLabels, _classes, _plsOptions);

    /// <summary>Lloyd k-means, 20,000 × 17, k = 5, given initial centroids (peer: scikit-learn KMeans lloyd).</summary>
    [Benchmark]
    public KMeansModel KMeansFit() => KMeans.Fit(new ReadOnlyMatrixSpan<double>(_kmeansX, _kmeansX.Length / 17, 17), _kmeansOptions);

    /// <summary>ALS baseline per 8,192-channel spectrum (peer: SciPy sparse spsolve, textbook formulation).</summary>
    [Benchmark(OperationsPerInvoke = AlsBatch)]
    public double AlsSpectrum()
    {
        _als.ApplyBatch(new ReadOnlyMatrixSpan<double>(_alsSpectra, _alsCount, _alsChannels),
            new MatrixSpan<double>(_alsBaselines, _alsCount, _alsChannels), _alsScratch);
        return _alsBaselines[0];
    }
}
