using BenchmarkDotNet.Attributes;
using SortLine.Pipeline;
using SortLine.Pipeline.Particles;
using SortLine.Sensors;
using SortLine.Sensors.Encoder;

namespace SortLine.Benchmarks.Pipeline;

/// <summary>
/// Particle tracking on a 384-pixel classified line stream: particles of 10-40 px across and 5-30 lines along,
/// covering about a quarter of the belt (realistic burden), mixed classes. One operation = one line (tracking plus
/// deciding the particles it closes). Expect 0 B allocated per line.
/// </summary>
[MemoryDiagnoser]
public class ParticleTrackerBenchmarks
{
    private const int Pixels = 384;
    private const int Lines = 4096;

    private byte[][] _lines = [];
    private ParticleTracker _tracker = null!;
    private ParticleDecider _decider = null!;
    private long _sequence;

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(20251123);
        var mask = new byte[Lines][];
        for (int i = 0; i < Lines; i++)
        {
            mask[i] = new byte[Pixels];
        }

        // Drop ellipses until about 25 % of the pixels are covered; touching particles are allowed (they merge).
        long covered = 0;
        while (covered < (long)Lines * Pixels / 4)
        {
            int w = rng.Next(10, 41);
            int h = rng.Next(5, 31);
            int left = rng.Next(0, Pixels - w);
            int top = rng.Next(0, Lines - h);
            byte mineral = (byte)rng.Next(1, 6);
            for (int y = 0; y < h; y++)
            {
                for (int x = 0; x < w; x++)
                {
                    double dx = (x - ((w - 1) / 2.0)) / (w / 2.0);
                    double dy = (y - ((h - 1) / 2.0)) / (h / 2.0);
                    if ((dx * dx) + (dy * dy) <= 1.0 && mask[top + y][left + x] == 0)
                    {
                        // Mostly the particle's mineral, some mixed pixels.
                        mask[top + y][left + x] = rng.Next(10) == 0 ? (byte)rng.Next(1, 6) : mineral;
                        covered++;
                    }
                }
            }
        }

        _lines = mask;
        var options = new ParticleOptions { TargetClasses = [1], MinParticlePixels = 20 };
        _tracker = new ParticleTracker(Pixels, options);
        _decider = new ParticleDecider(options);
    }

    [Benchmark(OperationsPerInvoke = Lines)]
    public int TrackLines()
    {
        int ejected = 0;
        for (int i = 0; i < Lines; i++)
        {
            long sequence = _sequence++;
            var stamp = new SampleStamp(sequence, new EncoderPosition(sequence * 43), sequence);
            _tracker.Track(stamp, _lines[i], ReadOnlySpan<float>.Empty);
            foreach (Particle particle in _tracker.Closed)
            {
                if (_decider.TryDecide(particle, stamp.Encoder, out ParticleDecision decision) && decision.Eject)
                {
                    ejected++;
                }
            }
        }

        return ejected;
    }
}
