using SortLine.Learning.Models;
using SortLine.Pipeline;
using SortLine.Pipeline.Inference;
using SortLine.Pipeline.Particles;
using SortLine.Pipeline.Scheduling;
using SortLine.Pipeline.Sinks;
using SortLine.Sensors.Encoder;
using SortLine.Sensors.Swir;
using SortLine.Service.Line;
using SortLine.Service.Options;
using SortLine.Service.Telemetry;
using SortLine.Service.Tests.Infrastructure;
using SortLine.Service.Workers;
using SortLine.Simulators;
using SortLine.Simulators.Recording.Envi;
using SortLine.Simulators.Recording.Replay;
using SortLine.Simulators.Swir;
using SortLine.Spectra.Continuum;
using SortLine.Telemetry;
using Xunit.Abstractions;

namespace SortLine.Service.Tests.Integration;

/// <summary>
/// A recording of simulated belt lines replayed as fast as possible through the service's sorting pipeline (the pipeline's
/// classification stage with two workers) with a recorded belt clock and a fixed model loaded from a model file gives a
/// byte-identical decision log on every run.
/// </summary>
[Trait("Category", "Integration")]
[Collection(SimulatedLineGroup.Name)]
public sealed class ReplayDeterminismTests(ITestOutputHelper output)
{
    private const double CountsPerMetre = 10_000;
    private const double BeltSpeed = 0.25;
    private const double LineRate = 100;
    private const int Lines = 1500;

    [Fact]
    public async Task Replay_SameRecordingAndModel_ByteIdenticalDecisionLog()
    {
        using var directory = new TempDirectory();
        string basePath = Path.Combine(directory.Path, "belt");
        string modelPath = Path.Combine(directory.Path, "fixed" + StudentModelFile.Extension);
        (SpectralPreprocessing plan, BandSet bands) = await RecordAsync(basePath, modelPath);

        byte[] first = await ReplayAsync(basePath + ".hdr", plan, modelPath, bands);
        byte[] second = await ReplayAsync(basePath + ".hdr", plan, modelPath, bands);

        string[] lines = System.Text.Encoding.UTF8.GetString(first).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        output.WriteLine($"decision log: {first.Length} bytes, {lines.Length - 1} commands");
        Assert.True(lines.Length > 10, "the replay must eject something");
        Assert.Equal(first, second);
    }

    /// <summary>Records belt lines from a stepped (burst) simulated line and saves a fixed model file; returns the calibration and the camera's bands.</summary>
    private static async Task<(SpectralPreprocessing, BandSet)> RecordAsync(string basePath, string modelPath)
    {
        var defaults = new SimulatedLineOptions();
        await using SimulatedLine line = SimulatedLine.Create(defaults with
        {
            Seed = 5,
            SteppedEncoder = true,
            Encoder = defaults.Encoder with { CountsPerMetre = CountsPerMetre, BeltSpeedMetresPerSecond = BeltSpeed },
            Camera = defaults.Camera with { Pacing = SensorPacing.Burst, LineRateHz = LineRate },
            Spectrometer = defaults.Spectrometer with { Pacing = SensorPacing.Burst, AdvanceSteppedEncoder = false },
        }, TimeProvider.System);
        await line.Camera.ConnectAsync(CancellationToken.None);
        SpectralPreprocessing plan = await CameraCalibration.CalibrateAsync(line.Camera, new SortingOptions(), connector: null, CancellationToken.None);
        using (EnviSwirRecorder recorder = EnviSwirRecorder.Create(basePath, line.Camera.Info))
        {
            int n = 0;
            await foreach (SwirLine l in line.Camera.ReadLinesAsync(CancellationToken.None))
            {
                using (l)
                {
                    recorder.Append(l);
                }

                if (++n == Lines)
                {
                    break;
                }
            }

            recorder.Close();
        }

        StudentModelFile.Save(modelPath, NearestMineralModel(line, plan));
        return (plan, BandSet.FromCamera(line.Camera.Info));
    }

    /// <summary>
    /// A fixed student: nearest preprocessed library spectrum of the four minerals (w = q, b = -|q|²/2), plus a
    /// "background" class that never wins (w = 0, b = -10⁶) as the reject class.
    /// </summary>
    private static StudentModel NearestMineralModel(SimulatedLine line, SpectralPreprocessing plan)
    {
        string[] minerals = ["Lepidolite", "Albite", "Quartz", "Muscovite"];
        int bands = plan.Bands;
        var weights = new double[(minerals.Length + 1) * bands];
        var bias = new double[minerals.Length + 1];
        var smoothed = new float[bands];
        var quotient = new float[bands];
        var hull = new int[bands];
        for (int k = 0; k < minerals.Length; k++)
        {
            int material = line.Scene.MaterialNames.ToList().FindIndex(n => string.Equals(n, minerals[k], StringComparison.OrdinalIgnoreCase));
            plan.SavitzkyGolay.Apply(line.Camera.GetMaterialReflectance(material), smoothed);
            HullQuotient.Apply<float>(plan.WavelengthsNm, smoothed, quotient, hull);
            for (int b = 0; b < bands; b++)
            {
                weights[(k * bands) + b] = quotient[b];
                bias[k] -= 0.5 * quotient[b] * quotient[b];
            }
        }

        bias[minerals.Length] = -1e6;
        string[] names = ["lepidolite", "albite", "quartz", "muscovite", "background"];
        var created = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var preprocessing = new PreprocessingParameters(Identity(plan.Calibration.DarkFrame, created), Identity(plan.Calibration.WhiteFrame, created),
            plan.SavitzkyGolay.WindowLength, plan.SavitzkyGolay.PolynomialOrder, plan.SavitzkyGolay.DerivativeOrder, HullQuotient: true);
        var provenance = new TrainingProvenance(1, new TrainingWindow(0, 0, created, created), 1, [],
            new HeldOutMetrics(0, 1, 1, [1, 1, 1, 1, 1]));
        return new StudentModel("fixed-nearest-mineral", created, null, names, new RejectRule(names.Length - 1, null, null),
            BandSet.FromCamera(line.Camera.Info), preprocessing, weights, bias, provenance);
    }

    private static ReferenceFrameIdentity Identity(ReadOnlySpan<double> frame, DateTimeOffset captured) =>
        ReferenceFrameIdentity.FromFrame(Array.ConvertAll(frame.ToArray(), v => (float)v), captured);

    private static async Task<byte[]> ReplayAsync(string header, SpectralPreprocessing plan, string modelPath, BandSet cameraBands)
    {
        // The model as the service gets it: from its file, checked against the camera's bands, mapped to the line's classes.
        LineModel model = LineModel.FromStudent(StudentModelFile.Load(modelPath, cameraBands), LineClasses.Names, new ParticleOptions().RejectClass);
        var models = new ModelSlot(plan.Line, model);
        var ejection = new EjectionOptions { ValveCount = 84, BeltWidthMm = 1000, PixelPitchMm = 1000.0 / 384 };
        using var log = new MemoryStream();
        await using (var sink = new DecisionLogFileSink(log, leaveOpen: true))
        {
            using var pipeline = new SortingPipeline(models, classificationWorkers: 2, new PipelineOptions { LineChannelCapacity = 4 * Lines },
                new ParticleOptions(), ejection, new EncoderScale(CountsPerMetre), new RecordedBeltClock(CountsPerMetre * BeltSpeed), cameraCapacity: 16,
                TimeSpan.MaxValue, isReplay: true, [sink], new PairingHistory(), new DecisionJournal(),
                new PipelineCounterMetrics(new PipelineCounterAdapter(NullTelemetry.Instance), NullTelemetry.Instance), TimeProvider.System,
                new ParticleRulesSlot(ParticleRules.Create(new ParticleOptions())));
            await using SwirRecordingReplayer replayer = SwirRecordingReplayer.Open(header,
                new ReplayOptions { Pacing = ReplayPacing.AsFastAsPossible, EncoderMode = ReplayEncoderMode.Recorded, PoolCapacity = 64 }, TimeProvider.System);
            await replayer.ConnectAsync(CancellationToken.None);
            await foreach (SwirLine l in replayer.ReadLinesAsync(CancellationToken.None))
            {
                await pipeline.Input.WriteAsync(l);
            }

            Assert.Equal(0, replayer.DroppedLines);
            Assert.True(await pipeline.CompleteAsync(TimeSpan.FromMinutes(2)), "the replay pipeline did not drain");
        }

        return log.ToArray();
    }
}
