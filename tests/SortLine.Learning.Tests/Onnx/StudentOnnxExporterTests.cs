using System.Diagnostics;
using Microsoft.ML.OnnxRuntime;
using SortLine.Learning.Models;
using SortLine.Learning.Onnx;

namespace SortLine.Learning.Tests.Onnx;

public sealed class StudentOnnxExporterTests : IDisposable
{
    private const string Python = "/usr/bin/python3";

    /// <summary>ORT computes in float32 with float32 W: scores agree with the float64 reference to 1e-5 relative
    /// to the magnitude of the summed terms (Σ|W_ij x_j| + |b_i|), which bounds rounding in any summation order.</summary>
    private const double RelativeTolerance = 1e-5;

    private readonly string _directory = Directory.CreateTempSubdirectory("sortline-onnx-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Export_StudentModel_PassesTheOnnxChecker()
    {
        StudentModel model = TestModels.Create();
        string path = Path.Combine(_directory, "student.onnx");
        StudentOnnxExporter.Save(path, model);

        (int exitCode, string stdout, string stderr) = RunPython(
            "import onnx, sys\n" +
            "m = onnx.load(sys.argv[1])\n" +
            "onnx.checker.check_model(m, full_check=True)\n" +
            "g = m.graph\n" +
            "print(m.ir_version, [(o.domain, o.version) for o in m.opset_import])\n" +
            "print([n.op_type for n in g.node])\n" +
            "print([(v.name, v.type.tensor_type.elem_type, [d.dim_param or d.dim_value for d in v.type.tensor_type.shape.dim]) for v in list(g.input) + list(g.output)])\n",
            path);

        Assert.True(exitCode == 0, $"onnx.checker rejected the model (exit {exitCode}): {stderr}");
        string[] lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("8 [('', 17)]", lines[0]);
        Assert.Equal("['Gemm', 'ArgMax']", lines[1]);
        Assert.Equal("[('spectra', 1, ['N', 288]), ('scores', 1, ['N', 5]), ('class', 7, ['N'])]", lines[2]);
    }

    [Fact]
    public void Run_RandomSpectra_ScoresAndClassesMatchTheDoubleAffineMap()
    {
        StudentModel model = TestModels.Create(seed: 5);
        var random = new Random(99);
        const int Rows = 257;
        float[] x = new float[Rows * model.BandCount];
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = (float)(random.NextDouble() * 1.2);
        }

        AssertOrtMatchesReference(model, x, Rows);
    }

    [Fact]
    public void Run_StructuredSpectra_ScoresAndClassesMatchTheDoubleAffineMap()
    {
        StudentModel model = TestModels.Create(seed: 6);
        int bands = model.BandCount;
        var rows = new List<float[]>
        {
            new float[bands],                                       // zeros: scores = b
            Enumerable.Repeat(1f, bands).ToArray(),                 // flat hull quotient of 1
        };
        for (int j = 0; j < bands; j += 37)
        {
            float[] unit = new float[bands];
            unit[j] = 1;                                            // scores = W[:, j] + b
            rows.Add(unit);
        }

        for (int k = 0; k < model.ClassCount; k++)
        {
            // x along W's row k: class k wins by a wide margin.
            rows.Add([.. model.Weights.Slice(k * bands, bands).ToArray().Select(w => (float)(w * 0.1))]);
        }

        float[] x = [.. rows.SelectMany(r => r)];
        int[] classes = AssertOrtMatchesReference(model, x, rows.Count);

        Assert.Equal(Enumerable.Range(0, model.ClassCount), classes[^model.ClassCount..]);
    }

    [Fact]
    public void Export_Metadata_CarriesVersionClassesAndBands()
    {
        StudentModel model = TestModels.Create(bands: 16);

        using var session = new InferenceSession(StudentOnnxExporter.Export(model));
        Dictionary<string, string> map = session.ModelMetadata.CustomMetadataMap;

        Assert.Equal(model.Version, map["sortline.model_version"]);
        Assert.Equal("[\"background\",\"lepidolite\",\"albite\",\"quartz\",\"muscovite\"]", map["sortline.class_names"]);
        Assert.Equal(model.Bands.CentersNm, map["sortline.band_centers_nm"].Split(',').Select(s => double.Parse(s, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal([-1, 16], session.InputMetadata[StudentOnnxExporter.InputName].Dimensions);
    }

    private static int[] AssertOrtMatchesReference(StudentModel model, float[] x, int rows)
    {
        int bands = model.BandCount;
        int classes = model.ClassCount;
        using var session = new InferenceSession(StudentOnnxExporter.Export(model));
        using var input = OrtValue.CreateTensorValueFromMemory(x, [rows, bands]);
        using var runOptions = new RunOptions();
        using IDisposableReadOnlyCollection<OrtValue> outputs = session.Run(runOptions, [StudentOnnxExporter.InputName], [input],
            [StudentOnnxExporter.ScoresName, StudentOnnxExporter.ClassName]);
        ReadOnlySpan<float> scores = outputs[0].GetTensorDataAsSpan<float>();
        ReadOnlySpan<long> predicted = outputs[1].GetTensorDataAsSpan<long>();
        Assert.Equal([rows, classes], outputs[0].GetTensorTypeAndShape().Shape);
        Assert.Equal([rows], outputs[1].GetTensorTypeAndShape().Shape);

        var result = new int[rows];
        ReadOnlySpan<double> w = model.Weights;
        for (int r = 0; r < rows; r++)
        {
            var reference = new double[classes];
            var scale = new double[classes];
            for (int c = 0; c < classes; c++)
            {
                double sum = model.Bias[c];
                double magnitude = Math.Abs(model.Bias[c]);
                for (int j = 0; j < bands; j++)
                {
                    double term = w[(c * bands) + j] * x[(r * bands) + j];
                    sum += term;
                    magnitude += Math.Abs(term);
                }

                reference[c] = sum;
                scale[c] = Math.Max(magnitude, Math.Abs(sum));
                double actual = scores[(r * classes) + c];
                Assert.True(Math.Abs(actual - sum) <= RelativeTolerance * scale[c],
                    $"row {r} class {c}: ORT {actual}, reference {sum}, tolerance {RelativeTolerance * scale[c]}");
            }

            int best = Array.IndexOf(reference, reference.Max());
            int got = (int)predicted[r];
            if (got != best)
            {
                // Only a near-tie within the float32 tolerance may resolve differently.
                Assert.True(reference[best] - reference[got] <= RelativeTolerance * (scale[best] + scale[got]),
                    $"row {r}: ORT class {got} ({reference[got]}), reference argmax {best} ({reference[best]})");
            }

            result[r] = got;
        }

        return result;
    }

    private static (int ExitCode, string Stdout, string Stderr) RunPython(string script, string argument)
    {
        Assert.True(File.Exists(Python), $"{Python} is missing: install Debian's python3 and python3-onnx (tests/install-deps.sh).");
        var start = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(argument);
        using Process process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        string error = stderr.Result;
        Assert.False(error.Contains("No module named 'onnx'", StringComparison.Ordinal),
            "The ONNX checker needs Debian's python3-onnx: apt-get install python3-onnx (listed in tests/install-deps.sh).");
        return (process.ExitCode, stdout.Result, error);
    }
}
