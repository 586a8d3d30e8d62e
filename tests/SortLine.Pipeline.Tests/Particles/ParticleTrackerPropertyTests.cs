using FsCheck.Xunit;
using SortLine.Pipeline.Particles;
using SortLine.Sensors;
using SortLine.Sensors.Encoder;

namespace SortLine.Pipeline.Tests.Particles;

public sealed class ParticleTrackerPropertyTests
{
    private const int Width = 48;
    private const int Height = 64;

    /// <summary>A drawn shape: its bounding box and the pixels it covers.</summary>
    private sealed record Shape(int Left, int Top, int Right, int Bottom, int PixelCount);

    [Property(Replay = "(97531,24681)", MaxTest = 200)]
    public bool Track_NonTouchingRectanglesAndEllipses_FindsExactlyThoseParticles(int seed)
    {
        var rng = new Random(seed);
        var mask = new byte[Height, Width];
        List<Shape> shapes = Draw(rng, mask);

        var tracker = new ParticleTracker(Width, new ParticleOptions { ClassCount = 6, RejectClass = 5, MinParticlePixels = 1, MaxOpenParticles = 64 });
        var found = new List<Shape>();
        var line = new byte[Width];
        for (int row = 0; row < Height; row++)
        {
            for (int col = 0; col < Width; col++)
            {
                line[col] = mask[row, col];
            }

            tracker.Track(new SampleStamp(row, new EncoderPosition(row * 7L), row), line, default);
            Collect(tracker, found);
        }

        tracker.Flush();
        Collect(tracker, found);

        return shapes.OrderBy(s => (s.Top, s.Left)).SequenceEqual(found.OrderBy(s => (s.Top, s.Left)))
            && tracker.Merges == 0 && tracker.OverflowRuns == 0;
    }

    private static void Collect(ParticleTracker tracker, List<Shape> found)
    {
        foreach (Particle p in tracker.Closed)
        {
            found.Add(new Shape(p.FirstColumn, (int)p.FirstSequence, p.LastColumn, (int)p.LastSequence, p.PixelCount));
        }
    }

    /// <summary>Draws up to 10 rectangles and filled ellipses whose boxes are at least 2 pixels apart (so no 8-connected contact).</summary>
    private static List<Shape> Draw(Random rng, byte[,] mask)
    {
        var shapes = new List<Shape>();
        int attempts = rng.Next(1, 30);
        for (int a = 0; a < attempts && shapes.Count < 10; a++)
        {
            int w = rng.Next(1, 14);
            int h = rng.Next(1, 14);
            int left = rng.Next(0, Width - w + 1);
            int top = rng.Next(0, Height - h + 1);
            int right = left + w - 1;
            int bottom = top + h - 1;
            if (shapes.Any(s => left <= s.Right + 2 && s.Left <= right + 2 && top <= s.Bottom + 2 && s.Top <= bottom + 2))
            {
                continue;
            }

            bool ellipse = rng.Next(2) == 0;
            double cx = (left + right) / 2.0;
            double cy = (top + bottom) / 2.0;
            double rx = w / 2.0;
            double ry = h / 2.0;
            int count = 0;
            int minCol = int.MaxValue, maxCol = -1, minRow = int.MaxValue, maxRow = -1;
            for (int row = top; row <= bottom; row++)
            {
                for (int col = left; col <= right; col++)
                {
                    double dx = (col - cx) / rx;
                    double dy = (row - cy) / ry;
                    if (!ellipse || (dx * dx) + (dy * dy) <= 1.0)
                    {
                        mask[row, col] = (byte)rng.Next(1, 6);
                        count++;
                        (minCol, maxCol) = (Math.Min(minCol, col), Math.Max(maxCol, col));
                        (minRow, maxRow) = (Math.Min(minRow, row), Math.Max(maxRow, row));
                    }
                }
            }

            shapes.Add(new Shape(minCol, minRow, maxCol, maxRow, count));
        }

        return shapes;
    }
}
