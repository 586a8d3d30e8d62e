namespace SortLine.Spectra.Tests;

public sealed class MatrixSpanTests
{
    [Fact]
    public void Row_ReturnsRowMajorSlice()
    {
        double[] data = [1, 2, 3, 4, 5, 6];
        var m = new ReadOnlyMatrixSpan<double>(data, 2, 3);
        Assert.Equal([4.0, 5.0, 6.0], m.Row(1).ToArray());
        Assert.Equal(6.0, m[1, 2]);
    }

    [Fact]
    public void Constructor_LengthMismatch_ThrowsNamingData()
    {
        double[] data = [1, 2, 3];
        var ex = Assert.Throws<ArgumentException>(() => new ReadOnlyMatrixSpan<double>(data, 2, 2));
        Assert.Equal("data", ex.ParamName);
    }
}
