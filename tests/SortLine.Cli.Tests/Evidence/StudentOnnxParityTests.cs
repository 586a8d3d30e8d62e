using Microsoft.ML.OnnxRuntime;
using SortLine.Cli.Evidence;
using SortLine.Learning.Models;
using SortLine.Learning.Onnx;
using SortLine.Learning.Retraining;
using SortLine.Sensors.Swir;
using SortLine.Simulators.Recording.Replay;
using SortLine.Spectra;
using SortLine.Spectra.Classification;
using SortLine.Spectra.Regression;
using SortLine.Spectra.Smoothing;
using Xunit.Abstractions;

namespace SortLine.Cli.Tests.Evidence;

/// <summary>
/// The ONNX proof: the MSKD student of the evidence run, on recorded simulated lines (EnviSwirRecorder → SwirRecordingReplayer),
/// preprocessed natively, gives the same classes with the native float kernel (AffineClassifier) and with ONNX Runtime
/// running StudentOnnxExporter's model. A difference is allowed only at a near-tie: where the two best float64 scores are
/// closer than the sum of both paths' documented float32 bounds, (n + 3)·2⁻²⁴ (AffineClassifier) + 1e-5 (ORT,
/// docs/onnx-export.md), relative to Σ|W_ij x_j| + |b_i| of the two classes. Such ties are counted (expected: none).
/// </summary>
[Collection(MskdEvidenceGroup.Name)]
public sealed class StudentOnnxParityTests(MskdEvidenceFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task RecordedLines_NativeAndOnnxRuntime_SameClasses()
    {
        MskdEvidenceReport report = fixture.Report;
        StudentModel student = report.Champion;
        int bands = student.BandCount, classes = student.ClassCount;
        var preprocessor = new SwirLinePreprocessor(report.Calibration, report.BandCentersNm, new SavitzkyGolayPlan(11, 2),
            student.Preprocessing.DarkReference.CapturedUtc, student.Preprocessing.WhiteReference.CapturedUtc);
        Assert.Equal(student.Preprocessing, preprocessor.Parameters); // same references and filter as the model was trained on
        var native = new AffineClassifier(AffineModel.Create(student.WeightMatrix, student.Bias));
        using var onnx = new InferenceSession(StudentOnnxExporter.Export(student));
        using var runOptions = new RunOptions();
        double bound = ((bands + 3) * Math.Pow(2, -24)) + 1e-5;

        await using SwirRecordingReplayer replay = SwirRecordingReplayer.Open(fixture.RecordingHeader,
            new ReplayOptions { Pacing = ReplayPacing.AsFastAsPossible });
        await replay.ConnectAsync(CancellationToken.None);
        int pixels = replay.Info.SpatialPixels;
        var spectra = new float[pixels * bands];
        var nativeClasses = new int[pixels];
        var scratch = new float[classes];
        int lines = 0, compared = 0, differences = 0, nearTies = 0;
        var perClass = new int[classes];
        await foreach (SwirLine line in replay.ReadLinesAsync(CancellationToken.None))
        {
            preprocessor.Apply(line.Data, spectra);
            line.Dispose();
            native.ClassifyLine(new ReadOnlyMatrixSpan<float>(spectra, pixels, bands), nativeClasses, scratch);
            using var input = OrtValue.CreateTensorValueFromMemory(spectra, [pixels, bands]);
            using IDisposableReadOnlyCollection<OrtValue> outputs = onnx.Run(runOptions, [StudentOnnxExporter.InputName], [input], [StudentOnnxExporter.ClassName]);
            ReadOnlySpan<long> onnxClasses = outputs[0].GetTensorDataAsSpan<long>();
            for (int p = 0; p < pixels; p++)
            {
                compared++;
                perClass[nativeClasses[p]]++;
                if (onnxClasses[p] == nativeClasses[p])
                {
                    continue;
                }

                differences++;
                (double a, double scaleA) = Score(student, spectra.AsSpan(p * bands, bands), nativeClasses[p]);
                (double b, double scaleB) = Score(student, spectra.AsSpan(p * bands, bands), (int)onnxClasses[p]);
                Assert.True(Math.Abs(a - b) <= bound * (scaleA + scaleB),
                    $"line {lines} pixel {p}: native class {nativeClasses[p]} ({a}), ONNX class {onnxClasses[p]} ({b}): not a near-tie");
                nearTies++;
            }

            lines++;
        }

        output.WriteLine($"{lines} lines, {compared} pixels, class counts [{string.Join(", ", perClass)}], {differences} differences, {nearTies} at near-ties");
        Assert.Equal(200, lines);
        Assert.Equal(200 * pixels, compared);
        Assert.True(perClass.Count(c => c > 0) >= 3, "the recorded lines should show several classes");
        Assert.Equal(0, differences);
    }

    /// <summary>The float64 score W_c·x + b_c and its magnitude Σ|W_cj x_j| + |b_c|.</summary>
    private static (double Score, double Scale) Score(StudentModel model, ReadOnlySpan<float> x, int c)
    {
        double sum = model.Bias[c], scale = Math.Abs(model.Bias[c]);
        ReadOnlySpan<double> w = model.Weights.Slice(c * model.BandCount, model.BandCount);
        for (int j = 0; j < x.Length; j++)
        {
            sum += w[j] * x[j];
            scale += Math.Abs(w[j] * x[j]);
        }

        return (sum, scale);
    }
}
