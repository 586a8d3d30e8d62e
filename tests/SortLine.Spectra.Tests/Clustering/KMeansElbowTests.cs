using SortLine.Spectra.Clustering;

namespace SortLine.Spectra.Tests.Clustering;

public sealed class KMeansElbowTests
{
    [Fact]
    public void FindElbow_ConvexCurve_ReturnsPointFarthestBelowChord()
    {
        // Normalised: x = 0, .2, .4, .6, .8, 1; y = 1, .479, .0625, .042, .021, 0; chord 1 - x; gap largest at x = .4.
        double[] inertia = [100, 50, 10, 8, 6, 4];

        int elbow = KMeansElbow.FindElbow(inertia);

        Assert.Equal(2, elbow);
    }

    [Theory]
    [InlineData(new double[] { 4, 3, 2, 1, 0 })]
    [InlineData(new double[] { 5, 5, 5, 5 })]
    [InlineData(new double[] { 10, 1 })]
    [InlineData(new double[] { 10, 9.9, 9.5, 1 })]
    public void FindElbow_NoPointBelowChord_ReturnsFirst(double[] inertia)
    {
        int elbow = KMeansElbow.FindElbow(inertia);

        Assert.Equal(0, elbow);
    }

    [Fact]
    public void Select_FourSeparatedBlobs_ChoosesFour()
    {
        const int k = 4, perBlob = 50, d = 2;
        var random = new Random(7);
        var x = new double[k * perBlob * d];
        double[][] centres = [[0, 0], [10, 0], [0, 10], [10, 10]];
        for (int i = 0; i < k * perBlob; i++)
        {
            for (int c = 0; c < d; c++)
            {
                x[(i * d) + c] = centres[i / perBlob][c] + (random.NextDouble() - 0.5);
            }
        }

        ElbowSelection result = KMeansElbow.Select(new ReadOnlyMatrixSpan<double>(x, k * perBlob, d), 1, 8, new KMeansOptions { Seed = 3 });

        Assert.Equal(4, result.SelectedClusterCount);
        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 8], result.ClusterCounts.ToArray());
        Assert.Equal(result.Models[3].Inertia, result.Inertias[3]);
        Assert.Equal(4, result.SelectedModel.ClusterCount);
    }

    [Fact]
    public void Select_ExplicitInitialCentroids_ThrowsNamingOptions()
    {
        var options = new KMeansOptions { ClusterCount = 1, InitialCentroids = new double[] { 0, 0 } };

        var ex = Assert.Throws<ArgumentException>(() => KMeansElbow.Select(new ReadOnlyMatrixSpan<double>(new double[8], 4, 2), 1, 3, options));

        Assert.Equal("options", ex.ParamName);
    }

    [Fact]
    public void Select_MaxBelowMin_ThrowsOutOfRange()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => KMeansElbow.Select(new ReadOnlyMatrixSpan<double>(new double[8], 4, 2), 3, 2));
    }
}
