using SortLine.Learning.Teacher;
using SortLine.Spectra;
using SortLine.Spectra.Filtering;

namespace SortLine.Learning.Tests.Teacher;

public sealed class LibsFeatureMapFilterTests
{
    private const int Rows = 9, Columns = 7, Features = 3;

    [Fact]
    public void Apply_EachFeaturePlane_EqualsTheGaussianKernelOnThatPlane()
    {
        var rng = new Random(5);
        double[] map = [.. Enumerable.Range(0, Rows * Columns * Features).Select(_ => rng.NextDouble())];
        var filter = new LibsFeatureMapFilter(1.2, 0.8);
        var smoothed = new double[map.Length];

        filter.Apply(map, Rows, Columns, Features, smoothed, new double[filter.GetScratchLength(Rows, Columns)]);

        var kernel = new GaussianFilter2D(1.2, 0.8);
        for (int f = 0; f < Features; f++)
        {
            double[] plane = [.. Enumerable.Range(0, Rows * Columns).Select(p => map[(p * Features) + f])];
            var expected = new double[plane.Length];
            kernel.Apply(new ReadOnlyMatrixSpan<double>(plane, Rows, Columns), new MatrixSpan<double>(expected, Rows, Columns),
                new double[kernel.GetScratchLength(Rows, Columns)]);
            double[] actual = [.. Enumerable.Range(0, Rows * Columns).Select(p => smoothed[(p * Features) + f])];
            Assert.Equal(expected, actual);
        }
    }

    [Fact]
    public void Apply_OneContaminatedShotInAPureGrain_PullsItTowardsItsNeighbours()
    {
        // A pure Si grain (feature 0 = 1) with one shot contaminated by the neighbouring mineral's Na (feature 1).
        var map = new double[Rows * Columns * Features];
        for (int p = 0; p < Rows * Columns; p++)
        {
            map[p * Features] = 1.0;
        }

        int shot = ((4 * Columns) + 3) * Features;
        map[shot + 1] = 1.0;
        var filter = new LibsFeatureMapFilter(1.0, 1.0);
        var smoothed = new double[map.Length];

        filter.Apply(map, Rows, Columns, Features, smoothed, new double[filter.GetScratchLength(Rows, Columns)]);

        Assert.InRange(smoothed[shot + 1], 0.05, 0.3);              // the outlier is mostly averaged away
        Assert.Equal(1.0, smoothed[shot], 12);                      // a constant plane stays constant
        Assert.Equal(1.0, smoothed.Where((_, i) => i % Features == 1).Sum(), 9); // Gaussian mass is conserved inside the map
    }

    [Fact]
    public void Apply_LengthMismatch_ThrowsNamingFeatures()
    {
        var filter = new LibsFeatureMapFilter(1, 1);
        var ex = Assert.Throws<ArgumentException>(() =>
            filter.Apply(new double[10], Rows, Columns, Features, new double[10], new double[filter.GetScratchLength(Rows, Columns)]));
        Assert.Equal("features", ex.ParamName);
    }
}
