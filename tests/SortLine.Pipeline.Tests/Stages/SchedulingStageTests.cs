using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;
using SortLine.Pipeline.Particles;
using SortLine.Pipeline.Scheduling;
using SortLine.Pipeline.Stages;
using SortLine.Sensors.Encoder;

namespace SortLine.Pipeline.Tests.Stages;

public sealed class SchedulingStageTests
{
    private static readonly EjectionOptions Options = new() { PreMarginMm = 0, PostMarginMm = 0 };

    private static ParticleDecision Eject(long id, long first, long last, long decidedAt) =>
        new(id, 1, 1.0, true, 0, 5, new EncoderPosition(first), new EncoderPosition(last), 50, ParticleCloseReason.Ended, new EncoderPosition(decidedAt), 0);

    /// <summary>A real-time clock whose belt moves at 30,000 counts/s of fake time.</summary>
    private sealed class FakeBeltClock(FakeTimeProvider time) : IBeltClock
    {
        private readonly long _origin = time.GetTimestamp();

        public bool IsRealTime => true;

        public BeltState Read(EncoderPosition dataPosition) =>
            new(new EncoderPosition((long)(time.GetElapsedTime(_origin).TotalSeconds * 30_000)), 30_000);
    }

    [Fact]
    public async Task RunAsync_LateDecision_DroppedAndCountedAsDeadline()
    {
        var metrics = new PipelineMetrics();
        Channel<ParticleDecision> input = PipelineChannels.CreateDecisionChannel(4);
        Channel<EjectionCommand> output = PipelineChannels.CreateCommandChannel(4);
        var stage = new SchedulingStage(input.Reader, output.Writer, new EjectionScheduler(Options, new EncoderScale(10_000), 384),
            new RecordedBeltClock(30_000), TimeProvider.System, metrics);

        await input.Writer.WriteAsync(Eject(1, first: 0, last: 100, decidedAt: 1_351));    // start 1,350: late
        await input.Writer.WriteAsync(Eject(2, first: 1_000, last: 1_100, decidedAt: 1_351)); // start 2,350: in time
        input.Writer.Complete();
        await stage.RunAsync(CancellationToken.None);

        Assert.True(output.Reader.TryRead(out EjectionCommand command));
        Assert.Equal(2L, command.ParticleId);
        Assert.False(output.Reader.TryRead(out _));
        Assert.Equal(1, metrics.Value(PipelineMetrics.ItemsDropped, SchedulingStage.StageName, DropReasons.Deadline));
    }

    [Fact]
    public async Task RunAsync_RealTimeClock_ReleasesPendingCommandWithoutFurtherInput()
    {
        var time = new FakeTimeProvider();
        Channel<ParticleDecision> input = PipelineChannels.CreateDecisionChannel(4);
        Channel<EjectionCommand> output = PipelineChannels.CreateCommandChannel(4);
        var scheduler = new EjectionScheduler(Options, new EncoderScale(10_000), 384);
        var stage = new SchedulingStage(input.Reader, output.Writer, scheduler, new FakeBeltClock(time), time, new PipelineMetrics());
        Task run = stage.RunAsync(CancellationToken.None);

        // Start 1,350 counts; released when the belt is within the 10 ms lead (300 counts): at 1,050 counts = 35 ms.
        await input.Writer.WriteAsync(Eject(1, first: 0, last: 100, decidedAt: 0));
        Task<EjectionCommand> read = output.Reader.ReadAsync().AsTask();

        // The fake clock may only move once the stage has scheduled the pulse: on a loaded machine the stage's
        // thread can start late, and a clock already past the window would (correctly) drop the decision as late.
        var scheduled = Stopwatch.StartNew();
        while (scheduler.PendingPulses == 0 && scheduled.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(1);
        }

        Assert.Equal(1, scheduler.PendingPulses);
        // Move the belt 1 ms per real millisecond (so the stage's timer keeps pace on a loaded machine) up to 45 ms,
        // the end of the release lead (35-45 ms; late only once past 45 ms), then wait for the release in real time.
        for (int step = 0; step < 45 && !read.IsCompleted; step++)
        {
            time.Advance(TimeSpan.FromMilliseconds(1));
            await Task.Delay(1);
        }

        await Task.WhenAny(read, Task.Delay(TimeSpan.FromSeconds(30)));
        Assert.True(read.IsCompleted, "The pending command was not released by the timer.");
        EjectionCommand command = await read;
        Assert.Equal(1_350L, command.Start.Counts);
        Assert.True(command.IssuedAt.Counts >= 1_050 && command.IssuedAt.Counts <= 1_350, $"Released at {command.IssuedAt.Counts}.");

        input.Writer.Complete();
        await run;
    }

    [Fact]
    public async Task RunAsync_UpstreamFault_FlushesAndCompletesOutputWithTheError()
    {
        Channel<ParticleDecision> input = PipelineChannels.CreateDecisionChannel(4);
        Channel<EjectionCommand> output = PipelineChannels.CreateCommandChannel(4);
        var stage = new SchedulingStage(input.Reader, output.Writer, new EjectionScheduler(Options, new EncoderScale(10_000), 384),
            new RecordedBeltClock(30_000), TimeProvider.System, new PipelineMetrics());
        var fault = new InvalidOperationException("upstream");
        await input.Writer.WriteAsync(Eject(1, first: 1_000, last: 1_100, decidedAt: 1_110)); // pending: start 2,350 is beyond the lead

        input.Writer.Complete(fault);

        Assert.Same(fault, await Assert.ThrowsAsync<InvalidOperationException>(() => stage.RunAsync(CancellationToken.None)));
        Assert.True(output.Reader.TryRead(out EjectionCommand command));
        Assert.Equal(1L, command.ParticleId);
        Assert.Same(fault, await Assert.ThrowsAsync<InvalidOperationException>(() => output.Reader.Completion));
    }
}
