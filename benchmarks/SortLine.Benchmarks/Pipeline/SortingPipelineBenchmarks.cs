using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using SortLine.Benchmarks.Infrastructure;
using SortLine.Learning.Internal;
using SortLine.Pipeline;
using SortLine.Pipeline.Inference;
using SortLine.Pipeline.Particles;
using SortLine.Pipeline.Scheduling;
using SortLine.Pipeline.Sinks;
using SortLine.Pipeline.Stages;
using SortLine.Sensors;
using SortLine.Sensors.Encoder;
using SortLine.Sensors.Swir;
using SortLine.Service.Line;
using SortLine.Service.Telemetry;
using SortLine.Service.Workers;
using SortLine.Spectra;
using SortLine.Spectra.Regression;
using SortLine.Telemetry;

namespace SortLine.Benchmarks.Pipeline;

/// <summary>
/// The service's sorting pipeline end to end (<see cref="SortingPipeline"/>: camera edge → classification stage with N
/// workers, MSKD history collecting → particles → decision tap → scheduling → sinks) on recorded simulated belt lines
/// (<see cref="SimulatedBeltData"/>), kept running across iterations:
/// <list type="bullet">
/// <item><see cref="Burst"/>: the camera in burst mode (lines written as fast as the pipeline takes them); one operation =
/// one line through the particle stage, so Lines/s is the sustained end-to-end rate and Allocated the bytes per line in steady
/// state (all threads).</item>
/// <item><see cref="Paced670WithRetraining"/>: lines paced at 670 lines/s while a PLS-DA retraining (2,000 pairs × 288
/// bands, 5 classes, 20 components) loops beside it at below-normal priority, as the MSKD session's retrain thread runs; the
/// line-to-decision latency (acquisition of the line that closed a particle → its decision, the service's
/// <c>sortline_pipeline_decision_latency_seconds</c>) is printed as p50/p99/p99.9 per iteration and over the run, with the
/// lines dropped (deadline 80 ms). Its Allocated column is the retraining's (it runs in the process): bytes per line come from
/// <see cref="Burst"/>.</item>
/// </list>
/// Lines are copied from memory into pooled camera lines (the simulator's synthesis is not measured).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Configuration))]
public class SortingPipelineBenchmarks
{
    private const int BurstLines = 1000;
    private const int PacedLines = 3350;
    private const double PacedRateHz = 670;

    private SimulatedBeltData _data = null!;
    private ModelSlot _slot = null!;
    private PipelineCounterAdapter _counters = null!;
    private LatencyRecorder _latency = null!;
    private SortingPipeline _pipeline = null!;
    private SamplePool<SwirLine> _camera = null!;
    private CancellationTokenSource? _retrainStop;
    private Thread? _retrain;
    private long _sequence;
    private long _written;
    private long _droppedAtIterationStart;
    private readonly List<double> _allLatencies = [];

    /// <summary>Gets or sets the number of classification workers.</summary>
    [Params(1, 2)]
    public int Workers { get; set; }

    /// <summary>Burst: no deadline (lines wait in the camera edge, as in a replay), so every line is processed.</summary>
    [GlobalSetup(Target = nameof(Burst))]
    public void SetupBurst() => Setup(TimeSpan.MaxValue);

    /// <summary>Paced: the service's deadline at 1.675 m/s (80 ms, below the 89.6 ms belt travel to the valves).</summary>
    [GlobalSetup(Target = nameof(Paced670WithRetraining))]
    public void SetupPaced()
    {
        Setup(TimeSpan.FromMilliseconds(80));
        _retrainStop = new CancellationTokenSource();
        CancellationToken stop = _retrainStop.Token;
        _retrain = new Thread(() => Retrain(stop)) { IsBackground = true, Priority = ThreadPriority.BelowNormal, Name = "bench retrain" };
        _retrain.Start();
    }

    [IterationSetup(Target = nameof(Paced670WithRetraining))]
    public void ResetLatencies()
    {
        _latency.Reset();
        _droppedAtIterationStart = Dropped();
    }

    [IterationCleanup(Target = nameof(Paced670WithRetraining))]
    public void PrintLatencies()
    {
        double[] iteration = _latency.Snapshot();
        _allLatencies.AddRange(iteration);
        Console.WriteLine($"// SortingPipeline paced 670 lines/s, workers={Workers}, retraining beside: {Percentiles(iteration)}; lines dropped {Dropped() - _droppedAtIterationStart}");
    }

    /// <summary>Lines written as fast as the pipeline takes them (camera edge in wait mode); one operation = one line.</summary>
    [Benchmark(OperationsPerInvoke = BurstLines)]
    public void Burst() => Feed(BurstLines, paced: false);

    /// <summary>Lines paced at 670 lines/s with a retraining beside it; one operation = one line.</summary>
    [Benchmark(OperationsPerInvoke = PacedLines)]
    public void Paced670WithRetraining() => Feed(PacedLines, paced: true);

    [GlobalCleanup]
    public void Cleanup()
    {
        _retrainStop?.Cancel();
        _retrain?.Join();
        _retrainStop?.Dispose();
        _pipeline.CompleteAsync(TimeSpan.FromMinutes(1)).GetAwaiter().GetResult();
        _pipeline.Dispose();
        if (_allLatencies.Count > 0)
        {
            Console.WriteLine($"// SortingPipeline paced 670 lines/s, workers={Workers}, retraining beside, all iterations: {Percentiles([.. _allLatencies])}");
        }

        long deadline = _counters.Inner.Value(PipelineMetrics.ItemsDropped, ClassificationStage.StageName, DropReasons.Deadline);
        long edge = _counters.Inner.Value(PipelineMetrics.ItemsDropped, PipelineChannels.LineEdgeStage, DropReasons.QueueFull);
        Console.WriteLine($"// SortingPipeline workers={Workers}: {_written} lines written, dropped: deadline {deadline}, line edge {edge}");
    }

    private void Setup(TimeSpan deadline)
    {
        _data = SimulatedBeltData.Create(1024);
        _slot = new ModelSlot(_data.Plan.Line, _data.LineModel);
        var history = new PairingHistory();
        history.Start(256, _data.Pixels, _data.Plan.Bands); // the service keeps 2,048 lines; the per-line copy is the same
        _counters = new PipelineCounterAdapter(NullTelemetry.Instance);
        _latency = new LatencyRecorder();
        var journal = new DecisionJournal();
        var ejection = new EjectionOptions { ValveCount = 84, BeltWidthMm = 1000, PixelPitchMm = 1000.0 / 384 };
        _camera = SwirLine.CreatePool(256, _data.Pixels, _data.Plan.Bands);
        _pipeline = new SortingPipeline(_slot, Workers, new PipelineOptions(), new ParticleOptions(), ejection, new EncoderScale(10_000),
            new RecordedBeltClock(16_750), cameraCapacity: 64, deadline, isReplay: true, [new CountingSink()],
            history, journal, new PipelineCounterMetrics(_counters, _latency), TimeProvider.System,
            new ParticleRulesSlot(ParticleRules.Create(new ParticleOptions())));
        Feed(2_000, paced: deadline != TimeSpan.MaxValue); // warm up (JIT tier-up, pools filled) as the benchmark runs
    }

    /// <summary>Writes <paramref name="count"/> lines, then waits until the particle stage has taken all of them.</summary>
    private void Feed(int count, bool paced)
    {
        long period = (long)(Stopwatch.Frequency / PacedRateHz);
        long start = Stopwatch.GetTimestamp();
        for (int i = 0; i < count; i++)
        {
            if (paced)
            {
                WaitUntil(start + (i * period));
            }

            SwirLine line;
            while (!_camera.TryRent(out line))
            {
                Thread.Yield();
            }

            long s = _sequence++;
            _data.Lines[(int)(s % _data.Lines.Length)].CopyTo(line.Data);
            line.Stamp = new SampleStamp(s, new EncoderPosition((long)Math.Round(s * _data.EncoderCountsPerLine)), Stopwatch.GetTimestamp());
            while (!_pipeline.Input.TryWrite(line))
            {
                Thread.Yield();
            }
        }

        _written += count;
        while (_counters.Inner.Value(PipelineMetrics.ItemsProcessed, ParticleStage.StageName) + Dropped() < _written)
        {
            Thread.Yield();
        }
    }

    private long Dropped() =>
        _counters.Inner.Value(PipelineMetrics.ItemsDropped, ClassificationStage.StageName, DropReasons.Deadline)
        + _counters.Inner.Value(PipelineMetrics.ItemsDropped, ClassificationStage.StageName, DropReasons.QueueFull)
        + _counters.Inner.Value(PipelineMetrics.ItemsDropped, PipelineChannels.LineEdgeStage, DropReasons.QueueFull);

    /// <summary>Sleeps while more than 1.2 ms ahead, then yields until the due time (Thread.Sleep(1) is ~1.1 ms on Linux).</summary>
    private static void WaitUntil(long due)
    {
        long margin = Stopwatch.Frequency * 12 / 10_000;
        while (due - Stopwatch.GetTimestamp() > margin)
        {
            Thread.Sleep(1);
        }

        while (Stopwatch.GetTimestamp() < due)
        {
            Thread.Yield();
        }
    }

    /// <summary>The retraining beside the line: PLS-DA fits on 2,000 synthetic pairs in a loop until stopped.</summary>
    private static void Retrain(CancellationToken stop)
    {
        // As the service's MSKD worker: Thread.Priority is ignored on Linux, the nice value is what lowers the fit's share.
        ThreadNiceness.TrySetCurrentThread(ThreadNiceness.Background);
        const int Rows = 2000, Bands = 288, Classes = 5;
        var rng = new Random(7);
        var x = new double[Rows * Bands];
        var y = new int[Rows];
        for (int i = 0; i < Rows; i++)
        {
            y[i] = i % Classes;
            for (int b = 0; b < Bands; b++)
            {
                x[(i * Bands) + b] = Math.Sin((b * (y[i] + 1)) / 40.0) + (0.1 * rng.NextDouble());
            }
        }

        while (!stop.IsCancellationRequested)
        {
            PlsDiscriminant.Fit(new ReadOnlyMatrixSpan<double>(x, Rows, Bands), y, Classes, new PlsOptions { Components = 20 });
        }
    }

    private static string Percentiles(double[] seconds)
    {
        if (seconds.Length == 0)
        {
            return "no decisions";
        }

        Array.Sort(seconds);
        double At(double q) => seconds[Math.Min(seconds.Length - 1, (int)Math.Ceiling(q * seconds.Length) - 1)] * 1000;
        return string.Create(CultureInfo.InvariantCulture,
            $"n={seconds.Length} decisions, p50 {At(0.50):F3} ms, p99 {At(0.99):F3} ms, p99.9 {At(0.999):F3} ms, max {seconds[^1] * 1000:F3} ms");
    }

    /// <summary>Telemetry that keeps the decision latencies (preallocated ring; the rest ignored).</summary>
    private sealed class LatencyRecorder : IPipelineTelemetry
    {
        private readonly double[] _seconds = new double[1 << 20];
        private int _count;

        public void Reset() => Volatile.Write(ref _count, 0);

        public double[] Snapshot() => _seconds.AsSpan(0, Math.Min(Volatile.Read(ref _count), _seconds.Length)).ToArray();

        public void RecordDecisionLatency(double seconds)
        {
            int i = Interlocked.Increment(ref _count) - 1;
            if (i < _seconds.Length)
            {
                _seconds[i] = seconds;
            }
        }

        public void LinesReceived(int count)
        {
        }

        public void ItemsDropped(PipelineStage stage, DropReason reason, int count)
        {
        }

        public void SetQueueDepth(PipelineStage stage, int depth)
        {
        }

        public void RecordInferenceTime(double seconds)
        {
        }

        public void ParticleClassified(string className)
        {
        }

        public void EjectionCommanded(string className)
        {
        }

        public void LateDecisions(int count)
        {
        }
    }

    /// <summary>A sink that only counts commands.</summary>
    private sealed class CountingSink : IDecisionSink
    {
        private long _count;

        public string Name => "counting";

        public ValueTask WriteAsync(EjectionCommand command, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _count);
            return ValueTask.CompletedTask;
        }

        public ValueTask CompleteAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }

    private sealed class Configuration : ManualConfig
    {
        public Configuration() => AddColumn(new LinesPerSecondColumn());
    }
}
