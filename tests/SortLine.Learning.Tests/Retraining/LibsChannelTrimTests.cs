using SortLine.Learning.Retraining;

namespace SortLine.Learning.Tests.Retraining;

public sealed class LibsChannelTrimTests
{
    [Fact]
    public void Apply_OverlappingSegments_KeepsEarlierSegmentAndDropsLaterOverlap()
    {
        // Two spectrometers: 200-204 nm and 203-207 nm (1 nm steps); 203 and 204 of the second overlap the first.
        double[] wavelengths = [200, 201, 202, 203, 204, 203, 204, 205, 206, 207];
        var trim = new LibsChannelTrim(wavelengths);
        float[] spectrum = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
        var trimmed = new float[trim.OutputChannels];

        trim.Apply(spectrum, trimmed);

        Assert.Equal([200.0, 201, 202, 203, 204, 205, 206, 207], trim.WavelengthsNm);
        Assert.Equal([0f, 1, 2, 3, 4, 7, 8, 9], trimmed);
    }

    [Fact]
    public void Constructor_NonFiniteWavelength_Throws() =>
        Assert.Throws<ArgumentException>(() => new LibsChannelTrim([200, double.NaN, 202, 203]));

    [Fact]
    public void Apply_WrongLength_Throws()
    {
        var trim = new LibsChannelTrim([1, 2, 3]);
        Assert.Throws<ArgumentException>(() => trim.Apply(new float[2], new float[3]));
    }
}
