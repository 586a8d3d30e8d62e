using SortLine.Pipeline;
using SortLine.Pipeline.Inference;
using SortLine.Pipeline.Particles;
using SortLine.Pipeline.Scheduling;
using SortLine.Sensors;
using SortLine.Sensors.Encoder;
using SortLine.Sensors.Swir;
using SortLine.Service.Line;
using SortLine.Service.Telemetry;
using SortLine.Service.Workers;
using SortLine.Spectra;
using SortLine.Spectra.Calibration;
using SortLine.Spectra.Regression;
using SortLine.Spectra.Smoothing;
using SortLine.Telemetry;

namespace SortLine.Service.Tests.Line;

/// <summary>
/// A recalibration published on <see cref="CalibrationState"/> while lines flow: the line's model slot rebuilds the
/// classifier for the new references, and the lines after it are preprocessed (for the MSKD history) and classified with
/// them, exactly from a line boundary on.
/// </summary>
public sealed class RecalibrationTests
{
    private const int Pixels = 8;
    private const int Bands = 32;
    private static readonly string[] ModelClasses = ["background", "lepidolite", "quartz"];

    [Fact]
    public void ModelSlotFactory_PublishedPlans_SlotFollowsWithSameModelRebuiltForNewReferences()
    {
        var calibration = new CalibrationState();
        ModelSlot slot = ModelSlotFactory.Create(calibration, NullTelemetry.Instance, NullTelemetry.Instance);
        SpectralPreprocessing first = Plan(whiteDn: 3000), second = Plan(whiteDn: 2400);
        LineModel model = Model();

        slot.Swap(model);
        Assert.Null(slot.Current);
        calibration.Publish(first);
        ClassificationPlan afterFirst = slot.Current!;
        calibration.Publish(second);
        ClassificationPlan afterSecond = slot.Current!;

        Assert.Same(first.Line, afterFirst.Preprocessing);
        Assert.Same(model, afterFirst.Model);
        Assert.Same(second.Line, afterSecond.Preprocessing);
        Assert.Same(model, afterSecond.Model);
        Assert.Same(second.Calibration, afterSecond.Classifier!.Calibration);
        Assert.True(afterSecond.ClassifiesFromFeatures);
        Assert.True(slot.FirstModel.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task SortingPipeline_RecalibrationWhileSorting_HistoryGetsNewReferencesFromNextLine()
    {
        var calibration = new CalibrationState();
        ModelSlot slot = ModelSlotFactory.Create(calibration, NullTelemetry.Instance, NullTelemetry.Instance);
        SpectralPreprocessing first = Plan(whiteDn: 3000), second = Plan(whiteDn: 2000, tilt: 0.5);
        calibration.Publish(first);
        slot.Swap(Model());
        var history = new PairingHistory();
        history.Start(64, Pixels, Bands);
        var journal = new DecisionJournal();
        SamplePool<SwirLine> camera = SwirLine.CreatePool(32, Pixels, Bands);
        ushort[][] raw = [.. Enumerable.Range(0, 20).Select(RawLine)];

        using (var pipeline = new SortingPipeline(slot, classificationWorkers: 2, new PipelineOptions(), new ParticleOptions(),
            new EjectionOptions { ValveCount = 84, BeltWidthMm = 1000, PixelPitchMm = 1000.0 / Pixels }, new EncoderScale(10_000),
            new RecordedBeltClock(2_500), cameraCapacity: 8, TimeSpan.MaxValue, isReplay: true, [new JournalSink(journal)], history, journal,
            new PipelineCounterMetrics(new PipelineCounterAdapter(NullTelemetry.Instance), NullTelemetry.Instance), TimeProvider.System,
            new ParticleRulesSlot(ParticleRules.Create(new ParticleOptions()))))
        {
            await WriteAsync(pipeline, camera, raw, 0, 10);
            await WaitForHistoryAsync(history, 10);
            calibration.Publish(second);
            await WriteAsync(pipeline, camera, raw, 10, 20);
            Assert.True(await pipeline.CompleteAsync(TimeSpan.FromMinutes(1)));
        }

        for (int line = 0; line < 20; line++)
        {
            LinePreprocessing expected = line < 10 ? first.Line : second.Line;
            float[] features = Preprocess(expected, raw[line]);
            float[] stored = Stored(history, line);
            Assert.True(features.AsSpan().SequenceEqual(stored), $"line {line}: history features are not those of the {(line < 10 ? "first" : "second")} references");
        }

        Assert.False(Preprocess(first.Line, raw[15]).AsSpan().SequenceEqual(Preprocess(second.Line, raw[15])), "the references must make a difference");
        Assert.Equal(32, camera.Available);
        Assert.Equal(1, slot.RecalibrationCount);
        Assert.Same(second.Calibration, slot.Current!.Classifier!.Calibration);
    }

    private static async Task WriteAsync(SortingPipeline pipeline, SamplePool<SwirLine> pool, ushort[][] raw, int from, int to)
    {
        for (int i = from; i < to; i++)
        {
            Assert.True(pool.TryRent(out SwirLine line));
            raw[i].CopyTo(line.Data);
            line.Stamp = new SampleStamp(i, new EncoderPosition(i * 25), TimeProvider.System.GetTimestamp());
            await pipeline.Input.WriteAsync(line);
        }
    }

    /// <summary>Waits (bounded by state, one minute at most) until the history holds <paramref name="count"/> lines.</summary>
    private static async Task WaitForHistoryAsync(PairingHistory history, long count)
    {
        using var bound = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        while (AppendedCount(history) < count)
        {
            await Task.Delay(5, bound.Token);
        }
    }

    private static long AppendedCount(PairingHistory history)
    {
        long appended = 0;
        history.TryUse(0, (h, _) => appended = h.AppendedCount);
        return appended;
    }

    private static float[] Stored(PairingHistory history, long sequence)
    {
        var stored = new float[Pixels * Bands];
        history.TryUse(sequence, (h, s) =>
        {
            for (int p = 0; p < Pixels; p++)
            {
                h.GetSpectrum(s, p).CopyTo(stored.AsSpan(p * Bands, Bands));
            }
        });
        return stored;
    }

    private static float[] Preprocess(LinePreprocessing plan, ushort[] raw)
    {
        var features = new float[raw.Length];
        plan.Apply(raw, features, new bool[Pixels], new float[plan.ScratchLength], new int[plan.HullScratchLength]);
        return features;
    }

    /// <summary>Dark 200 DN; white <paramref name="whiteDn"/> DN, tilted across the bands by ±<paramref name="tilt"/>/2.</summary>
    private static SpectralPreprocessing Plan(double whiteDn, double tilt = 0)
    {
        var dark = new double[Pixels * Bands];
        var white = new double[Pixels * Bands];
        for (int i = 0; i < white.Length; i++)
        {
            dark[i] = 200;
            white[i] = 200 + ((whiteDn - 200) * (1 + (tilt * (((double)(i % Bands) / (Bands - 1)) - 0.5))));
        }

        float[] wavelengths = [.. Enumerable.Range(0, Bands).Select(b => 1000f + (b * 45f))];
        return new SpectralPreprocessing(ReflectanceCalibration.FromReferenceFrames(Pixels, Bands, dark, white), new SavitzkyGolayPlan(5, 2),
            wavelengths, BackgroundReflectanceThreshold: 0.15);
    }

    /// <summary>Pixel p of line i: an absorption feature whose depth and place vary with p and i; pixel 0 is dark belt.</summary>
    private static ushort[] RawLine(int line)
    {
        var raw = new ushort[Pixels * Bands];
        for (int p = 0; p < Pixels; p++)
        {
            double level = p == 0 ? 0.05 : 0.4 + (0.05 * p);
            for (int b = 0; b < Bands; b++)
            {
                double dip = 0.3 * Math.Exp(-Math.Pow(b - 8 - ((p + line) % 16), 2) / 6.0);
                raw[(p * Bands) + b] = (ushort)Math.Round(200 + (2500 * level * (1 - dip)));
            }
        }

        return raw;
    }

    private static LineModel Model()
    {
        var random = new Random(11);
        var weights = new double[ModelClasses.Length * Bands];
        for (int i = 0; i < weights.Length; i++)
        {
            weights[i] = random.NextDouble() - 0.5;
        }

        var affine = AffineModel.Create(new ReadOnlyMatrixSpan<double>(weights, ModelClasses.Length, Bands), new double[ModelClasses.Length]);
        float[] wavelengths = [.. Enumerable.Range(0, Bands).Select(b => 1000f + (b * 45f))];
        return new LineModel("v1", affine, new SavitzkyGolayPlan(5, 2), new Spectra.Continuum.HullQuotientPlan(Array.ConvertAll(wavelengths, w => (double)w)),
            new PixelRejectRule(0), ModelClasses, LineClasses.Names, 5);
    }
}
