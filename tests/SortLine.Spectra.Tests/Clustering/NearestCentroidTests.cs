using SortLine.Spectra.Clustering;

namespace SortLine.Spectra.Tests.Clustering;

public sealed class NearestCentroidTests
{
    private static readonly double[] Centroids = [0, 0, 10, 0, 0, 10];

    [Theory]
    [InlineData(1, 1, 0)]
    [InlineData(9, 1, 1)]
    [InlineData(1, 8, 2)]
    public void Find_Sample_ReturnsClosestCentroid(double a, double b, int expected)
    {
        int actual = NearestCentroid.Find([a, b], new ReadOnlyMatrixSpan<double>(Centroids, 3, 2), out double distance);

        Assert.Equal(expected, actual);
        Assert.Equal(Math.Pow(a - Centroids[2 * expected], 2) + Math.Pow(b - Centroids[(2 * expected) + 1], 2), distance);
    }

    [Fact]
    public void Find_EquidistantSample_ReturnsLowestIndex()
    {
        int actual = NearestCentroid.Find([5, 0], new ReadOnlyMatrixSpan<double>(Centroids, 3, 2));

        Assert.Equal(0, actual);
    }

    [Fact]
    public void Find_WrongLength_ThrowsNamingX()
    {
        var ex = Assert.Throws<ArgumentException>(() => NearestCentroid.Find([1, 2, 3], new ReadOnlyMatrixSpan<double>(Centroids, 3, 2)));

        Assert.Equal("x", ex.ParamName);
    }

    [Fact]
    public void Find_NoCentroids_Throws()
    {
        Assert.Throws<ArgumentException>(() => NearestCentroid.Find([], new ReadOnlyMatrixSpan<double>([], 0, 0)));
    }
}
