using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using SortLine.Benchmarks.Infrastructure;
using SortLine.Pipeline.Inference;
using SortLine.Spectra;
using SortLine.Spectra.Classification;

namespace SortLine.Benchmarks.Pipeline;

/// <summary>
/// One SWIR line (384 px × 288 bands, uint16) raw counts → class and confidence per pixel on one core: the fused
/// per-pixel <see cref="LineClassifier"/> against the same kernels run step by step over the whole line (baseline).
/// Goal: ≥ 10,000 lines/s/core, 0 B per line.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Configuration))]
public class LineClassifierBenchmarks
{
    private const int Lines = 32;
    private SwirStudentData _data = null!;
    private LineClassifier _classifier = null!;
    private LineClassifierScratch _scratch = null!;
    private AffineClassifier _affine = null!;
    private byte[] _classes = [];
    private float[] _confidence = [];
    private float[] _preprocessed = [];
    private float[] _reflectance = [];
    private float[] _smoothed = [];
    private int[] _hull = [];
    private int[] _classIds = [];
    private float[] _scores = [];
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        _data = new SwirStudentData(Lines);
        _classifier = _data.CreateClassifier(new PixelRejectRule(4, minWinningScore: 0.3f, minMargin: 0.05f));
        _scratch = _classifier.CreateScratch();
        _affine = new AffineClassifier(_data.Model);
        _classes = new byte[SwirStudentData.Pixels];
        _confidence = new float[SwirStudentData.Pixels];
        _preprocessed = new float[SwirStudentData.Pixels * SwirStudentData.Bands];
        _reflectance = new float[SwirStudentData.Pixels * SwirStudentData.Bands];
        _smoothed = new float[SwirStudentData.Bands];
        _hull = new int[SwirStudentData.Bands];
        _classIds = new int[SwirStudentData.Pixels];
        _scores = new float[SwirStudentData.Classes];
    }

    /// <summary>The kernels one after the other over the whole line (line-sized intermediate buffers).</summary>
    [Benchmark(Baseline = true)]
    public int StepByStepLine()
    {
        ushort[] raw = NextLine();
        int pixels = SwirStudentData.Pixels, bands = SwirStudentData.Bands;
        _data.Calibration.Apply(raw, _reflectance);
        for (int p = 0; p < pixels; p++)
        {
            _data.Smoothing.Apply(_reflectance.AsSpan(p * bands, bands), _smoothed);
            _data.HullQuotient.Apply(_smoothed, _preprocessed.AsSpan(p * bands, bands), _hull);
        }

        _affine.ClassifyLine(new ReadOnlyMatrixSpan<float>(_preprocessed, pixels, bands), _classIds, _scores);
        return _classIds[0];
    }

    /// <summary>The fused classifier: every step per pixel, class + confidence + reject rule.</summary>
    [Benchmark]
    public int FusedLine() => _classifier.ClassifyLine(NextLine(), _classes, _confidence, _scratch);

    private ushort[] NextLine()
    {
        ushort[] raw = _data.Raw[_next];
        _next = (_next + 1) % Lines;
        return raw;
    }

    private sealed class Configuration : ManualConfig
    {
        public Configuration()
        {
            AddColumn(new LinesPerSecondColumn());
            Add(new HardwareIntrinsicsConfig());
        }
    }
}
