using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.ML.OnnxRuntime;
using SortLine.Benchmarks.Infrastructure;
using SortLine.Learning.Models;
using SortLine.Learning.Onnx;
using SortLine.Spectra;
using SortLine.Spectra.Classification;

namespace SortLine.Benchmarks.Pipeline;

/// <summary>
/// The student's scores and argmax on the same preprocessed SWIR line (384 spectra × 288 bands, 5 classes): SortLine's
/// <see cref="AffineClassifier"/> (baseline) against ONNX Runtime (one intra-op thread) running the exported student
/// (<see cref="StudentOnnxExporter"/>: Gemm + ArgMax), tensors bound once. The Ratio column is ONNX time / SortLine
/// time (target ≥ 2).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Configuration))]
public class StudentInferenceBenchmarks
{
    private const int Pixels = SwirStudentData.Pixels, Bands = SwirStudentData.Bands, Classes = SwirStudentData.Classes;
    private float[] _line = [];
    private AffineClassifier _affine = null!;
    private int[] _classIds = [];
    private float[] _scoresScratch = [];
    private InferenceSession _session = null!;
    private RunOptions _runOptions = null!;
    private OrtValue[] _inputs = [];
    private OrtValue[] _outputs = [];
    private string[] _inputNames = [];
    private string[] _outputNames = [];
    private long[] _onnxClasses = [];

    [GlobalSetup]
    public void Setup()
    {
        var data = new SwirStudentData(lines: 1);
        _line = new float[Pixels * Bands];
        data.Preprocess(data.Raw[0], _line);
        _affine = new AffineClassifier(data.Model);
        _classIds = new int[Pixels];
        _scoresScratch = new float[Classes];

        var weights = new double[Classes * Bands];
        for (int k = 0; k < Classes; k++)
        {
            data.Model.Weights.Row(k).CopyTo(weights.AsSpan(k * Bands, Bands));
        }

        string hash = new('0', 64);
        var now = new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);
        var student = new StudentModel("bench", now, null, ["lepidolite", "albite", "quartz", "muscovite", "belt"],
            new RejectRule(4, 0.3, 0.05), new BandSet(data.Wavelengths, [.. data.Wavelengths.Select(_ => 5.57)]),
            new PreprocessingParameters(new ReferenceFrameIdentity(hash, now), new ReferenceFrameIdentity(hash, now), 11, 2, 0, true),
            weights, data.Model.Bias,
            new TrainingProvenance(1000, new TrainingWindow(0, 1, now, now), SwirStudentData.Components, [new CrossValidationPoint(SwirStudentData.Components, 0.05)],
                new HeldOutMetrics(100, 0.95, 0.95, [1, 1, 1, 1, 1])));
        using var sessionOptions = new SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1 };
        _session = new InferenceSession(StudentOnnxExporter.Export(student), sessionOptions);
        _runOptions = new RunOptions();
        _onnxClasses = new long[Pixels];
        _inputs = [OrtValue.CreateTensorValueFromMemory(_line, [Pixels, Bands])];
        _outputs = [OrtValue.CreateTensorValueFromMemory(new float[Pixels * Classes], [Pixels, Classes]), OrtValue.CreateTensorValueFromMemory(_onnxClasses, [Pixels])];
        _inputNames = [StudentOnnxExporter.InputName];
        _outputNames = [StudentOnnxExporter.ScoresName, StudentOnnxExporter.ClassName];

        SortLineLine();
        OnnxRuntimeLine();
        int agree = 0;
        for (int p = 0; p < Pixels; p++)
        {
            agree += _classIds[p] == _onnxClasses[p] ? 1 : 0;
        }

        Console.WriteLine($"// StudentInference: SortLine and ONNX Runtime agree on {agree} of {Pixels} pixels (float rounding may flip near-ties)");
    }

    [Benchmark(Baseline = true)]
    public int SortLineLine()
    {
        _affine.ClassifyLine(new ReadOnlyMatrixSpan<float>(_line, Pixels, Bands), _classIds, _scoresScratch);
        return _classIds[0];
    }

    [Benchmark]
    public long OnnxRuntimeLine()
    {
        _session.Run(_runOptions, _inputNames, _inputs, _outputNames, _outputs);
        return _onnxClasses[0];
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
