using SortLine.Pipeline.Inference;
using SortLine.Spectra;
using SortLine.Spectra.Calibration;
using SortLine.Spectra.Classification;
using SortLine.Spectra.Continuum;
using SortLine.Spectra.Regression;
using SortLine.Spectra.Smoothing;

namespace SortLine.Pipeline.Tests.Inference;

public sealed class LineClassifierTests
{
    public static TheoryData<bool> HullModes => new() { true, false };

    // The fused per-pixel chain against the Spectra kernels run one after the other on whole lines, with the documented
    // argmax / reject / dead-pixel rule applied to the step-by-step scores.
    [Theory]
    [MemberData(nameof(HullModes))]
    public void ClassifyLine_SimulatedLines_EqualsStepByStepKernels(bool hullQuotient)
    {
        SimulatedCameraData data = SimulatedCameraData.Instance;
        var reject = new PixelRejectRule(7, minWinningScore: 0.3f, minMargin: 0.05f);
        LineClassifier classifier = data.CreateClassifier(reject: reject, hullQuotient: hullQuotient);
        LineClassifierScratch scratch = classifier.CreateScratch();
        var classes = new byte[data.Pixels];
        var confidence = new float[data.Pixels];
        var seenClasses = new HashSet<byte>();
        int accepted = 0, rejected = 0;

        foreach ((_, ushort[] raw) in data.Lines)
        {
            (byte[] expectedClasses, float[] expectedConfidence) = StepByStep(data, raw, reject, hullQuotient);

            int rejectedInLine = classifier.ClassifyLine(raw, classes, confidence, scratch);

            Assert.Equal(expectedClasses, classes);
            Assert.Equal(expectedConfidence, confidence);
            rejected += rejectedInLine;
            accepted += data.Pixels - rejectedInLine;
            seenClasses.UnionWith(classes);
        }

        // The comparison means something only if both outcomes and several classes occur.
        Assert.True(rejected > 0 && accepted > 0, $"accepted {accepted}, rejected {rejected}");
        Assert.True(seenClasses.Count >= 3, $"classes seen: {string.Join(",", seenClasses)}");
    }

    [Fact]
    public void ClassifyLine_ConcurrentWorkersWithOwnScratch_SameAsSequential()
    {
        SimulatedCameraData data = SimulatedCameraData.Instance;
        LineClassifier classifier = data.CreateClassifier(reject: new PixelRejectRule(7, minMargin: 0.02f));
        var expected = new byte[data.Lines.Count][];
        LineClassifierScratch one = classifier.CreateScratch();
        for (int i = 0; i < data.Lines.Count; i++)
        {
            expected[i] = new byte[data.Pixels];
            classifier.ClassifyLine(data.Lines[i].Data, expected[i], [], one);
        }

        var actual = new byte[data.Lines.Count][];
        Parallel.For(0, data.Lines.Count, new ParallelOptions { MaxDegreeOfParallelism = 4 }, () => classifier.CreateScratch(), (i, _, scratch) =>
        {
            actual[i] = new byte[data.Pixels];
            classifier.ClassifyLine(data.Lines[i].Data, actual[i], [], scratch);
            return scratch;
        }, _ => { });

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void ClassifyLine_SteadyState_AllocatesNothing()
    {
        SimulatedCameraData data = SimulatedCameraData.Instance;
        LineClassifier classifier = data.CreateClassifier(reject: new PixelRejectRule(7, 0.3f, 0.05f));
        LineClassifierScratch scratch = classifier.CreateScratch();
        var classes = new byte[data.Pixels];
        var confidence = new float[data.Pixels];
        classifier.ClassifyLine(data.Lines[0].Data, classes, confidence, scratch);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 5; i++)
        {
            classifier.ClassifyLine(data.Lines[i].Data, classes, confidence, scratch);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Theory]
    [InlineData(new[] { 0.2f, 0.7f, 0.65f }, null, 0.01f, 1, 0.7f)]
    [InlineData(new[] { 0.2f, 0.7f, 0.65f }, null, 0.1f, 9, 0f)]
    [InlineData(new[] { 0.2f, 0.7f, 0.65f }, 0.8f, null, 9, 0f)]
    [InlineData(new[] { 0.2f, 0.7f, 0.65f }, 0.7f, 0.05f, 1, 0.7f)]
    [InlineData(new[] { 0.5f, 0.5f, 0.1f }, null, null, 0, 0.5f)]
    [InlineData(new[] { 0.5f, 0.5f, 0.1f }, null, 0.01f, 9, 0f)]
    [InlineData(new[] { 0.1f, 1.6f, -3f }, null, null, 1, 1f)]
    [InlineData(new[] { -0.4f, -0.2f, -0.9f }, null, null, 1, 0f)]
    [InlineData(new[] { 0.4f }, 0.3f, 0.5f, 0, 0.4f)]
    public void ClassifyPixel_ConstantScores_FollowsRejectRule(float[] scores, float? minScore, float? minMargin, int expectedClass, float expectedConfidence)
    {
        // W = 0, so the scores are the offsets whatever the spectrum.
        SimulatedCameraData data = SimulatedCameraData.Instance;
        var model = AffineModel.Create(new ReadOnlyMatrixSpan<double>(new double[scores.Length * data.Bands], scores.Length, data.Bands),
            new double[data.Bands], Array.ConvertAll(scores, v => (double)v));
        LineClassifier classifier = data.CreateClassifier(reject: new PixelRejectRule(9, minScore, minMargin), model: model);
        int pixel = Enumerable.Range(0, data.Pixels).First(p => !IsDead(data.Calibration, p, classifier.Reject));

        byte id = classifier.ClassifyPixel(pixel, data.Lines[0].Data.AsSpan(pixel * data.Bands, data.Bands), classifier.CreateScratch(), out float confidence);

        Assert.Equal(expectedClass, id);
        Assert.Equal(expectedConfidence, confidence);
    }

    [Fact]
    public void ClassifyLine_DeadPixel_GetsRejectClassWithZeroConfidence()
    {
        // 4 pixels × 32 bands: pixel 1 fully dead, pixel 2 with one dead band (1/32 ≤ 5 %: still classified).
        const int Pixels = 4, Bands = 32;
        var darkFrame = new double[Pixels * Bands];
        var whiteFrame = new double[Pixels * Bands];
        Array.Fill(darkFrame, 300);
        Array.Fill(whiteFrame, 3000);
        for (int b = 0; b < Bands; b++)
        {
            whiteFrame[Bands + b] = 300;
        }

        whiteFrame[(2 * Bands) + 5] = 301;
        var calibration = ReflectanceCalibration.FromReferenceFrames(Pixels, Bands, darkFrame, whiteFrame);
        double[] wl = Enumerable.Range(0, Bands).Select(b => 1000.0 + (10 * b)).ToArray();
        var model = AffineModel.Create(new ReadOnlyMatrixSpan<double>(new double[2 * Bands], 2, Bands), new double[Bands], [0.2, 0.9]);
        var classifier = new LineClassifier("v1", calibration, new SavitzkyGolayPlan(5, 2), new HullQuotientPlan(wl), model, new PixelRejectRule(3));
        var raw = new ushort[Pixels * Bands];
        Array.Fill(raw, (ushort)1500);
        var classes = new byte[Pixels];
        var confidence = new float[Pixels];

        int rejected = classifier.ClassifyLine(raw, classes, confidence, classifier.CreateScratch());

        Assert.Equal(1, classifier.DeadPixelCount);
        Assert.Equal(1, rejected);
        Assert.Equal(new byte[] { 1, 3, 1, 1 }, classes);
        Assert.Equal(new[] { 0.9f, 0f, 0.9f, 0.9f }, confidence);
    }

    [Fact]
    public void Constructor_SimulatedCamera_CountsPixelsWithTooManyDeadBands()
    {
        SimulatedCameraData data = SimulatedCameraData.Instance;
        var strict = new PixelRejectRule(0, maxDeadBandFraction: 0);

        LineClassifier classifier = data.CreateClassifier(reject: strict);

        int expected = Enumerable.Range(0, data.Pixels).Count(p => IsDead(data.Calibration, p, strict));
        Assert.Equal(expected, classifier.DeadPixelCount);
        Assert.True(expected > 0, "the simulator has dead elements");
    }

    [Fact]
    public void ClassifyLine_WrongShapes_Throw()
    {
        SimulatedCameraData data = SimulatedCameraData.Instance;
        LineClassifier classifier = data.CreateClassifier();
        LineClassifierScratch scratch = classifier.CreateScratch();
        ushort[] raw = data.Lines[0].Data;

        Assert.Throws<ArgumentException>(() => classifier.ClassifyLine(raw.AsSpan(1), new byte[data.Pixels], [], scratch));
        Assert.Throws<ArgumentException>(() => classifier.ClassifyLine(raw, new byte[data.Pixels - 1], [], scratch));
        Assert.Throws<ArgumentException>(() => classifier.ClassifyLine(raw, new byte[data.Pixels], new float[3], scratch));
        Assert.Throws<ArgumentException>(() => classifier.ClassifyLine(raw, new byte[data.Pixels], [], new LineClassifierScratch(data.Bands - 1, 8)));
    }

    [Fact]
    public void Constructor_ModelWithOtherBandCount_Throws()
    {
        SimulatedCameraData data = SimulatedCameraData.Instance;
        var model = AffineModel.Create(new ReadOnlyMatrixSpan<double>(new double[2 * 10], 2, 10), new double[2]);

        Assert.Throws<ArgumentException>(() => data.CreateClassifier(model: model));
    }

    private static (byte[] Classes, float[] Confidence) StepByStep(SimulatedCameraData data, ushort[] raw, PixelRejectRule reject, bool hullQuotient)
    {
        int pixels = data.Pixels, bands = data.Bands;
        var reflectance = new float[pixels * bands];
        data.Calibration.Apply(raw, reflectance);
        var sg = new SavitzkyGolayPlan(11, 2);
        var features = new float[pixels * bands];
        float[] wl = Array.ConvertAll(data.Wavelengths, v => (float)v);
        var smoothed = new float[bands];
        for (int p = 0; p < pixels; p++)
        {
            Span<float> target = features.AsSpan(p * bands, bands);
            if (hullQuotient)
            {
                sg.Apply(reflectance.AsSpan(p * bands, bands), smoothed);
                HullQuotient.Apply<float>(wl, smoothed, target, new int[bands]);
            }
            else
            {
                sg.Apply(reflectance.AsSpan(p * bands, bands), target);
            }
        }

        var affine = new AffineClassifier(data.Model);
        var scores = new float[pixels * affine.ClassCount];
        affine.PredictLine(new ReadOnlyMatrixSpan<float>(features, pixels, bands), new MatrixSpan<float>(scores, pixels, affine.ClassCount));
        var classes = new byte[pixels];
        var confidence = new float[pixels];
        for (int p = 0; p < pixels; p++)
        {
            ReadOnlySpan<float> s = scores.AsSpan(p * affine.ClassCount, affine.ClassCount);
            int best = 0;
            for (int j = 1; j < s.Length; j++)
            {
                best = s[j] > s[best] ? j : best;
            }

            float second = float.NegativeInfinity;
            for (int j = 0; j < s.Length; j++)
            {
                second = j != best && s[j] > second ? s[j] : second;
            }

            bool ok = !IsDead(data.Calibration, p, reject) && s[best] >= reject.MinWinningScore && s[best] - second >= reject.MinMargin;
            classes[p] = ok ? (byte)best : reject.RejectClass;
            confidence[p] = ok ? Math.Clamp(s[best], 0f, 1f) : 0f;
        }

        return (classes, confidence);
    }

    private static bool IsDead(ReflectanceCalibration calibration, int pixel, PixelRejectRule reject)
    {
        int dead = 0;
        for (int b = 0; b < calibration.Bands; b++)
        {
            dead += calibration.IsDead(pixel, b) ? 1 : 0;
        }

        return dead > reject.MaxDeadBandFraction * calibration.Bands;
    }
}
