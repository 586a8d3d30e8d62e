using SortLine.Pipeline.Particles;
using SortLine.Sensors;
using SortLine.Sensors.Encoder;

namespace SortLine.Pipeline.Tests.Particles;

public sealed class ParticleTrackerTests
{
    [Fact]
    public void Track_TwoSeparateBlobs_TwoParticlesWithExactExtents()
    {
        string[] rows =
        [
            "..11.....",
            "..11..22.",
            "......22.",
            ".........",
        ];

        List<ParticleSnapshot> particles = MaskRunner.Run(rows);

        Assert.Equal(2, particles.Count);
        ParticleSnapshot a = particles.Single(p => p.FirstColumn == 2);
        ParticleSnapshot b = particles.Single(p => p.FirstColumn == 6);
        Assert.Equal((0L, 1L, 2, 3, 4), (a.FirstSequence, a.LastSequence, a.FirstColumn, a.LastColumn, a.PixelCount));
        Assert.Equal((1L, 2L, 6, 7, 4), (b.FirstSequence, b.LastSequence, b.FirstColumn, b.LastColumn, b.PixelCount));
        Assert.Equal([0, 4, 0, 0, 0, 0], a.ClassCounts);
        Assert.Equal([0, 0, 4, 0, 0, 0], b.ClassCounts);
        Assert.Equal((0L, 10L), (a.FirstEncoder, a.LastEncoder));
    }

    [Fact]
    public void Track_ParticleEnds_ClosedByTheFirstLineWithoutConnectedPixels()
    {
        string[] rows = ["..1..", "..1..", ".....", "....."];

        List<ParticleSnapshot> particles = MaskRunner.Run(rows, flush: false);

        ParticleSnapshot only = Assert.Single(particles);
        Assert.Equal(2L, only.ClosedAtSequence);
        Assert.Equal(ParticleCloseReason.Ended, only.Reason);
    }

    [Fact]
    public void Track_TouchingParticlesOfDifferentClasses_OneParticleWithBothClassCounts()
    {
        string[] rows = ["..1122..", "..1122..", "........"];

        ParticleSnapshot only = Assert.Single(MaskRunner.Run(rows));

        Assert.Equal(8, only.PixelCount);
        Assert.Equal(4, only.ClassCounts[1]);
        Assert.Equal(4, only.ClassCounts[2]);
    }

    [Fact]
    public void Track_DiagonalContact_OneParticle()
    {
        // 8-connectivity: pixels that touch only at a corner belong together.
        string[] rows = ["1....", ".1...", "..1..", "....."];

        ParticleSnapshot only = Assert.Single(MaskRunner.Run(rows));

        Assert.Equal(3, only.PixelCount);
        Assert.Equal((0, 2), (only.FirstColumn, only.LastColumn));
    }

    [Fact]
    public void Track_DiagonalGapOfOnePixel_TwoParticles()
    {
        string[] rows = ["1.....", "..1...", "......"];

        Assert.Equal(2, MaskRunner.Run(rows).Count);
    }

    [Fact]
    public void Track_UShapeWhoseArmsMeet_OneParticleKeepingTheOlderId()
    {
        string[] rows =
        [
            "1...1",
            "1...1",
            "11111",
            ".....",
        ];

        ParticleSnapshot only = Assert.Single(MaskRunner.Run(rows));

        Assert.Equal(9, only.PixelCount);
        Assert.Equal(0L, only.Id);
        Assert.Equal((0L, 2L), (only.FirstSequence, only.LastSequence));
        Assert.Equal((0, 4), (only.FirstColumn, only.LastColumn));
    }

    [Fact]
    public void Track_NestedMerges_WShape_OneParticle()
    {
        // Three arms that join at the bottom through two merges in one line, then a line that reuses the labels.
        string[] rows =
        [
            "1.1.1",
            "1.1.1",
            "11111",
            "..1..",
            ".....",
        ];

        ParticleSnapshot only = Assert.Single(MaskRunner.Run(rows));

        Assert.Equal(12, only.PixelCount);
        Assert.Equal(0L, only.Id);
    }

    [Fact]
    public void Track_MergeLaterInTheLine_EarlierRunsRelabelled()
    {
        // Line 2: the run at 0-1 joins particle A; the run at 3-6 joins A and B; line 3 must see one particle.
        string[] rows =
        [
            "1....1.",
            "1....1.",
            "11.1111",
            "1111111",
            ".......",
        ];

        ParticleSnapshot only = Assert.Single(MaskRunner.Run(rows));

        Assert.Equal(2 + 2 + 6 + 7, only.PixelCount);
    }

    [Fact]
    public void Track_ParticleThatSplits_StaysOneParticle()
    {
        string[] rows =
        [
            "11111",
            "1...1",
            "1...1",
            ".....",
        ];

        ParticleSnapshot only = Assert.Single(MaskRunner.Run(rows));

        Assert.Equal(9, only.PixelCount);
    }

    [Fact]
    public void Track_GapWithinLimit_Bridged()
    {
        string[] rows = ["..1..", "..1..", "..1..", "....."];

        List<ParticleSnapshot> particles = MaskRunner.Run(rows, new ParticleOptions { MaxGapLines = 2, MinParticlePixels = 1 }, sequences: [0, 1, 4, 5]);

        ParticleSnapshot only = Assert.Single(particles);
        Assert.Equal(3, only.PixelCount);
        Assert.Equal((0L, 4L), (only.FirstSequence, only.LastSequence));
    }

    [Fact]
    public void Track_GapBeyondLimit_ClosesParticlesBeforeTheLine()
    {
        string[] rows = ["..1..", "..1..", "..1..", "....."];
        var tracker = new ParticleTracker(5, new ParticleOptions { MaxGapLines = 2, MinParticlePixels = 1 });

        List<ParticleSnapshot> particles = MaskRunner.Run(tracker, rows, sequences: [0, 1, 5, 6]);

        Assert.Equal(2, particles.Count);
        Assert.Equal(ParticleCloseReason.Gap, particles[0].Reason);
        Assert.Equal((0L, 1L, 2), (particles[0].FirstSequence, particles[0].LastSequence, particles[0].PixelCount));
        Assert.Equal(5L, particles[0].ClosedAtSequence);
        Assert.Equal((5L, 5L), (particles[1].FirstSequence, particles[1].LastSequence));
        Assert.Equal(1L, tracker.GapBreaks);
    }

    [Fact]
    public void Track_SequenceRestarts_TreatedAsBreak()
    {
        string[] rows = ["..1..", "..1..", "..1..", "....."];

        List<ParticleSnapshot> particles = MaskRunner.Run(rows, sequences: [10, 11, 0, 1]);

        Assert.Equal(2, particles.Count);
        Assert.Equal(ParticleCloseReason.Gap, particles[0].Reason);
    }

    [Fact]
    public void Flush_OpenParticles_ClosedWithFlushReason()
    {
        string[] rows = ["1...2", "1...2"];

        List<ParticleSnapshot> particles = MaskRunner.Run(rows);

        Assert.Equal(2, particles.Count);
        Assert.All(particles, p => Assert.Equal(ParticleCloseReason.Flush, p.Reason));
        Assert.All(particles, p => Assert.Equal(long.MaxValue, p.ClosedAtSequence));
        Assert.Equal([0L, 1L], particles.Select(p => p.Id));
    }

    [Fact]
    public void Flush_ThenTrack_StartsAfresh()
    {
        var tracker = new ParticleTracker(3, new ParticleOptions { MinParticlePixels = 1 });
        MaskRunner.Run(tracker, [".1."], flush: true);

        List<ParticleSnapshot> after = MaskRunner.Run(tracker, [".1.", "..."], sequences: [1, 2], flush: false);

        ParticleSnapshot only = Assert.Single(after);
        Assert.Equal((1L, 1), (only.FirstSequence, only.PixelCount));
    }

    [Fact]
    public void Track_ParticleLongerThanMaximum_ForceClosedAndCounted()
    {
        string[] rows = ["..1..", "..1..", "..1..", "..1..", "..1..", "..1..", "..1.."];
        var tracker = new ParticleTracker(5, new ParticleOptions { MaxParticleLines = 3, MinParticlePixels = 1 });

        List<ParticleSnapshot> particles = MaskRunner.Run(tracker, rows);

        Assert.Equal([3, 3, 1], particles.Select(p => p.PixelCount));
        Assert.Equal([ParticleCloseReason.MaxLength, ParticleCloseReason.MaxLength, ParticleCloseReason.Flush], particles.Select(p => p.Reason));
        Assert.Equal([0L, 3L, 6L], particles.Select(p => p.FirstSequence));
        Assert.Equal(2L, tracker.ClosedMaxLength);
    }

    [Fact]
    public void Track_MoreRunsThanOpenLimit_ExtraRunsCountedAsOverflow()
    {
        string[] rows = ["1.2.3.", "......"];
        var tracker = new ParticleTracker(6, new ParticleOptions { MaxOpenParticles = 2, MinParticlePixels = 1 });

        List<ParticleSnapshot> particles = MaskRunner.Run(tracker, rows);

        Assert.Equal(2, particles.Count);
        Assert.Equal(1L, tracker.OverflowRuns);
        Assert.Equal(1L, tracker.OverflowPixels);
    }

    [Fact]
    public void Track_SlotsFreedAfterClose_ReusedWithoutOverflow()
    {
        var tracker = new ParticleTracker(4, new ParticleOptions { MaxOpenParticles = 1, MinParticlePixels = 1 });
        string[] rows = ["1...", "....", ".1..", "....", "..1.", "...."];

        List<ParticleSnapshot> particles = MaskRunner.Run(tracker, rows);

        Assert.Equal(3, particles.Count);
        Assert.Equal(0L, tracker.OverflowRuns);
    }

    [Fact]
    public void Track_Confidence_MeanAndCentroidAreExact()
    {
        var tracker = new ParticleTracker(4, new ParticleOptions { MinParticlePixels = 1 });
        tracker.Track(new SampleStamp(0, new EncoderPosition(100), 0), [0, 1, 1, 0], [0f, 0.5f, 1.0f, 0f]);
        tracker.Track(new SampleStamp(1, new EncoderPosition(130), 1), [0, 0, 1, 0], [0f, 0f, 0.25f, 0f]);
        tracker.Track(new SampleStamp(2, new EncoderPosition(160), 2), [0, 0, 0, 0], [0f, 0f, 0f, 0f]);

        Particle p = Assert.Single(tracker.Closed.ToArray());

        Assert.Equal((0.5 + 1.0 + 0.25) / 3, p.MeanConfidence!.Value, 12);
        Assert.Equal((1 + 2 + 2) / 3.0, p.CentroidColumn, 12);
        Assert.Equal((100 + 100 + 130) / 3.0, p.CentroidEncoder, 9);
    }

    [Fact]
    public void Track_NoConfidence_MeanConfidenceIsNull()
    {
        ParticleSnapshot only = Assert.Single(MaskRunner.Run(["11", ".."]));

        Assert.Null(only.MeanConfidence);
    }

    [Fact]
    public void Track_MergedParticles_CentroidCombinesBoth()
    {
        // Particle A starts at line 0 (encoder 0), B at line 1 (encoder 10); they merge on line 2.
        string[] rows = ["1...", "1..1", "1111", "...."];

        ParticleSnapshot only = Assert.Single(MaskRunner.Run(rows));

        // Pixels: (line, col) = (0,0) (1,0) (1,3) (2,0..3). Encoders 0, 10, 10, 20×4.
        Assert.Equal((0 + 10 + 10 + 80) / 7.0, only.CentroidEncoder, 9);
        Assert.Equal((0 + 0 + 3 + 0 + 1 + 2 + 3) / 7.0, only.CentroidColumn, 12);
    }

    [Fact]
    public void Track_ClassIdOutOfRange_ThrowsAndStateUnchanged()
    {
        var tracker = new ParticleTracker(3, new ParticleOptions { ClassCount = 3, RejectClass = 2, MinParticlePixels = 1 });

        ArgumentException ex = Assert.Throws<ArgumentException>(() => tracker.Track(new SampleStamp(0, default, 0), [0, 3, 0], default));

        Assert.Equal("classes", ex.ParamName);
        Assert.Equal(0L, tracker.LinesTracked);
    }

    [Theory]
    [InlineData(2, 0)]
    [InlineData(3, 2)]
    public void Track_WrongLengths_Throw(int classLength, int confidenceLength)
    {
        var tracker = new ParticleTracker(3, new ParticleOptions());

        Assert.Throws<ArgumentException>(() => tracker.Track(new SampleStamp(0, default, 0), new byte[classLength], new float[confidenceLength]));
    }

    [Fact]
    public void Closed_OrderedById()
    {
        // Three particles that close on the same line; the one that opened first is reported first.
        string[] rows = ["..2.1.3", "1.2.1.3", "......."];

        List<ParticleSnapshot> particles = MaskRunner.Run(rows, flush: false);

        Assert.Equal([0L, 1L, 2L, 3L], particles.Select(p => p.Id));
        Assert.Equal([2, 4, 6, 0], particles.Select(p => p.FirstColumn));
    }
}
