using SortLine.Pipeline.Particles;
using SortLine.Sensors;
using SortLine.Sensors.Encoder;

namespace SortLine.Pipeline.Tests.Particles;

public sealed class ParticleTrackerAllocationTests
{
    [Fact]
    public void Track_SteadyState_AllocatesNothing()
    {
        // Particles of several shapes that open, merge, split and close; the second pass must not allocate.
        var rng = new Random(5);
        byte[][] lines = new byte[512][];
        for (int i = 0; i < lines.Length; i++)
        {
            lines[i] = new byte[384];
            for (int run = 0; run < 6; run++)
            {
                int start = rng.Next(0, 370);
                lines[i].AsSpan(start, rng.Next(1, 14)).Fill((byte)rng.Next(1, 6));
            }
        }

        var options = new ParticleOptions { MinParticlePixels = 5 };
        var tracker = new ParticleTracker(384, options);
        var decider = new ParticleDecider(options);
        long sequence = 0;
        RunOnce(tracker, decider, lines, ref sequence);

        long before = GC.GetAllocatedBytesForCurrentThread();
        int decided = RunOnce(tracker, decider, lines, ref sequence);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(decided > 0);
        Assert.Equal(0, allocated);
    }

    private static int RunOnce(ParticleTracker tracker, ParticleDecider decider, byte[][] lines, ref long sequence)
    {
        int decided = 0;
        foreach (byte[] line in lines)
        {
            var stamp = new SampleStamp(sequence, new EncoderPosition(sequence * 10), sequence);
            sequence++;
            tracker.Track(stamp, line, ReadOnlySpan<float>.Empty);
            foreach (Particle particle in tracker.Closed)
            {
                if (decider.TryDecide(particle, stamp.Encoder, out _))
                {
                    decided++;
                }
            }
        }

        return decided;
    }
}
