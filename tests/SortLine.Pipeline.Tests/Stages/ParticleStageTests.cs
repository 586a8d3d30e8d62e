using System.Threading.Channels;
using SortLine.Pipeline.Items;
using SortLine.Pipeline.Particles;
using SortLine.Pipeline.Stages;
using SortLine.Sensors;
using SortLine.Sensors.Encoder;

namespace SortLine.Pipeline.Tests.Stages;

public sealed class ParticleStageTests
{
    private static ParticleStage Create(ChannelReader<ClassifiedLine> input, ChannelWriter<ParticleDecision> output, PipelineMetrics metrics)
    {
        var options = new ParticleOptions { MinParticlePixels = 1 };
        return new ParticleStage(input, output, new ParticleTracker(4, options), new ParticleDecider(options), metrics);
    }

    [Fact]
    public async Task RunAsync_UpstreamFault_CompletesOutputWithTheErrorAndReturnsQueuedLines()
    {
        SamplePool<ClassifiedLine> pool = ClassifiedLine.CreatePool(2, 4, hasConfidence: false);
        Channel<ClassifiedLine> input = Channel.CreateBounded<ClassifiedLine>(4);
        Channel<ParticleDecision> output = PipelineChannels.CreateDecisionChannel(4);
        var fault = new SensorFaultException("camera", SensorFaultKind.Disconnected, "cable");
        Assert.True(pool.TryRent(out ClassifiedLine line));
        line.Stamp = new SampleStamp(0, default, 0);
        await input.Writer.WriteAsync(line);
        input.Writer.Complete(fault);

        SensorFaultException thrown = await Assert.ThrowsAsync<SensorFaultException>(() => Create(input.Reader, output.Writer, new PipelineMetrics()).RunAsync(CancellationToken.None));

        Assert.Same(fault, thrown);
        Assert.Same(fault, await Assert.ThrowsAsync<SensorFaultException>(() => output.Reader.Completion));
        Assert.Equal(2, pool.Available);
    }

    [Fact]
    public async Task RunAsync_Cancelled_OutputCompletedWithCancellation()
    {
        Channel<ClassifiedLine> input = PipelineChannels.CreateLineChannel(4, new PipelineMetrics());
        Channel<ParticleDecision> output = PipelineChannels.CreateDecisionChannel(4);
        using var cts = new CancellationTokenSource();
        Task run = Create(input.Reader, output.Writer, new PipelineMetrics()).RunAsync(cts.Token);

        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => output.Reader.Completion);
    }

    [Fact]
    public async Task RunAsync_BadLine_FaultsAndPropagates()
    {
        Channel<ClassifiedLine> input = PipelineChannels.CreateLineChannel(4, new PipelineMetrics());
        Channel<ParticleDecision> output = PipelineChannels.CreateDecisionChannel(4);
        var line = new ClassifiedLine(null, 3, hasConfidence: false); // 3 pixels; the tracker expects 4

        await input.Writer.WriteAsync(line);
        input.Writer.Complete();

        await Assert.ThrowsAsync<ArgumentException>(() => Create(input.Reader, output.Writer, new PipelineMetrics()).RunAsync(CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => output.Reader.Completion);
    }

    [Fact]
    public async Task RunAsync_Twice_Throws()
    {
        Channel<ClassifiedLine> input = PipelineChannels.CreateLineChannel(4, new PipelineMetrics());
        input.Writer.Complete();
        ParticleStage stage = Create(input.Reader, PipelineChannels.CreateDecisionChannel(4).Writer, new PipelineMetrics());
        await stage.RunAsync(CancellationToken.None);

        await Assert.ThrowsAsync<InvalidOperationException>(() => stage.RunAsync(CancellationToken.None));
    }

    [Fact]
    public void LineChannel_Full_DropsOldestDisposesAndCounts()
    {
        var metrics = new PipelineMetrics();
        SamplePool<ClassifiedLine> pool = ClassifiedLine.CreatePool(3, 4, hasConfidence: false);
        Channel<ClassifiedLine> channel = PipelineChannels.CreateLineChannel(2, metrics);

        for (int i = 0; i < 3; i++)
        {
            Assert.True(pool.TryRent(out ClassifiedLine line));
            line.Stamp = new SampleStamp(i, new EncoderPosition(i), i);
            Assert.True(channel.Writer.TryWrite(line));
        }

        Assert.Equal(1, pool.Available);
        Assert.Equal(1, metrics.Value(PipelineMetrics.ItemsDropped, ParticleStage.StageName, DropReasons.QueueFull));
        Assert.True(channel.Reader.TryRead(out ClassifiedLine? oldestKept));
        Assert.Equal(1L, oldestKept.Stamp.Sequence);
    }
}
