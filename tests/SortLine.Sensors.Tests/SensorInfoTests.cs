using SortLine.Sensors.Encoder;
using SortLine.Sensors.Libs;
using SortLine.Sensors.Swir;

namespace SortLine.Sensors.Tests;

public sealed class SensorInfoTests
{
    [Fact]
    public void SwirCameraInfo_NonIncreasingBands_ThrowsNamingBand()
    {
        var ex = Assert.Throws<ArgumentException>(() =>
            new SwirCameraInfo("cam", 384, [900, 905, 905], [5, 5, 5], 670, 12));
        Assert.Equal("bandCentersNm", ex.ParamName);
        Assert.Contains("band 2", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SwirCameraInfo_MaxCount_FollowsBitDepth()
    {
        var info = new SwirCameraInfo("cam", 384, [900, 905], [5, 5], 670, 12);
        Assert.Equal(4095, info.MaxCount);
    }

    [Fact]
    public void LibsSpectrometerInfo_StitchedSegmentsMayOverlap()
    {
        // Two spectrometers: 200-300 nm and 295-400 nm; each increasing, overlapping at the seam.
        double[] wl = [200, 250, 300, 295, 350, 400];
        var info = new LibsSpectrometerInfo("libs", wl, [0, 3], 100);
        Assert.Equal(6, info.Channels);
    }

    [Fact]
    public void LibsSpectrometerInfo_DecreaseInsideSegment_Throws()
    {
        double[] wl = [200, 250, 240];
        var ex = Assert.Throws<ArgumentException>(() => new LibsSpectrometerInfo("libs", wl, [0], 100));
        Assert.Contains("Channel 2", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    public void EncoderScale_NonPositive_Throws(double countsPerMetre) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new EncoderScale(countsPerMetre));

    [Fact]
    public void EncoderScale_RoundTripsDistance()
    {
        var scale = new EncoderScale(10_000);
        Assert.Equal(1_500, scale.ToCounts(0.15));
        Assert.Equal(0.15, scale.ToMetres(1_500), 12);
    }

    [Fact]
    public void EncoderPosition_Difference_IsSignedCounts()
    {
        var a = new EncoderPosition(100);
        var b = a + 250;
        Assert.Equal(250, b - a);
        Assert.True(a < b);
    }
}
