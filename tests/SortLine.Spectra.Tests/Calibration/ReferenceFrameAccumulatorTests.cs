using SortLine.Spectra.Calibration;

namespace SortLine.Spectra.Tests.Calibration;

public sealed class ReferenceFrameAccumulatorTests
{
    [Fact]
    public void CopyMeanTo_TwoLines_WritesArithmeticMean()
    {
        var acc = new ReferenceFrameAccumulator(pixels: 2, bands: 2);
        acc.Add([1, 10, 100, 65535]);
        acc.Add([4, 11, 200, 65534]);
        var mean = new double[4];

        acc.CopyMeanTo(mean);

        Assert.Equal([2.5, 10.5, 150.0, 65534.5], mean);
        Assert.Equal(2, acc.LineCount);
    }

    [Fact]
    public void CopyMeanTo_NoLine_ThrowsInvalidOperation()
    {
        var acc = new ReferenceFrameAccumulator(3, 4);

        Assert.Throws<InvalidOperationException>(() => acc.CopyMeanTo(new double[12]));
    }

    [Fact]
    public void Add_WrongLength_ThrowsNamingLine()
    {
        var acc = new ReferenceFrameAccumulator(3, 4);

        var ex = Assert.Throws<ArgumentException>(() => acc.Add(new ushort[11]));
        Assert.Equal("line", ex.ParamName);
    }

    [Theory]
    [InlineData(0, 4)]
    [InlineData(4, 0)]
    public void Constructor_EmptyDimension_ThrowsOutOfRange(int pixels, int bands)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReferenceFrameAccumulator(pixels, bands));
    }

    [Fact]
    public void Reset_AfterLines_ForgetsThem()
    {
        var acc = new ReferenceFrameAccumulator(1, 2);
        acc.Add([7, 9]);

        acc.Reset();
        acc.Add([1, 3]);
        var mean = new double[2];
        acc.CopyMeanTo(mean);

        Assert.Equal([1.0, 3.0], mean);
    }
}
