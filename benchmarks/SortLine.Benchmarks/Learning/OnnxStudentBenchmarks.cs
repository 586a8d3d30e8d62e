using BenchmarkDotNet.Attributes;
using Microsoft.ML.OnnxRuntime;
using SortLine.Learning.Models;
using SortLine.Learning.Onnx;

namespace SortLine.Benchmarks.Learning;

/// <summary>
/// The exported student in ONNX Runtime on one SWIR line: 384 preprocessed spectra × 288 bands → 5 scores and a
/// class per pixel (Gemm + ArgMax), with input and output tensors allocated once.
/// </summary>
[MemoryDiagnoser]
public class OnnxStudentBenchmarks
{
    private const int Pixels = 384;
    private const int Bands = 288;
    private const int Classes = 5;
    private InferenceSession _session = null!;
    private RunOptions _runOptions = null!;
    private OrtValue _input = null!;
    private OrtValue _scores = null!;
    private OrtValue _classes = null!;
    private string[] _inputNames = null!;
    private string[] _outputNames = null!;
    private OrtValue[] _inputs = null!;
    private OrtValue[] _outputs = null!;
    private long[] _classBuffer = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(7);
        double[] weights = [.. Enumerable.Range(0, Classes * Bands).Select(_ => random.NextDouble() - 0.5)];
        double[] bias = [.. Enumerable.Range(0, Classes).Select(_ => random.NextDouble() - 0.5)];
        double[] centers = [.. Enumerable.Range(0, Bands).Select(b => 900 + (b * 1600.0 / (Bands - 1)))];
        string hash = new('0', 64);
        var now = new DateTimeOffset(2025, 11, 23, 0, 0, 0, TimeSpan.Zero);
        var model = new StudentModel("bench", now, null, ["background", "lepidolite", "albite", "quartz", "muscovite"],
            new RejectRule(0, 0.5, 0.1), new BandSet(centers, [.. centers.Select(_ => 5.5)]),
            new PreprocessingParameters(new ReferenceFrameIdentity(hash, now), new ReferenceFrameIdentity(hash, now), 11, 2, 0, true),
            weights, bias,
            new TrainingProvenance(1000, new TrainingWindow(0, 1, now, now), 17, [new CrossValidationPoint(17, 0.05)],
                new HeldOutMetrics(100, 0.95, 0.95, [1, 1, 1, 1, 1])));

        using var sessionOptions = new SessionOptions { IntraOpNumThreads = 1 };
        _session = new InferenceSession(StudentOnnxExporter.Export(model), sessionOptions);
        _runOptions = new RunOptions();
        float[] line = [.. Enumerable.Range(0, Pixels * Bands).Select(_ => (float)random.NextDouble())];
        _input = OrtValue.CreateTensorValueFromMemory(line, [Pixels, Bands]);
        _scores = OrtValue.CreateTensorValueFromMemory(new float[Pixels * Classes], [Pixels, Classes]);
        _classBuffer = new long[Pixels];
        _classes = OrtValue.CreateTensorValueFromMemory(_classBuffer, [Pixels]);
        _inputNames = [StudentOnnxExporter.InputName];
        _outputNames = [StudentOnnxExporter.ScoresName, StudentOnnxExporter.ClassName];
        _inputs = [_input];
        _outputs = [_scores, _classes];
    }

    [Benchmark]
    public long RunLine()
    {
        _session.Run(_runOptions, _inputNames, _inputs, _outputNames, _outputs);
        return _classBuffer[0];
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _input.Dispose();
        _scores.Dispose();
        _classes.Dispose();
        _runOptions.Dispose();
        _session.Dispose();
    }
}
