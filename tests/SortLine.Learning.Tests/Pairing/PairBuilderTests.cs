using SortLine.Learning.Pairing;
using SortLine.Learning.Teacher;
using SortLine.Learning.Tests.TestSupport;
using SortLine.Sensors;
using SortLine.Sensors.Encoder;
using SortLine.Sensors.Libs;
using SortLine.Spectra.Geometry;

namespace SortLine.Learning.Tests.Pairing;

/// <summary>
/// A synthetic belt: 60 lines × 40 pixels × 8 bands, 2 mm (20 counts) per line; a particle covers lines 20-39 and
/// pixels 10-24 with spectrum A, the belt elsewhere has spectrum B (about 0.6 rad from A). The LIBS frame is the SWIR
/// frame shifted by 25 mm across and 500 mm along (5,000 counts of travel).
/// </summary>
public class PairBuilderTests
{
    private const int Lines = 60, Pixels = 40, Bands = 8;
    private const long FirstEncoder = 10_000, CountsPerLine = 20, TravelCounts = 5_000;
    private const double Pitch = 2.5;
    private static readonly EncoderScale Scale = new(10_000);

    private static float Particle(int band) => 1 + band;

    private static float Belt(int band) => 8 - band;

    private static bool InParticle(int line, int pixel) => line is >= 20 and <= 39 && pixel is >= 10 and <= 24;

    /// <summary>The scene as preprocessed lines, or (<paramref name="raw"/>) as raw counts 100 × the spectrum with a
    /// preprocessing that divides by 100: the same spectra, computed on demand.</summary>
    private static SwirLineHistory Scene(bool withMask, int capacity = Lines, bool raw = false)
    {
        SwirLineHistory history = raw ? SwirLineHistory.ForRawLines(capacity, Pixels, Bands) : new SwirLineHistory(capacity, Pixels, Bands);
        var preprocessing = new CountsOverScale(Pixels, Bands, 100);
        var counts = new ushort[Pixels * Bands];
        var line = new float[Pixels * Bands];
        var mask = new bool[Pixels];
        for (int i = 0; i < Lines; i++)
        {
            for (int p = 0; p < Pixels; p++)
            {
                mask[p] = InParticle(i, p);
                for (int b = 0; b < Bands; b++)
                {
                    line[(p * Bands) + b] = mask[p] ? Particle(b) : Belt(b);
                }
            }

            var stamp = new SampleStamp(i, new EncoderPosition(FirstEncoder + (i * CountsPerLine)), 1000 + i);
            if (raw)
            {
                for (int k = 0; k < line.Length; k++)
                {
                    counts[k] = (ushort)(line[k] * 100);
                }

                history.AppendRaw(counts, stamp, preprocessing, withMask ? mask : default);
            }
            else
            {
                history.Append(line, stamp, withMask ? mask : default);
            }
        }

        return history;
    }

    private static LibsToSwirRegistration Registration() =>
        LibsToSwirRegistration.FromTransform(SimilarityTransform.Create([1, 0, 0, 1], 1, [25, 500]), Pitch, Scale);

    /// <summary>The LIBS shot that lands on SWIR line <paramref name="line"/>, pixel <paramref name="pixel"/>.</summary>
    private static LibsPoint Shot(int line, double pixel)
    {
        var point = new LibsPoint(null, 4)
        {
            ScanXMm = (pixel * Pitch) - 25,
            ScanYMm = 0,
            Stamp = new SampleStamp(7, new EncoderPosition(FirstEncoder + (line * CountsPerLine) + TravelCounts), 123_456),
        };
        return point;
    }

    private static readonly TeacherLabel Lepidolite = new(Mineral: 0, Cluster: 0, Distance: 0.1, Confidence: 0.8);

    [Fact]
    public void TryBuild_InsideTheParticle_PairsItsSpectrumWithoutEdgeFlag()
    {
        var builder = new PairBuilder(Registration(), Scene(withMask: true));

        bool built = builder.TryBuild(Shot(30, 17.3), Lepidolite, [1.0, 2.0], out TrainingPair? pair, out PairingFailure failure);

        Assert.True(built, failure.ToString());
        Assert.NotNull(pair);
        Assert.Equal(Enumerable.Range(0, Bands).Select(Particle), pair.Spectrum);
        Assert.Equal(17, pair.Pixel);
        Assert.Equal(new EncoderPosition(FirstEncoder + (30 * CountsPerLine)), pair.SwirEncoder);
        Assert.Equal(new EncoderPosition(FirstEncoder + (30 * CountsPerLine) + TravelCounts), pair.LibsEncoder);
        Assert.Equal(123_456, pair.LibsTimestamp);
        Assert.Equal(0, pair.Label);
        Assert.Equal(0.8, pair.Confidence);
        Assert.Equal([1.0, 2.0], pair.Features);
        Assert.False(pair.IsEdge);
        Assert.Equal(1.0, pair.Weight);
    }

    [Theory]
    [InlineData(30, 10)]   // left border pixel: belt next to it
    [InlineData(30, 24)]   // right border
    [InlineData(20, 15)]   // first particle line: belt line before it
    [InlineData(30, 9)]    // belt pixel next to the particle
    [InlineData(40, 15)]   // belt line right after the particle
    public void TryBuild_NeighbourhoodStraddlesTheParticleEdge_FlaggedWithEdgeWeight(int line, int pixel)
    {
        var builder = new PairBuilder(Registration(), Scene(withMask: true), new PairingOptions { EdgeWeight = 0.25 });

        builder.TryBuild(Shot(line, pixel), Lepidolite, [], out TrainingPair? pair, out _);

        Assert.NotNull(pair);
        Assert.True(pair.IsEdge);
        Assert.Equal(0.25, pair.Weight);
        Assert.Equal(1, builder.EdgePairCount);
    }

    [Theory]
    [InlineData(30, 10, true, false)]
    [InlineData(30, 11, false, false)]
    [InlineData(5, 30, false, false)]   // plain belt
    [InlineData(30, 10, true, true)]    // raw history: neighbours computed into one buffer must not overwrite the centre
    [InlineData(30, 11, false, true)]
    [InlineData(19, 17, true, true)]
    public void TryBuild_WithoutMask_SpectralAngleFindsTheEdge(int line, int pixel, bool expected, bool raw)
    {
        var builder = new PairBuilder(Registration(), Scene(withMask: false, raw: raw));

        builder.TryBuild(Shot(line, pixel), Lepidolite, [], out TrainingPair? pair, out _);

        Assert.NotNull(pair);
        Assert.Equal(expected, pair.IsEdge);
        Assert.Equal(Enumerable.Range(0, Bands).Select(b => InParticle(line, pixel) ? Particle(b) : Belt(b)), pair.Spectrum);
    }

    [Fact]
    public void TryBuild_RawHistory_SamePairsAsPreprocessedHistory()
    {
        var fromSpectra = new PairBuilder(Registration(), Scene(withMask: true));
        var fromRaw = new PairBuilder(Registration(), Scene(withMask: true, raw: true));

        for (int line = 0; line < Lines; line += 3)
        {
            for (int pixel = 0; pixel < Pixels; pixel += 2)
            {
                Assert.True(fromSpectra.TryBuild(Shot(line, pixel), Lepidolite, [], out TrainingPair? expected, out _));
                Assert.True(fromRaw.TryBuild(Shot(line, pixel), Lepidolite, [], out TrainingPair? actual, out _));
                Assert.Equal(expected!.Spectrum, actual!.Spectrum);
                Assert.Equal((expected.IsEdge, expected.Weight, expected.SwirEncoder), (actual.IsEdge, actual.Weight, actual.SwirEncoder));
            }
        }

        Assert.True(fromRaw.EdgePairCount > 0);
        Assert.Equal(fromSpectra.EdgePairCount, fromRaw.EdgePairCount);
    }

    [Fact]
    public void TryBuild_LineNoLongerHeld_TooOldAndCounted()
    {
        var builder = new PairBuilder(Registration(), Scene(withMask: true, capacity: 16)); // holds lines 44-59

        bool built = builder.TryBuild(Shot(30, 17), Lepidolite, [], out TrainingPair? pair, out PairingFailure failure);

        Assert.False(built);
        Assert.Null(pair);
        Assert.Equal(PairingFailure.TooOld, failure);
        Assert.Equal(1, builder.GetFailureCount(PairingFailure.TooOld));
        Assert.Equal(0, builder.PairCount);
    }

    [Fact]
    public void TryBuild_SpotBeyondTheNewestLine_NotYetSeen()
    {
        var builder = new PairBuilder(Registration(), Scene(withMask: true));

        Assert.False(builder.TryBuild(Shot(70, 17), Lepidolite, [], out _, out PairingFailure failure));
        Assert.Equal(PairingFailure.NotYetSeen, failure);
    }

    [Theory]
    [InlineData(-0.6)]
    [InlineData(39.5)]
    public void TryBuild_SpotOffTheImagedBelt_OutsideSwirView(double pixel)
    {
        var builder = new PairBuilder(Registration(), Scene(withMask: true));

        Assert.False(builder.TryBuild(Shot(30, pixel), Lepidolite, [], out _, out PairingFailure failure));
        Assert.Equal(PairingFailure.OutsideSwirView, failure);
        Assert.Equal(1, builder.GetFailureCount(PairingFailure.OutsideSwirView));
    }

    [Fact]
    public void SpectralAngle_KnownVectors_MatchesAnalyticAngle()
    {
        Assert.Equal(Math.PI / 4, PairBuilder.SpectralAngle([1f, 0f], [1f, 1f]), 12);
        Assert.Equal(0, PairBuilder.SpectralAngle([1f, 2f], [2f, 4f]), 6);
        Assert.Equal(Math.PI / 2, PairBuilder.SpectralAngle([0f, 0f], [1f, 1f]));
    }
}
