using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;
using SortLine.Learning.Models;
using SortLine.Learning.Retraining;
using SortLine.Pipeline;
using SortLine.Pipeline.Inference;
using SortLine.Pipeline.Items;
using SortLine.Pipeline.Stages;
using SortLine.Sensors;
using SortLine.Sensors.Encoder;
using SortLine.Sensors.Swir;
using SortLine.Spectra.Calibration;
using SortLine.Spectra.Continuum;
using SortLine.Spectra.Smoothing;
using Xunit.Abstractions;

namespace SortLine.Learning.Tests.Retraining;

/// <summary>
/// The hot-swap promise, end to end: the pipeline's <see cref="ClassificationStage"/> classifies camera lines with
/// the champion of an <see cref="MskdSession"/> (wired as the service wires it: <see cref="MskdSession.ChampionChanged"/> →
/// <see cref="ModelSlot.Swap"/>) while the session retrains in the background and promotes the challenger. The fit is held
/// at a gate (<see cref="MskdSession.FitStarting"/>), not timed: lines must come out while it is held, and every line must
/// carry exactly the classes of one complete model version (the version it records), old before the swap, new after.
/// </summary>
[Collection(MskdSessionGroup.Name)]
public sealed class MskdSessionHotSwapTests(ITestOutputHelper output)
{
    private const int RawLines = 32, Dark = 100, White = 4000;
    private static readonly TimeSpan Wait = TimeSpan.FromMinutes(2);
    private static readonly string[] LineClassNames = ["background", "lepidolite", "albite", "quartz", "muscovite", "unknown"];

    [Fact]
    public async Task RetrainAndPromote_WhileClassifying_LinesKeepFlowingAndEachUsesOneCompleteModel()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 11, 23, 8, 0, 0, TimeSpan.Zero));
        var options = new RetrainingOptions
        {
            TeacherBootstrapPoints = 50,
            MinPairs = 100,
            MaxComponents = 8,
            AgreementWindowPairs = 100,
            AgreementMinPairs = 20,
            RetrainInterval = TimeSpan.FromMinutes(10),
        };
        await using var rig = new MskdRig(options, clock);
        rig.Feed(400);

        // A weak champion in service (random weights), so that the retrain's challenger beats it and is promoted.
        StudentModel weak = TestModels.Create(seed: 5, bands: MskdRig.Bands, version: "weak.001", parent: null, classNames: [.. rig.Session.Teacher!.MineralNames]);
        rig.Registry.Register(weak, "test");
        rig.Registry.Promote(weak.Version, "test", "a weak champion");
        await using var session = new MskdSession(options, rig.Info, MskdRig.Registration(), rig.History, rig.Buffer, rig.Registry,
            TestModels.Bands(MskdRig.Bands), MskdRig.Preprocessing, clock);
        var models = new Dictionary<string, LineModel>(StringComparer.Ordinal) { [weak.Version] = ToLineModel(weak) };
        ReflectanceCalibration calibration = Calibration();
        var slot = new ModelSlot(new LinePreprocessing(calibration, new SavitzkyGolayPlan(11, 2), new HullQuotientPlan([.. TestModels.Bands(MskdRig.Bands).CentersNm]),
            double.NegativeInfinity), models[weak.Version]);
        session.ChampionChanged += (_, model) =>
        {
            LineModel line = ToLineModel(model);
            lock (models)
            {
                models[model.Version] = line;
            }

            slot.Swap(line);
        };

        await using var line = new LineRig(slot);
        using var release = new ManualResetEventSlim();
        var fitHeld = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        session.FitStarting = () =>
        {
            fitHeld.TrySetResult();
            release.Wait(); // released by the test, or by its finally block if it fails first
        };
        var seen = new List<(long Sequence, string Version, byte[] Classes)>();
        int whileHeld, afterSwap;
        string promoted;
        try
        {
            session.Start();

            // 1. The retrain is fitting (held at the gate): lines are classified and come out, all by the champion.
            Task<RetrainingResult> retrain = session.RetrainAsync("test", CancellationToken.None);
            await fitHeld.Task.WaitAsync(Wait);
            for (int i = 0; i < 3 * RawLines; i++)
            {
                seen.Add(await line.PassAsync());
            }

            Assert.False(retrain.IsCompleted, "the fit is still held");
            Assert.Equal("weak.001", session.Champion!.Version);
            whileHeld = seen.Count;

            // 2. The fit runs and the challenger is promoted (the swap is published from the retrain thread); lines keep flowing.
            release.Set();
            while (!retrain.IsCompleted)
            {
                seen.Add(await line.PassAsync());
            }

            RetrainingResult result = await retrain;
            Assert.Equal(RetrainingOutcome.Promoted, result.Outcome);
            promoted = result.ChallengerVersion!;
            Assert.Equal(promoted, session.Champion!.Version);

            // 3. Every line dispatched after the swap uses the new champion.
            afterSwap = seen.Count;
            for (int i = 0; i < RawLines; i++)
            {
                seen.Add(await line.PassAsync());
            }

            await line.StopAsync();
        }
        finally
        {
            release.Set(); // never leave the retrain thread at the gate (the session's disposal waits for it)
        }

        Assert.Equal(Enumerable.Range(0, seen.Count).Select(i => (long)i), seen.Select(s => s.Sequence));
        Assert.All(seen.Take(whileHeld), s => Assert.Equal("weak.001", s.Version));
        Assert.All(seen.Skip(afterSwap), s => Assert.Equal(promoted, s.Version));
        int firstNew = seen.FindIndex(s => s.Version == promoted);
        Assert.All(seen.Skip(firstNew), s => Assert.Equal(promoted, s.Version)); // one switch, at a line boundary
        Assert.Equal(1, slot.SwapCount);
        int differing = 0;
        foreach ((long sequence, string version, byte[] classes) in seen)
        {
            byte[] expected = Expected(models[version], calibration, sequence);
            Assert.Equal(expected, classes);
            differing += expected.AsSpan().SequenceEqual(Expected(models[version == promoted ? "weak.001" : promoted], calibration, sequence)) ? 0 : 1;
        }

        output.WriteLine($"{whileHeld} lines while the fit was held, {afterSwap - whileHeld} while it ran and promoted, {seen.Count - afterSwap} after; first line of {promoted}: {firstNew}; {differing} of {seen.Count} lines classified differently by the two versions");
        Assert.True(differing > seen.Count / 2, $"the two versions classify {differing} of {seen.Count} lines differently");
    }

    private static LineModel ToLineModel(StudentModel model) => LineModel.FromStudent(model, LineClassNames, lineRejectClass: 5);

    /// <summary>Dark 100 DN and white 4,000 DN everywhere (no dead element).</summary>
    private static ReflectanceCalibration Calibration()
    {
        int n = MskdRig.Pixels * MskdRig.Bands;
        return ReflectanceCalibration.FromReferenceFrames(MskdRig.Pixels, MskdRig.Bands, Enumerable.Repeat((double)Dark, n).ToArray(),
            Enumerable.Repeat((double)White, n).ToArray());
    }

    /// <summary>Raw line k (cycled): the rig's five stripes at reflectance <see cref="MskdRig.Shape"/>, shifted by k pixels, ±2 % noise.</summary>
    private static ushort[] Raw(long sequence)
    {
        int k = (int)(sequence % RawLines);
        var random = new Random(1000 + k);
        var raw = new ushort[MskdRig.Pixels * MskdRig.Bands];
        for (int p = 0; p < MskdRig.Pixels; p++)
        {
            int c = MskdRig.ClassAt((p + k) % MskdRig.Pixels);
            for (int b = 0; b < MskdRig.Bands; b++)
            {
                double reflectance = MskdRig.Shape(c, b) * (1 + (0.02 * ((random.NextDouble() * 2) - 1)));
                raw[(p * MskdRig.Bands) + b] = (ushort)Math.Round(Dark + (reflectance * (White - Dark)));
            }
        }

        return raw;
    }

    /// <summary>The line class ids a model gives line <paramref name="sequence"/>, from its own classifier (every pixel is foreground).</summary>
    private static byte[] Expected(LineModel model, ReflectanceCalibration calibration, long sequence)
    {
        LineClassifier classifier = model.Build(calibration);
        var classes = new byte[MskdRig.Pixels];
        classifier.ClassifyLine(Raw(sequence), classes, [], classifier.CreateScratch());
        for (int p = 0; p < classes.Length; p++)
        {
            classes[p] = model.LineClassOf[classes[p]];
        }

        return classes;
    }

    /// <summary>A running classification stage (two workers) fed one line at a time.</summary>
    private sealed class LineRig : IAsyncDisposable
    {
        private readonly SamplePool<SwirLine> _cameraPool = SwirLine.CreatePool(16, MskdRig.Pixels, MskdRig.Bands);
        private readonly Channel<SwirLine> _input;
        private readonly Channel<ClassifiedLine> _output = Channel.CreateBounded<ClassifiedLine>(16);
        private readonly Task _running;
        private long _next;

        public LineRig(ModelSlot slot)
        {
            var metrics = new PipelineMetrics();
            _input = ClassificationStage.CreateInputChannel(16, metrics);
            var stage = new ClassificationStage(_input.Reader, _output.Writer, slot, ClassifiedLine.CreatePool(16, MskdRig.Pixels, hasConfidence: false),
                new ClassificationOptions { WorkerCount = 2, WorkerQueueCapacity = 2, MaxLineAge = TimeSpan.Zero }, metrics, TimeProvider.System);
            _running = Task.Run(() => stage.RunAsync(CancellationToken.None));
        }

        /// <summary>Writes the next line and waits for its classified line (the wait bound only guards against a hang).</summary>
        public async Task<(long Sequence, string Version, byte[] Classes)> PassAsync()
        {
            Assert.True(_cameraPool.TryRent(out SwirLine line));
            Raw(_next).CopyTo(line.Data);
            line.Stamp = new SampleStamp(_next, new EncoderPosition(_next * 10), TimeProvider.System.GetTimestamp());
            _next++;
            Assert.True(_input.Writer.TryWrite(line));
            ClassifiedLine classified = await _output.Reader.ReadAsync().AsTask().WaitAsync(Wait);
            using (classified)
            {
                return (classified.Stamp.Sequence, classified.ModelVersion!, classified.Classes.ToArray());
            }
        }

        public async Task StopAsync()
        {
            _input.Writer.TryComplete();
            await _running.WaitAsync(Wait);
        }

        public async ValueTask DisposeAsync()
        {
            _input.Writer.TryComplete();
            await _running.WaitAsync(Wait).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }
}
