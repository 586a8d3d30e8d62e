using SortLine.Pipeline.Particles;
using SortLine.Sensors;
using SortLine.Sensors.Encoder;

namespace SortLine.Pipeline.Tests.Particles;

/// <summary>The starting particle id of <see cref="ParticleTracker"/>: a restarted line continues its ids.</summary>
public sealed class ParticleTrackerFirstIdTests
{
    /// <summary>Two blobs on line 0 (columns 0-1 and 3), closed by the empty line 1.</summary>
    private static long[] TrackTwoBlobs(ParticleTracker tracker, long line = 0)
    {
        tracker.Track(new SampleStamp(line, new EncoderPosition(line * 10), line), [1, 1, 0, 1], default);
        tracker.Track(new SampleStamp(line + 1, new EncoderPosition((line + 1) * 10), line + 1), [0, 0, 0, 0], default);
        return [.. tracker.Closed.ToArray().Select(p => p.Id).Order()];
    }

    [Fact]
    public void Track_DefaultFirstId_IdsStartAtZero()
    {
        var tracker = new ParticleTracker(4, new ParticleOptions { MinParticlePixels = 1 });

        Assert.Equal(0, tracker.NextParticleId);
        Assert.Equal([0L, 1L], TrackTwoBlobs(tracker));
        Assert.Equal(2, tracker.NextParticleId);
    }

    [Theory]
    [InlineData(1L)]
    [InlineData(1_000L)]
    [InlineData(long.MaxValue - 10)]
    public void Track_FirstIdGiven_IdsContinueFromIt(long first)
    {
        var tracker = new ParticleTracker(4, new ParticleOptions { MinParticlePixels = 1 }, first);

        Assert.Equal(first, tracker.NextParticleId);
        Assert.Equal([first, first + 1], TrackTwoBlobs(tracker));
        Assert.Equal(first + 2, tracker.NextParticleId);
    }

    [Fact]
    public void Track_SecondTrackerSeededWithFirstsNextId_NoIdRepeatsAcrossTheRestart()
    {
        var options = new ParticleOptions { MinParticlePixels = 1 };
        var first = new ParticleTracker(4, options);
        long[] before = [.. TrackTwoBlobs(first), .. TrackTwoBlobs(first, line: 5)];

        var second = new ParticleTracker(4, options, first.NextParticleId);
        long[] after = TrackTwoBlobs(second);

        Assert.Equal([0L, 1L, 2L, 3L], before);
        Assert.Equal([4L, 5L], after);
    }

    [Fact]
    public void Constructor_NegativeFirstId_Throws()
    {
        ArgumentOutOfRangeException ex = Assert.Throws<ArgumentOutOfRangeException>(() => new ParticleTracker(4, new ParticleOptions(), -1));

        Assert.Equal("firstParticleId", ex.ParamName);
    }
}
