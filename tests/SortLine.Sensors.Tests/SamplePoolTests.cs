using SortLine.Sensors.Swir;

namespace SortLine.Sensors.Tests;

public sealed class SamplePoolTests
{
    [Fact]
    public void TryRent_AllRentedOut_ReturnsFalse()
    {
        var pool = SwirLine.CreatePool(2, pixels: 4, bands: 3);
        Assert.True(pool.TryRent(out _));
        Assert.True(pool.TryRent(out _));
        Assert.False(pool.TryRent(out _));
        Assert.Equal(0, pool.Available);
    }

    [Fact]
    public void Dispose_ReturnsLineToPool_SameInstanceRentedAgain()
    {
        var pool = SwirLine.CreatePool(1, pixels: 4, bands: 3);
        Assert.True(pool.TryRent(out SwirLine first));
        first.Data[5] = 123;
        first.Dispose();
        Assert.Equal(1, pool.Available);
        Assert.True(pool.TryRent(out SwirLine second));
        Assert.Same(first, second);
    }

    [Fact]
    public void Dispose_Twice_ThrowsAndPoolStaysConsistent()
    {
        var pool = SwirLine.CreatePool(2, pixels: 1, bands: 1);
        Assert.True(pool.TryRent(out SwirLine line));
        Assert.True(pool.TryRent(out SwirLine other));
        line.Dispose();
        Assert.Throws<InvalidOperationException>(line.Dispose);
        Assert.Equal(1, pool.Available);
        other.Dispose();
        Assert.Equal(2, pool.Available);
    }

    [Fact]
    public void Dispose_Unpooled_IsNoOp()
    {
        var line = new SwirLine(null, pixels: 1, bands: 1);
        line.Dispose();
        line.Dispose();
        Assert.Equal(1, line.Data.Length);
    }

    [Fact]
    public void Pixel_ReturnsPixelInterleavedSpectrum()
    {
        var line = new SwirLine(null, pixels: 3, bands: 2);
        for (int i = 0; i < line.Data.Length; i++)
        {
            line.Data[i] = (ushort)i;
        }

        Assert.Equal(new ushort[] { 4, 5 }, line.Pixel(2).ToArray());
    }
}
