using SortLine.Pipeline.Particles;
using SortLine.Pipeline.Scheduling;
using SortLine.Sensors.Encoder;

namespace SortLine.Pipeline.Tests.Scheduling;

public sealed class EjectionSchedulerTests
{
    // 10,000 counts/m; 3 m/s = 30,000 counts/s; 150 mm = 1,500 counts; 5 ms latency = 150 counts; 2 ms minimum pulse = 60 counts;
    // 10 ms command lead = 300 counts.
    private const double CountsPerSecond = 30_000;
    private static readonly EncoderScale Scale = new(10_000);

    private static EjectionOptions Options(double preMm = 0, double postMm = 0, double mergeGapMm = 0, int capacity = 4096, double pixelOffsetMm = 0) => new()
    {
        ValveCount = 64,
        ValvePitchMm = 12,
        BeltWidthMm = 768,
        PixelPitchMm = 2,
        PixelOffsetMm = pixelOffsetMm,
        ScanToValveDistanceMm = 150,
        ValveLatency = TimeSpan.FromMilliseconds(5),
        MinimumPulse = TimeSpan.FromMilliseconds(2),
        PreMarginMm = preMm,
        PostMarginMm = postMm,
        MergeGapMm = mergeGapMm,
        CommandLead = TimeSpan.FromMilliseconds(10),
        PendingPulseCapacity = capacity,
    };

    private static EjectionScheduler Create(EjectionOptions? options = null) => new(options ?? Options(), Scale, 384);

    private static ParticleDecision Eject(long id, int firstColumn, int lastColumn, long firstEncoder, long lastEncoder, int @class = 1, double confidence = 0.9) =>
        new(id, @class, confidence, true, firstColumn, lastColumn, new EncoderPosition(firstEncoder), new EncoderPosition(lastEncoder),
            100, ParticleCloseReason.Ended, new EncoderPosition(lastEncoder + 10), 0);

    private static BeltState At(long position) => new(new EncoderPosition(position), CountsPerSecond);

    private static EjectionCommand[] FlushAll(EjectionScheduler scheduler, long now)
    {
        var buffer = new EjectionCommand[scheduler.PendingCapacity];
        int n = scheduler.Flush(At(now), buffer);
        return buffer[..n];
    }

    [Fact]
    public void GetWindow_150MmAt3MetresPerSecond_StartsDistanceMinusLatencyAfterFirstCount()
    {
        (EncoderPosition start, EncoderPosition end) = Create().GetWindow(new EncoderPosition(10_000), new EncoderPosition(10_200), CountsPerSecond);

        // 1,500 counts to the valve line, minus 5 ms × 3 m/s × 10,000 counts/m = 150 counts of latency.
        Assert.Equal(10_000 + 1_500 - 150, start.Counts);
        Assert.Equal(10_200 + 1_500 - 150, end.Counts);
    }

    [Fact]
    public void GetWindow_Margins_WidenTheWindow()
    {
        (EncoderPosition start, EncoderPosition end) = Create(Options(preMm: 5, postMm: 8)).GetWindow(new EncoderPosition(10_000), new EncoderPosition(10_200), CountsPerSecond);

        Assert.Equal(11_350 - 50, start.Counts);
        Assert.Equal(11_550 + 80, end.Counts);
    }

    [Fact]
    public void GetWindow_ShorterThanMinimumPulse_LengthenedAtTheEnd()
    {
        (EncoderPosition start, EncoderPosition end) = Create().GetWindow(new EncoderPosition(10_000), new EncoderPosition(10_020), CountsPerSecond);

        // 2 ms × 30,000 counts/s = 60 counts.
        Assert.Equal(11_350, start.Counts);
        Assert.Equal(11_350 + 60, end.Counts);
    }

    [Fact]
    public void GetWindow_SlowerBelt_LatencyScalesWithSpeed()
    {
        (EncoderPosition start, _) = Create().GetWindow(new EncoderPosition(0), new EncoderPosition(500), 10_000);

        // 1 m/s: 5 ms is 50 counts.
        Assert.Equal(1_450, start.Counts);
    }

    [Theory]
    [InlineData(0, 0, 0, 0)]      // left belt edge
    [InlineData(383, 383, 63, 63)] // right belt edge: 383 × 2 mm = 766 mm, valve 63 covers [756, 768)
    [InlineData(5, 6, 0, 1)]      // [10, 14) mm straddles valves 0 and 1
    [InlineData(6, 11, 1, 1)]     // [12, 24) mm is exactly valve 1
    [InlineData(0, 383, 0, 63)]
    public void TryMapValves_Columns_MapToValvesTheyOverlap(int firstColumn, int lastColumn, int firstValve, int lastValve)
    {
        Assert.True(Create().TryMapValves(firstColumn, lastColumn, out int v0, out int v1));
        Assert.Equal((firstValve, lastValve), (v0, v1));
    }

    [Fact]
    public void TryMapValves_CameraOffsetPastTheBank_ClampsOrReportsOutside()
    {
        // Pixel 0 at 100 mm: column 383 spans [866, 868) mm, beyond the 768 mm bank.
        EjectionScheduler scheduler = Create(Options(pixelOffsetMm: 100));

        Assert.False(scheduler.TryMapValves(380, 383, out _, out _));
        Assert.True(scheduler.TryMapValves(330, 340, out int v0, out int v1)); // [760, 782) mm
        Assert.Equal((63, 63), (v0, v1));
    }

    [Fact]
    public void TryMapValves_ColumnOutsideCamera_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Create().TryMapValves(0, 384, out _, out _));
    }

    [Fact]
    public void Schedule_NotEjected_NothingPending()
    {
        EjectionScheduler scheduler = Create();

        ScheduleOutcome outcome = scheduler.Schedule(Eject(1, 0, 5, 0, 100) with { Eject = false }, At(0));

        Assert.Equal(ScheduleOutcome.NotEjected, outcome);
        Assert.Equal(0, scheduler.PendingPulses);
    }

    [Fact]
    public void Schedule_BeltPastCommandStart_LateAndNotEmitted()
    {
        EjectionScheduler scheduler = Create();

        // Start = 1,350; now + latency = 1,351 + 150 > 1,500 = valve window start.
        ScheduleOutcome outcome = scheduler.Schedule(Eject(1, 0, 5, 0, 100), At(1_351));

        Assert.Equal(ScheduleOutcome.Late, outcome);
        Assert.Equal(1L, scheduler.LateDecisions);
        Assert.Empty(FlushAll(scheduler, 1_351));
    }

    [Fact]
    public void Schedule_BeltExactlyAtCommandStart_NotLate()
    {
        EjectionScheduler scheduler = Create();

        Assert.Equal(ScheduleOutcome.Scheduled, scheduler.Schedule(Eject(1, 0, 5, 0, 100), At(1_350)));
        Assert.Single(FlushAll(scheduler, 1_350));
    }

    [Fact]
    public void Release_ParticleOverSeveralValves_OneCommandWithValveRange()
    {
        EjectionScheduler scheduler = Create();
        scheduler.Schedule(Eject(7, 12, 29, 1_000, 1_400, @class: 2, confidence: 0.75), At(0));

        EjectionCommand command = Assert.Single(FlushAll(scheduler, 0));

        // Columns 12..29 = [24, 60) mm = valves 2..4.
        Assert.Equal(new EjectionCommand(0, 2, 4, new EncoderPosition(2_350), new EncoderPosition(2_750), 2, 0.75, 7, new EncoderPosition(0)), command);
    }

    [Fact]
    public void Release_OnlyCommandsWithinTheLead_ThenTheRest()
    {
        EjectionScheduler scheduler = Create();
        scheduler.Schedule(Eject(1, 0, 5, 0, 100), At(0));         // start 1,350
        scheduler.Schedule(Eject(2, 100, 105, 500, 600), At(0));   // start 1,850
        var buffer = new EjectionCommand[scheduler.PendingCapacity];

        int early = scheduler.Release(At(1_049), buffer);          // horizon 1,349: nothing due
        int first = scheduler.Release(At(1_051), buffer);          // horizon 1,351: the first
        long firstId = buffer[0].ParticleId;
        int second = scheduler.Release(At(1_551), buffer);

        Assert.Equal((0, 1, 1), (early, first, second));
        Assert.Equal(1L, firstId);
        Assert.Equal(2L, buffer[0].ParticleId);
        Assert.Equal(1L, buffer[0].Sequence);
    }

    [Fact]
    public void Release_DecisionsArriveOutOfStartOrder_EmittedInStartOrder()
    {
        EjectionScheduler scheduler = Create();
        scheduler.Schedule(Eject(5, 100, 110, 2_000, 2_050), At(0));
        scheduler.Schedule(Eject(3, 0, 10, 1_000, 3_000), At(0));
        scheduler.Schedule(Eject(4, 200, 210, 1_500, 1_600), At(0));

        EjectionCommand[] commands = FlushAll(scheduler, 0);

        Assert.Equal([3L, 4L, 5L], commands.Select(c => c.ParticleId));
        Assert.Equal([0L, 1L, 2L], commands.Select(c => c.Sequence));
        Assert.True(commands.Zip(commands.Skip(1)).All(p => p.First.Start <= p.Second.Start));
    }

    [Fact]
    public void Release_CommandLateByThen_DroppedAndCounted()
    {
        EjectionScheduler scheduler = Create();
        scheduler.Schedule(Eject(1, 0, 5, 0, 100), At(0));

        EjectionCommand[] commands = FlushAll(scheduler, 1_400);

        Assert.Empty(commands);
        Assert.Equal(1L, scheduler.LateCommands);
    }

    [Fact]
    public void Schedule_OverlappingPulsesOnOneValve_MergedIntoOneCommand()
    {
        EjectionScheduler scheduler = Create();
        scheduler.Schedule(Eject(1, 0, 5, 0, 300, confidence: 0.6), At(0));   // valve 0: [1,350, 1,650)
        scheduler.Schedule(Eject(2, 0, 5, 200, 500, confidence: 0.8), At(0)); // valve 0: [1,550, 1,850)

        EjectionCommand command = Assert.Single(FlushAll(scheduler, 0));

        Assert.Equal((1_350L, 1_850L, 1L, 0.8), (command.Start.Counts, command.End.Counts, command.ParticleId, command.Confidence));
        Assert.Equal(1L, scheduler.MergedPulses);
    }

    [Theory]
    [InlineData(2.0, 1)] // a 20-count gap is within a 2 mm (20 counts) merge gap
    [InlineData(1.9, 2)] // 19 counts: not
    public void Schedule_PulsesSeparatedByGap_MergedOnlyWithinMergeGap(double mergeGapMm, int expectedCommands)
    {
        EjectionScheduler scheduler = Create(Options(mergeGapMm: mergeGapMm));
        scheduler.Schedule(Eject(1, 0, 5, 0, 300), At(0));   // [1,350, 1,650)
        scheduler.Schedule(Eject(2, 0, 5, 320, 500), At(0)); // [1,670, 1,850)

        Assert.Equal(expectedCommands, FlushAll(scheduler, 0).Length);
    }

    [Fact]
    public void Schedule_OverlappingInTimeOnDifferentValves_NotMerged()
    {
        EjectionScheduler scheduler = Create();
        scheduler.Schedule(Eject(1, 0, 5, 0, 300), At(0));    // valve 0
        scheduler.Schedule(Eject(2, 12, 17, 0, 300), At(0));  // valve 2

        EjectionCommand[] commands = FlushAll(scheduler, 0);

        Assert.Equal([(0, 0), (2, 2)], commands.Select(c => (c.FirstValve, c.LastValve)));
    }

    [Fact]
    public void Schedule_PartlyOverlappingValveRanges_MergesOnlySharedValve()
    {
        EjectionScheduler scheduler = Create();
        scheduler.Schedule(Eject(1, 0, 11, 0, 300), At(0));   // valves 0..1, [1,350, 1,650)
        scheduler.Schedule(Eject(2, 6, 17, 200, 500), At(0)); // valves 1..2, [1,550, 1,850)

        EjectionCommand[] commands = FlushAll(scheduler, 0);

        // Valve 1 carries the union [1,350, 1,850) under particle 1; valves 0 and 2 keep their own windows.
        Assert.Equal(
            [(0, 0, 1_350L, 1_650L, 1L), (1, 1, 1_350L, 1_850L, 1L), (2, 2, 1_550L, 1_850L, 2L)],
            commands.Select(c => (c.FirstValve, c.LastValve, c.Start.Counts, c.End.Counts, c.ParticleId)));
    }

    [Fact]
    public void Schedule_AfterReleaseOnSameValve_ContinuesFromReleasedEnd()
    {
        EjectionScheduler scheduler = Create();
        var buffer = new EjectionCommand[scheduler.PendingCapacity];
        scheduler.Schedule(Eject(1, 0, 5, 0, 300), At(0));           // [1,350, 1,650)
        Assert.Equal(1, scheduler.Release(At(1_100), buffer));
        scheduler.Schedule(Eject(2, 0, 5, 100, 400), At(1_100));     // [1,450, 1,750) overlaps the released pulse

        EjectionCommand command = Assert.Single(FlushAll(scheduler, 1_100));

        Assert.Equal((1_650L, 1_750L), (command.Start.Counts, command.End.Counts));
    }

    [Fact]
    public void Schedule_InsideReleasedPulse_Covered()
    {
        EjectionScheduler scheduler = Create();
        var buffer = new EjectionCommand[scheduler.PendingCapacity];
        scheduler.Schedule(Eject(1, 0, 5, 0, 300), At(0));           // [1,350, 1,650)
        scheduler.Release(At(1_100), buffer);

        ScheduleOutcome outcome = scheduler.Schedule(Eject(2, 0, 5, 100, 200), At(1_100)); // [1,450, 1,550)

        Assert.Equal(ScheduleOutcome.Covered, outcome);
        Assert.Equal(1L, scheduler.CoveredPulses);
        Assert.Empty(FlushAll(scheduler, 1_100));
    }

    [Fact]
    public void Schedule_StartBeforeLastReleasedStart_ClampedToKeepOrder()
    {
        EjectionScheduler scheduler = Create();
        var buffer = new EjectionCommand[scheduler.PendingCapacity];
        scheduler.Schedule(Eject(1, 0, 5, 100, 300), At(0));          // start 1,450
        scheduler.Release(At(1_200), buffer);                          // released (horizon 1,500)
        scheduler.Schedule(Eject(2, 96, 101, 50, 300), At(1_200));    // valve 16 only; start 1,400 ≥ now: not late, but before 1,450

        EjectionCommand command = Assert.Single(FlushAll(scheduler, 1_200));

        Assert.Equal(1_450L, command.Start.Counts);
        Assert.Equal(1L, scheduler.ClampedPulses);
    }

    [Fact]
    public void Schedule_PendingBufferFull_OverflowCounted()
    {
        EjectionScheduler scheduler = Create(Options(capacity: 1));

        ScheduleOutcome outcome = scheduler.Schedule(Eject(1, 0, 11, 0, 100), At(0)); // two valves, room for one

        Assert.Equal(ScheduleOutcome.Overflow, outcome);
        Assert.Equal(1L, scheduler.OverflowPulses);
        Assert.Equal(1, scheduler.PendingPulses);
    }

    [Fact]
    public void Schedule_OutsideTheBank_Counted()
    {
        EjectionScheduler scheduler = Create(Options(pixelOffsetMm: 100));

        Assert.Equal(ScheduleOutcome.OutsideValves, scheduler.Schedule(Eject(1, 380, 383, 0, 100), At(0)));
        Assert.Equal(1L, scheduler.OutsideValves);
    }

    [Fact]
    public void Release_DestinationTooShort_Throws()
    {
        EjectionScheduler scheduler = Create();
        scheduler.Schedule(Eject(1, 0, 11, 0, 100), At(0));

        Assert.Throws<ArgumentException>(() => scheduler.Release(At(0), new EjectionCommand[1]));
    }

    [Fact]
    public void Schedule_NegativeSpeed_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Create().Schedule(Eject(1, 0, 1, 0, 1), new BeltState(default, -1)));
    }
}
