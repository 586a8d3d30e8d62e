using SortLine.Pipeline.Particles;
using SortLine.Sensors;
using SortLine.Sensors.Encoder;

namespace SortLine.Pipeline.Tests.Particles;

/// <summary>Feeds hand-drawn masks to a tracker: one string per line, '.' = background, a digit = that class id.</summary>
public static class MaskRunner
{
    public const long CountsPerLine = 10;

    public static byte[] Parse(string row) => [.. row.Select(ch => ch == '.' ? (byte)0 : (byte)(ch - '0'))];

    /// <summary>Tracks the rows (sequence = index unless given; encoder = sequence × 10) and flushes; returns every closed particle.</summary>
    public static List<ParticleSnapshot> Run(string[] rows, ParticleOptions? options = null, long[]? sequences = null, bool flush = true)
    {
        var tracker = new ParticleTracker(rows[0].Length, options ?? new ParticleOptions { MinParticlePixels = 1 });
        return Run(tracker, rows, sequences, flush);
    }

    public static List<ParticleSnapshot> Run(ParticleTracker tracker, string[] rows, long[]? sequences = null, bool flush = true)
    {
        var result = new List<ParticleSnapshot>();
        for (int i = 0; i < rows.Length; i++)
        {
            long sequence = sequences?[i] ?? i;
            var stamp = new SampleStamp(sequence, new EncoderPosition(sequence * CountsPerLine), sequence);
            tracker.Track(stamp, Parse(rows[i]), ReadOnlySpan<float>.Empty);
            foreach (Particle p in tracker.Closed)
            {
                result.Add(ParticleSnapshot.Of(p, sequence));
            }
        }

        if (flush)
        {
            tracker.Flush();
            foreach (Particle p in tracker.Closed)
            {
                result.Add(ParticleSnapshot.Of(p, long.MaxValue));
            }
        }

        return result;
    }
}
