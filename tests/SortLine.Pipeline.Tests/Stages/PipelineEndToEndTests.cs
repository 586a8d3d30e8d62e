using System.Text;
using System.Threading.Channels;
using Microsoft.Extensions.Logging.Abstractions;
using SortLine.Pipeline.Items;
using SortLine.Pipeline.Particles;
using SortLine.Pipeline.Scheduling;
using SortLine.Pipeline.Sinks;
using SortLine.Pipeline.Stages;
using SortLine.Sensors;
using SortLine.Sensors.Encoder;

namespace SortLine.Pipeline.Tests.Stages;

public sealed class PipelineEndToEndTests
{
    private const int Pixels = 384;
    private const long CountsPerLine = 10;

    /// <summary>A rectangle of one class: columns [Left, Right], lines [Top, Bottom].</summary>
    private sealed record Blob(int Left, int Right, int Top, int Bottom, byte Class);

    // 10,000 counts/m at 3 m/s = 30,000 counts/s; 150 mm = 1,500 counts; 5 ms = 150 counts; minimum pulse 2 ms = 60 counts.
    private static readonly Blob[] Blobs =
    [
        new(0, 11, 2, 6, 1),       // lepidolite, 60 px, valves 0..1
        new(100, 120, 3, 5, 2),    // albite, 63 px: passes
        new(200, 211, 10, 12, 1),  // lepidolite, 36 px, valves 33..35
        new(300, 301, 10, 11, 1),  // lepidolite, 4 px: too small
    ];

    private static ParticleOptions ParticleOptions => new() { TargetClasses = [1], MinParticlePixels = 20 };

    private static EjectionOptions EjectionOptions => new() { PreMarginMm = 0, PostMarginMm = 0, MergeGapMm = 0 };

    private static async Task<(string Log, PipelineMetrics Metrics, List<EjectionCommand> Commands, int PoolAvailable)> RunAsync(int lineCount)
    {
        var metrics = new PipelineMetrics();
        var clock = new RecordedBeltClock(30_000);
        SamplePool<ClassifiedLine> pool = ClassifiedLine.CreatePool(lineCount, Pixels, hasConfidence: false);
        Channel<ClassifiedLine> lines = PipelineChannels.CreateLineChannel(lineCount, metrics);
        Channel<ParticleDecision> decisions = PipelineChannels.CreateDecisionChannel(16);
        Channel<EjectionCommand> commands = PipelineChannels.CreateCommandChannel(16);
        var particles = new ParticleStage(lines.Reader, decisions.Writer, new ParticleTracker(Pixels, ParticleOptions), new ParticleDecider(ParticleOptions), metrics);
        var scheduling = new SchedulingStage(decisions.Reader, commands.Writer, new EjectionScheduler(EjectionOptions, new EncoderScale(10_000), Pixels),
            clock, TimeProvider.System, metrics);
        using var stream = new MemoryStream();
        var logSink = new DecisionLogFileSink(stream, leaveOpen: true);
        var collector = new CollectingSink("sink_test");
        var fanOut = new DecisionFanOut(commands.Reader, [logSink, new LoggingDecisionSink(NullLogger.Instance), collector], 64, clock, metrics);

        Task[] running = [particles.RunAsync(CancellationToken.None), scheduling.RunAsync(CancellationToken.None), fanOut.RunAsync(CancellationToken.None)];
        for (int row = 0; row < lineCount; row++)
        {
            Assert.True(pool.TryRent(out ClassifiedLine line));
            line.Stamp = new SampleStamp(row, new EncoderPosition(row * CountsPerLine), row);
            line.Classes.Clear();
            foreach (Blob blob in Blobs.Where(b => row >= b.Top && row <= b.Bottom))
            {
                line.Classes[blob.Left..(blob.Right + 1)].Fill(blob.Class);
            }

            await lines.Writer.WriteAsync(line);
        }

        lines.Writer.Complete();
        await Task.WhenAll(running);
        await logSink.DisposeAsync();
        return (Encoding.UTF8.GetString(stream.ToArray()), metrics, collector.Commands, pool.Available);
    }

    [Fact]
    public async Task Run_KnownParticles_ExpectedCommandsInOrder()
    {
        (_, PipelineMetrics metrics, List<EjectionCommand> commands, int available) = await RunAsync(20);

        // Blob 0: first line 2 (20 counts), last line 6 (60): start 20 + 1,500 − 150 = 1,370, end 60 + 1,350 = 1,410 < 1,370 + 60 -> 1,430.
        // Blob 2: first line 10 (100), last 12 (120): start 1,450, end 1,470 -> 1,510. Columns 200..211 = [400, 424) mm = valves 33..35.
        Assert.Equal(
            [(0L, 0, 1, 1_370L, 1_430L, 1), (1L, 33, 35, 1_450L, 1_510L, 1)],
            commands.Select(c => (c.Sequence, c.FirstValve, c.LastValve, c.Start.Counts, c.End.Counts, c.Class)));
        Assert.All(commands, c => Assert.Equal(1.0, c.Confidence));
        Assert.Equal(20, available);
        Assert.Equal(20, metrics.Value(PipelineMetrics.ItemsProcessed, ParticleStage.StageName));
        Assert.Equal(1, metrics.Value(PipelineMetrics.ItemsDropped, ParticleStage.StageName, DropReasons.TooSmall));
        Assert.Equal(2, metrics.Value(PipelineMetrics.Decisions, ParticleStage.StageName, "eject"));
        Assert.Equal(1, metrics.Value(PipelineMetrics.Decisions, ParticleStage.StageName, "pass"));
        Assert.Equal(2, metrics.Value(PipelineMetrics.CommandsEmitted, SchedulingStage.StageName));
        Assert.Equal(2, metrics.Value(PipelineMetrics.SinkDelivered, "sink_decision_log"));
    }

    [Fact]
    public async Task Run_DecisionLog_HasTheDocumentedFormat()
    {
        (string log, _, _, _) = await RunAsync(20);

        Assert.Equal(
            "# sortline decision log v1\n"
            + "seq=0 valves=0-1 start=1370 end=1430 class=1 confidence=1.000000 particle=0\n"
            + "seq=1 valves=33-35 start=1450 end=1510 class=1 confidence=1.000000 particle=2\n",
            log);
    }

    [Fact]
    public async Task Run_SameRecordingTwice_ByteIdenticalDecisionLog()
    {
        (string first, _, _, _) = await RunAsync(20);
        (string second, _, _, _) = await RunAsync(20);

        Assert.Equal(first, second);
    }

    [Fact]
    public async Task Run_StreamStopsWhileParticleOpen_FlushedAndDecided()
    {
        // Stop after line 11: blob 2 (lines 10..12) is still open and gets decided at flush (24 px ≥ 20).
        (_, PipelineMetrics metrics, List<EjectionCommand> commands, _) = await RunAsync(12);

        Assert.Equal(2, commands.Count);
        Assert.Equal((1_450L, 1_510L), (commands[1].Start.Counts, commands[1].End.Counts));
        Assert.Equal(2, metrics.Value(PipelineMetrics.ParticlesClosed, ParticleStage.StageName, "flush"));
    }
}
