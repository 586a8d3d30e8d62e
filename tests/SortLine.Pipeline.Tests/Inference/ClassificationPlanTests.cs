using SortLine.Learning.Models;
using SortLine.Pipeline.Inference;
using SortLine.Spectra.Continuum;
using SortLine.Spectra.Smoothing;
using SortLine.Testing;

namespace SortLine.Pipeline.Tests.Inference;

public sealed class ClassificationPlanTests
{
    /// <summary>A mean-reflectance threshold that splits the simulated belt (dark rubber) from the particles.</summary>
    private const double Threshold = 0.15;

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    [InlineData(23)]
    public void Process_FeaturesRoute_EqualsFusedRouteAndLineClassifierOnForeground(int lineIndex)
    {
        SimulatedCameraData data = SimulatedCameraData.Instance;
        var plan = new ClassificationPlan(LineModels.Preprocessing(data, Threshold), LineModels.Identity(data, "v1"));
        ushort[] raw = data.Lines[lineIndex].Data;
        var features = new float[raw.Length];
        var foreground = new bool[data.Pixels];
        byte[] viaFeatures = new byte[data.Pixels], fused = new byte[data.Pixels], reference = new byte[data.Pixels];
        LineClassificationScratch scratch = plan.CreateScratch();

        plan.Process(raw, features, foreground, viaFeatures, [], scratch);
        plan.Process(raw, [], foreground, fused, [], scratch);
        data.CreateClassifier().ClassifyLine(raw, reference, [], data.CreateClassifier().CreateScratch());

        Assert.True(plan.ClassifiesFromFeatures);
        Assert.Equal(fused, viaFeatures);
        for (int p = 0; p < data.Pixels; p++)
        {
            Assert.Equal(foreground[p] ? reference[p] : (byte)0, viaFeatures[p]);
        }

        Assert.Contains(foreground, f => f);
        Assert.Contains(foreground, f => !f);
    }

    [Fact]
    public void Process_Features_EqualStepByStepKernelsAndBrightnessMask()
    {
        SimulatedCameraData data = SimulatedCameraData.Instance;
        var plan = new ClassificationPlan(LineModels.Preprocessing(data, Threshold), model: null);
        ushort[] raw = data.Lines[11].Data;
        var features = new float[raw.Length];
        var foreground = new bool[data.Pixels];

        int count = plan.Process(raw, features, foreground, [], [], plan.CreateScratch());

        (float[] expected, bool[] expectedForeground) = LineModels.Reference(data.Calibration, data.Wavelengths, raw, Threshold);
        Assert.Equal(expected, features);
        Assert.Equal(expectedForeground, foreground);
        Assert.Equal(expectedForeground.Count(f => f), count);
    }

    [Fact]
    public void Process_ModelClassNames_MappedToLineClassIdsByName()
    {
        SimulatedCameraData data = SimulatedCameraData.Instance;
        int classes = data.Model.OutputCount;
        // Model outputs named in reverse line order, one of them unknown to the line.
        string[] lineNames = [.. Enumerable.Range(0, classes).Select(k => $"m{k}")];
        string[] modelNames = [.. Enumerable.Range(0, classes).Select(k => k == 1 ? "spodumene" : $"m{classes - 1 - k}")];
        var named = new LineModel("v1", data.Model, new SavitzkyGolayPlan(11, 2), new HullQuotientPlan(data.Wavelengths), new PixelRejectRule(0),
            modelNames, lineNames, lineRejectClass: 9);
        var plan = new ClassificationPlan(LineModels.Preprocessing(data, Threshold), named);
        ushort[] raw = data.Lines[3].Data;
        var foreground = new bool[data.Pixels];
        byte[] mapped = new byte[data.Pixels], reference = new byte[data.Pixels];

        plan.Process(raw, new float[raw.Length], foreground, mapped, [], plan.CreateScratch());
        data.CreateClassifier().ClassifyLine(raw, reference, [], data.CreateClassifier().CreateScratch());

        for (int p = 0; p < data.Pixels; p++)
        {
            int k = reference[p];
            byte expected = !foreground[p] ? (byte)0 : k == 1 ? (byte)9 : (byte)(classes - 1 - k);
            Assert.Equal(expected, mapped[p]);
        }
    }

    [Fact]
    public void LineModel_RejectIndexOutsideModel_MapsToLineRejectClass()
    {
        SimulatedCameraData data = SimulatedCameraData.Instance;
        string[] names = [.. Enumerable.Range(0, data.Model.OutputCount).Select(k => $"c{k}")];

        var model = new LineModel("v1", data.Model, new SavitzkyGolayPlan(11, 2), null, new PixelRejectRule(200), names, names, lineRejectClass: 7);

        Assert.Equal(7, model.LineClassOf[200]);
        Assert.Equal(2, model.LineClassOf[2]);
        Assert.Equal("unknown", model.LineClassName(7));
    }

    [Fact]
    public void Process_NoBrightnessRuleNoModelPreprocessing_ClassifiesFused()
    {
        SimulatedCameraData data = SimulatedCameraData.Instance;
        // A model trained without the hull quotient: its preprocessing is not the line's, so the plan cannot use the features.
        string[] names = [.. Enumerable.Range(0, data.Model.OutputCount).Select(k => $"c{k}")];
        var noHull = new LineModel("v1", data.Model, new SavitzkyGolayPlan(11, 2), null, new PixelRejectRule(0), names, names, 250);
        var plan = new ClassificationPlan(LineModels.Preprocessing(data), noHull);
        ushort[] raw = data.Lines[5].Data;
        byte[] classes = new byte[data.Pixels], reference = new byte[data.Pixels];
        LineClassifier classifier = data.CreateClassifier(hullQuotient: false);

        plan.Process(raw, new float[raw.Length], new bool[data.Pixels], classes, [], plan.CreateScratch());
        classifier.ClassifyLine(raw, reference, [], classifier.CreateScratch());

        Assert.False(plan.ClassifiesFromFeatures);
        Assert.Equal(reference, classes);
    }

    [Fact]
    public void Process_ClassesWithoutModel_Throws()
    {
        SimulatedCameraData data = SimulatedCameraData.Instance;
        var plan = new ClassificationPlan(LineModels.Preprocessing(data), model: null);

        Assert.Throws<InvalidOperationException>(() =>
            plan.Process(data.Lines[0].Data, [], new bool[data.Pixels], new byte[data.Pixels], [], plan.CreateScratch()));
    }

    [Fact]
    public void Process_ScratchForFewerClasses_Throws()
    {
        SimulatedCameraData data = SimulatedCameraData.Instance;
        var plan = new ClassificationPlan(LineModels.Preprocessing(data), LineModels.Identity(data, "v1"));

        Assert.Throws<ArgumentException>(() => plan.Process(data.Lines[0].Data, [], new bool[data.Pixels], new byte[data.Pixels], [],
            new LineClassificationScratch(data.Bands, 1)));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Process_PerLine_AllocatesNothing(bool withFeatures)
    {
        SimulatedCameraData data = SimulatedCameraData.Instance;
        var plan = new ClassificationPlan(LineModels.Preprocessing(data, Threshold), LineModels.Identity(data, "v1"));
        ushort[] raw = data.Lines[2].Data;
        float[] features = withFeatures ? new float[raw.Length] : [];
        var foreground = new bool[data.Pixels];
        var classes = new byte[data.Pixels];
        var confidence = new float[data.Pixels];
        LineClassificationScratch scratch = plan.CreateScratch();

        AllocationAssert.NoAllocations(() => plan.Process(raw, features, foreground, classes, confidence, scratch));
    }

    [Fact]
    public void FromStudent_StudentModelFile_ClassifiesLikeLineClassifierFromStudent()
    {
        SimulatedCameraData data = SimulatedCameraData.Instance;
        StudentModel student = StudentOf(data);
        string[] lineNames = [.. student.ClassNames];
        LineModel model = LineModel.FromStudent(StudentModelFile.Deserialize(StudentModelFile.Serialize(student), "memory"), lineNames, 250);
        var plan = new ClassificationPlan(LineModels.Preprocessing(data), model);
        ushort[] raw = data.Lines[9].Data;
        byte[] classes = new byte[data.Pixels], reference = new byte[data.Pixels];
        LineClassifier direct = LineClassifier.FromStudent(student, data.Calibration);

        plan.Process(raw, new float[raw.Length], new bool[data.Pixels], classes, [], plan.CreateScratch());
        direct.ClassifyLine(raw, reference, [], direct.CreateScratch());

        Assert.Equal(student.Version, model.Version);
        Assert.True(plan.ClassifiesFromFeatures);
        Assert.Equal(reference, classes);
    }

    private static StudentModel StudentOf(SimulatedCameraData data)
    {
        int classes = data.Model.OutputCount;
        var weights = new double[classes * data.Bands];
        var bias = new double[classes];
        for (int k = 0; k < classes; k++)
        {
            data.Model.Weights.Row(k).CopyTo(weights.AsSpan(k * data.Bands, data.Bands));
            double centred = 0;
            for (int b = 0; b < data.Bands; b++)
            {
                centred += data.Model.Weights[k, b] * data.Model.Center[b];
            }

            bias[k] = data.Model.CenterOutput[k] - centred;
        }

        var created = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var identity = new ReferenceFrameIdentity(new string('a', 64), created);
        string[] names = [.. Enumerable.Range(0, classes).Select(k => $"c{k}")];
        return new StudentModel("student-1", created, null, names, new RejectRule(0, null, null),
            new BandSet(data.Wavelengths, [.. data.Wavelengths.Select(_ => 10.0)]), new PreprocessingParameters(identity, identity, 11, 2, 0, true),
            weights, bias, new TrainingProvenance(1, new TrainingWindow(0, 0, created, created), 1, [], new HeldOutMetrics(0, 1, 1, [.. names.Select(_ => 1.0)])));
    }
}
