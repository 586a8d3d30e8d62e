using SortLine.Pipeline.Particles;
using SortLine.Pipeline.Scheduling;
using SortLine.Sensors.Encoder;

namespace SortLine.Pipeline.Tests.Scheduling;

/// <summary>The first command sequence number of <see cref="EjectionScheduler"/>: a restarted line continues the numbering.</summary>
public sealed class EjectionSchedulerFirstSequenceTests
{
    private const double CountsPerSecond = 30_000;
    private static readonly EncoderScale Scale = new(10_000);

    private static EjectionOptions Options() => new()
    {
        ValveCount = 64,
        ValvePitchMm = 12,
        BeltWidthMm = 768,
        PixelPitchMm = 2,
        ScanToValveDistanceMm = 150,
        ValveLatency = TimeSpan.FromMilliseconds(5),
        MinimumPulse = TimeSpan.FromMilliseconds(2),
        PreMarginMm = 0,
        PostMarginMm = 0,
        MergeGapMm = 0,
        CommandLead = TimeSpan.FromMilliseconds(10),
    };

    private static ParticleDecision Eject(long id, int firstColumn, long firstEncoder) =>
        new(id, 1, 0.9, true, firstColumn, firstColumn + 5, new EncoderPosition(firstEncoder), new EncoderPosition(firstEncoder + 100),
            100, ParticleCloseReason.Ended, new EncoderPosition(firstEncoder + 110), 0);

    /// <summary>Three particles far apart across the belt and along it: three commands, flushed.</summary>
    private static long[] ThreeCommands(EjectionScheduler scheduler, long from = 0)
    {
        var belt = new BeltState(new EncoderPosition(from), CountsPerSecond);
        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(ScheduleOutcome.Scheduled, scheduler.Schedule(Eject(i, 100 * i, from + (1_000 * i)), belt));
        }

        var buffer = new EjectionCommand[scheduler.PendingCapacity];
        int n = scheduler.Flush(belt, buffer);
        return [.. buffer[..n].Select(c => c.Sequence)];
    }

    [Fact]
    public void Flush_DefaultFirstSequence_NumbersFromZero()
    {
        var scheduler = new EjectionScheduler(Options(), Scale, 384);

        Assert.Equal([0L, 1L, 2L], ThreeCommands(scheduler));
        Assert.Equal(3, scheduler.NextSequence);
        Assert.Equal(3, scheduler.CommandsEmitted);
    }

    [Theory]
    [InlineData(1L)]
    [InlineData(123_456_789L)]
    public void Flush_FirstSequenceGiven_NumbersContinueAndCommandsEmittedCountsThisSchedulerOnly(long first)
    {
        var scheduler = new EjectionScheduler(Options(), Scale, 384, first);

        Assert.Equal(first, scheduler.NextSequence);
        Assert.Equal(0, scheduler.CommandsEmitted);
        Assert.Equal([first, first + 1, first + 2], ThreeCommands(scheduler));
        Assert.Equal(first + 3, scheduler.NextSequence);
        Assert.Equal(3, scheduler.CommandsEmitted);
    }

    [Fact]
    public void Flush_SecondSchedulerSeededWithFirstsNext_NoGapNoRepeat()
    {
        var first = new EjectionScheduler(Options(), Scale, 384);
        long[] before = ThreeCommands(first);

        var second = new EjectionScheduler(Options(), Scale, 384, first.NextSequence);
        long[] after = ThreeCommands(second, from: 50_000);

        Assert.Equal([0L, 1L, 2L, 3L, 4L, 5L], [.. before, .. after]);
    }

    [Fact]
    public void Constructor_NegativeFirstSequence_Throws()
    {
        ArgumentOutOfRangeException ex = Assert.Throws<ArgumentOutOfRangeException>(() => new EjectionScheduler(Options(), Scale, 384, -1));

        Assert.Equal("firstSequence", ex.ParamName);
    }
}
