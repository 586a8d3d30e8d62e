using System.Threading.Channels;
using SortLine.Pipeline.Scheduling;
using SortLine.Pipeline.Sinks;
using SortLine.Pipeline.Stages;
using SortLine.Sensors.Encoder;

namespace SortLine.Pipeline.Tests.Stages;

public sealed class DecisionFanOutTests
{
    private static EjectionCommand Command(long sequence, long start = 1_000, long issuedAt = 0) =>
        new(sequence, 0, 1, new EncoderPosition(start + sequence), new EncoderPosition(start + sequence + 100), 1, 0.9, sequence, new EncoderPosition(issuedAt));

    [Fact]
    public async Task RunAsync_SlowSink_OthersGetEverythingAndSlowOneCountsDrops()
    {
        const int Total = 50;
        const int Capacity = 8;
        var metrics = new PipelineMetrics();
        Channel<EjectionCommand> input = PipelineChannels.CreateCommandChannel(Total);
        var blocked = new BlockingSink("sink_blocked");
        var fast = new CollectingSink("sink_fast", Total);
        var fanOut = new DecisionFanOut(input.Reader, [blocked, fast], Capacity, new RecordedBeltClock(30_000), metrics);
        Task run = fanOut.RunAsync(CancellationToken.None);

        await input.Writer.WriteAsync(Command(0));
        await blocked.Entered;
        await fast.Written.WaitAsync();
        for (int i = 1; i < Total; i++)
        {
            // One at a time, so only the stuck sink's queue can overflow.
            await input.Writer.WriteAsync(Command(i));
            await fast.Written.WaitAsync();
        }

        await fast.Reached;

        Assert.Equal(Enumerable.Range(0, Total).Select(i => (long)i), fast.Commands.Select(c => c.Sequence));
        Assert.Equal(Total - 1 - Capacity, metrics.Value(PipelineMetrics.ItemsDropped, "sink_blocked", DropReasons.QueueFull));
        Assert.Equal(0, metrics.Value(PipelineMetrics.ItemsDropped, "sink_fast", DropReasons.QueueFull));

        blocked.Release();
        input.Writer.Complete();
        await run;

        // The stuck sink kept its first command and the newest ones (drop-oldest).
        Assert.Equal(new long[] { 0 }.Concat(Enumerable.Range(Total - Capacity, Capacity).Select(i => (long)i)), blocked.Commands.Select(c => c.Sequence));
        Assert.True(fast.Completed);
        Assert.Equal(Total, metrics.Value(PipelineMetrics.SinkDelivered, "sink_fast"));
    }

    [Fact]
    public async Task RunAsync_CommandPastItsStart_DroppedForDeadline()
    {
        var metrics = new PipelineMetrics();
        Channel<EjectionCommand> input = PipelineChannels.CreateCommandChannel(4);
        var sink = new CollectingSink("sink_a");
        var fanOut = new DecisionFanOut(input.Reader, [sink], 4, new RecordedBeltClock(30_000), metrics);

        await input.Writer.WriteAsync(Command(0, start: 1_000, issuedAt: 1_000));  // exactly at start: in time
        await input.Writer.WriteAsync(Command(1, start: 1_000, issuedAt: 1_002));  // start 1,001 < now 1,002: late
        input.Writer.Complete();
        await fanOut.RunAsync(CancellationToken.None);

        Assert.Equal([0L], sink.Commands.Select(c => c.Sequence));
        Assert.Equal(1, metrics.Value(PipelineMetrics.ItemsDropped, DecisionFanOut.StageName, DropReasons.Deadline));
    }

    [Fact]
    public async Task RunAsync_ThrowingSink_CountedAndOthersUnaffected()
    {
        var metrics = new PipelineMetrics();
        Channel<EjectionCommand> input = PipelineChannels.CreateCommandChannel(4);
        var good = new CollectingSink("sink_good");
        var fanOut = new DecisionFanOut(input.Reader, [new ThrowingSink("sink_bad"), good], 4, new RecordedBeltClock(30_000), metrics);

        await input.Writer.WriteAsync(Command(0));
        await input.Writer.WriteAsync(Command(1));
        input.Writer.Complete();
        await fanOut.RunAsync(CancellationToken.None);

        Assert.Equal(2, good.Commands.Count);
        Assert.Equal(2, metrics.Value(PipelineMetrics.ItemsDropped, "sink_bad", DropReasons.SinkError));
    }

    [Fact]
    public async Task RunAsync_UpstreamFault_DrainsSinksThenRethrows()
    {
        Channel<EjectionCommand> input = PipelineChannels.CreateCommandChannel(4);
        var sink = new CollectingSink("sink_a");
        var fanOut = new DecisionFanOut(input.Reader, [sink], 4, new RecordedBeltClock(30_000), new PipelineMetrics());
        var fault = new InvalidOperationException("upstream");

        await input.Writer.WriteAsync(Command(0));
        input.Writer.Complete(fault);
        InvalidOperationException thrown = await Assert.ThrowsAsync<InvalidOperationException>(() => fanOut.RunAsync(CancellationToken.None));

        Assert.Same(fault, thrown);
        Assert.Single(sink.Commands);
        Assert.True(sink.Completed);
    }

    [Fact]
    public void Constructor_DuplicateSinkNames_Throws()
    {
        Channel<EjectionCommand> input = PipelineChannels.CreateCommandChannel(4);

        Assert.Throws<ArgumentException>(() => new DecisionFanOut(input.Reader, [new CollectingSink("a"), new CollectingSink("a")], 4,
            new RecordedBeltClock(1), new PipelineMetrics()));
    }
}
