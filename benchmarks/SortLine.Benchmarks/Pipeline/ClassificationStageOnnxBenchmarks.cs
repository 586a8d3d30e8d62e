using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.ML.OnnxRuntime;
using SortLine.Benchmarks.Infrastructure;
using SortLine.Learning.Onnx;
using SortLine.Pipeline.Inference;

namespace SortLine.Benchmarks.Pipeline;

/// <summary>
/// The classification stage's per-line work as the service runs it (<see cref="ClassificationPlan.Process"/> without
/// features: reflectance of every pixel for the belt-brightness rule, then Savitzky–Golay → hull quotient → student only
/// for the foreground pixels; the MSKD history keeps the raw line) against the same line with the student run by ONNX
/// Runtime (the exported model, <see cref="StudentOnnxExporter"/>, one intra-op thread, tensors bound once) on the same
/// foreground features, mapped to the same line class ids; and the stage as it was before the raw history
/// (<see cref="NativeAllPixels"/>: every pixel preprocessed, features kept). Same simulated belt lines and student (<see cref="SimulatedBeltData"/>). The Ratio column is ONNX time / native
/// time; for the student alone (no preprocessing) see <see cref="StudentInferenceBenchmarks"/>.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Configuration))]
public class ClassificationStageOnnxBenchmarks
{
    private SimulatedBeltData _data = null!;
    private ClassificationPlan _plan = null!;
    private LineClassificationScratch _scratch = null!;
    private float[] _features = [];
    private float[] _preScratch = [];
    private int[] _hullScratch = [];
    private bool[] _foreground = [];
    private byte[] _classes = [];
    private long[] _onnxClasses = [];
    private InferenceSession _session = null!;
    private RunOptions _runOptions = null!;
    private OrtValue[] _inputs = [];
    private OrtValue[] _outputs = [];
    private string[] _inputNames = [];
    private string[] _outputNames = [];
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        _data = SimulatedBeltData.Create(64);
        _plan = new ClassificationPlan(_data.Plan.Line, _data.LineModel);
        _scratch = _plan.CreateScratch();
        int pixels = _plan.Pixels, bands = _plan.Bands, classes = _data.Student.ClassCount;
        _features = new float[pixels * bands];
        _preScratch = new float[_plan.Preprocessing.ScratchLength];
        _hullScratch = new int[_plan.Preprocessing.HullScratchLength];
        _foreground = new bool[pixels];
        _classes = new byte[pixels];
        _onnxClasses = new long[pixels];
        using var sessionOptions = new SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1 };
        _session = new InferenceSession(StudentOnnxExporter.Export(_data.Student), sessionOptions);
        _runOptions = new RunOptions();
        _inputs = [OrtValue.CreateTensorValueFromMemory(_features, [pixels, bands])];
        _outputs = [OrtValue.CreateTensorValueFromMemory(new float[pixels * classes], [pixels, classes]), OrtValue.CreateTensorValueFromMemory(_onnxClasses, [pixels])];
        _inputNames = [StudentOnnxExporter.InputName];
        _outputNames = [StudentOnnxExporter.ScoresName, StudentOnnxExporter.ClassName];

        int agree = 0, total = 0, foreground = 0;
        for (int l = 0; l < _data.Lines.Length; l++)
        {
            _next = l;
            NativeAllPixels();
            byte[] allPixels = [.. _classes];
            _next = l;
            Native();
            byte[] native = [.. _classes];
            if (!native.AsSpan().SequenceEqual(allPixels))
            {
                throw new InvalidOperationException($"Line {l}: foreground-only preprocessing changed the classes.");
            }

            _next = l;
            OnnxRuntime();
            for (int p = 0; p < pixels; p++)
            {
                agree += native[p] == _classes[p] ? 1 : 0;
                foreground += _foreground[p] ? 1 : 0;
                total++;
            }
        }

        // Where the time goes per pixel: the gift-wrap hull costs O(bands × vertices), and particle spectra (absorption
        // features) have more hull vertices than the smooth belt.
        (double particleVertices, double beltVertices) = MeanHullVertices();
        Console.WriteLine($"// ClassificationStageOnnx: mean hull vertices per pixel: particles {particleVertices:F1}, belt {beltVertices:F1}");
        Console.WriteLine($"// ClassificationStageOnnx: native and ONNX Runtime agree on {agree} of {total} pixels ({_data.Lines.Length} lines); {100.0 * foreground / total:F1} % of the pixels are particles (the rest belt)");
    }

    /// <summary>The stage's per-line work, as the service runs it (only foreground pixels preprocessed and classified).</summary>
    [Benchmark(Baseline = true)]
    public byte Native()
    {
        ushort[] raw = _data.Lines[_next++ % _data.Lines.Length];
        _plan.Process(raw, default, _foreground, _classes, [], _scratch);
        return _classes[0];
    }

    /// <summary>Before the raw MSKD history: every pixel preprocessed (features kept), the student on the foreground.</summary>
    [Benchmark]
    public byte NativeAllPixels()
    {
        ushort[] raw = _data.Lines[_next++ % _data.Lines.Length];
        _plan.Process(raw, _features, _foreground, _classes, [], _scratch);
        return _classes[0];
    }

    /// <summary>The same foreground preprocessing, the student run by ONNX Runtime (on every row: belt rows hold stale
    /// features and are mapped to the belt class, as ONNX has no cheaper way to skip them), the same class map.</summary>
    [Benchmark]
    public byte OnnxRuntime()
    {
        ushort[] raw = _data.Lines[_next++ % _data.Lines.Length];
        LinePreprocessing pre = _plan.Preprocessing;
        pre.ApplyForeground(raw, _foreground, _preScratch);
        int bands = pre.Bands;
        for (int p = 0; p < _foreground.Length; p++)
        {
            if (_foreground[p])
            {
                pre.PreprocessPixel(p, raw.AsSpan(p * bands, bands), _features.AsSpan(p * bands, bands), _preScratch, _hullScratch);
            }
        }

        _session.Run(_runOptions, _inputNames, _inputs, _outputNames, _outputs);
        ReadOnlySpan<byte> map = _plan.Model!.LineClassOf;
        for (int p = 0; p < _classes.Length; p++)
        {
            _classes[p] = _foreground[p] ? map[(int)_onnxClasses[p]] : (byte)0;
        }

        return _classes[0];
    }

    private (double Particles, double Belt) MeanHullVertices()
    {
        LinePreprocessing pre = _plan.Preprocessing;
        int bands = pre.Bands;
        var reflectance = new float[bands];
        var smoothed = new float[bands];
        var quotient = new float[bands];
        var hull = new int[bands];
        long particleSum = 0, particleCount = 0, beltSum = 0, beltCount = 0;
        foreach (ushort[] raw in _data.Lines)
        {
            pre.ApplyForeground(raw, _foreground, _preScratch);
            for (int p = 0; p < _foreground.Length; p++)
            {
                pre.Calibration.ApplyPixel(p, raw.AsSpan(p * bands, bands), reflectance);
                pre.Smoothing.Apply(reflectance, smoothed);
                pre.HullQuotient.Apply(smoothed, quotient, hull, out int vertices);
                if (_foreground[p])
                {
                    (particleSum, particleCount) = (particleSum + vertices, particleCount + 1);
                }
                else
                {
                    (beltSum, beltCount) = (beltSum + vertices, beltCount + 1);
                }
            }
        }

        return ((double)particleSum / Math.Max(1, particleCount), (double)beltSum / Math.Max(1, beltCount));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (OrtValue value in _inputs.Concat(_outputs))
        {
            value.Dispose();
        }

        _runOptions.Dispose();
        _session.Dispose();
    }

    private sealed class Configuration : ManualConfig
    {
        public Configuration() => AddColumn(new LinesPerSecondColumn());
    }
}
