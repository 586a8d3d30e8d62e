using SortLine.Spectra.Filtering;

namespace SortLine.Spectra.Tests.Filtering;

public sealed class GaussianFilter2DTests
{
    /// <summary>
    /// Golden: scipy.ndimage.gaussian_filter (SciPy 1.10.1) on a 50 × 40 map (mosaic of real ChemCam line intensities plus
    /// seeded noise) for every boundary mode, including kernels wider than the map. Tolerance: 1e-12 relative, plus
    /// 1e-12 × max |map| absolute.
    /// </summary>
    [Theory]
    [InlineData("gaussian_reflect")]
    [InlineData("gaussian_nearest")]
    [InlineData("gaussian_mirror")]
    [InlineData("gaussian_constant")]
    [InlineData("gaussian_reflect_wide")]
    [InlineData("gaussian_mirror_wide")]
    public void Apply_RealIshMap_MatchesScipyGaussianFilter(string name)
    {
        var (map, rows, columns) = GoldenFile.ReadMatrix("libsgeo/gaussian_map.csv");
        var (expected, _, _) = GoldenFile.ReadMatrix($"libsgeo/{name}.csv");
        var meta = GoldenFile.ReadJson("libsgeo/gaussian_cases.json").GetProperty(name);
        var mode = meta.GetProperty("mode").GetString() switch
        {
            "reflect" => BoundaryMode.Reflect,
            "nearest" => BoundaryMode.Nearest,
            "mirror" => BoundaryMode.Mirror,
            "constant" => BoundaryMode.Constant,
            var other => throw new InvalidDataException(other),
        };
        var filter = new GaussianFilter2D(
            meta.GetProperty("sigma_rows").GetDouble(), meta.GetProperty("sigma_columns").GetDouble(),
            meta.GetProperty("truncate").GetDouble(), mode, meta.GetProperty("cval").GetDouble());
        var output = new double[map.Length];

        filter.Apply(new(map, rows, columns), new MatrixSpan<double>(output, rows, columns), new double[filter.GetScratchLength(rows, columns)]);

        Tolerance.AssertClose(expected, output, 1e-12, 1e-12 * map.Max(Math.Abs), name);
    }

    [Fact]
    public void Apply_InPlace_EqualsOutOfPlace()
    {
        var (map, rows, columns) = GoldenFile.ReadMatrix("libsgeo/gaussian_map.csv");
        var filter = new GaussianFilter2D(1.2, 0.8);
        var scratch = new double[filter.GetScratchLength(rows, columns)];
        var outOfPlace = new double[map.Length];
        var inPlace = (double[])map.Clone();

        filter.Apply(new(map, rows, columns), new MatrixSpan<double>(outOfPlace, rows, columns), scratch);
        filter.Apply(new(inPlace, rows, columns), new MatrixSpan<double>(inPlace, rows, columns), scratch);

        Assert.Equal(outOfPlace, inPlace);
    }

    [Theory]
    [InlineData(BoundaryMode.Reflect)]
    [InlineData(BoundaryMode.Nearest)]
    [InlineData(BoundaryMode.Mirror)]
    public void Apply_ConstantMap_ReturnsSameConstant(BoundaryMode mode)
    {
        var map = Enumerable.Repeat(7.25, 6 * 5).ToArray();
        var filter = new GaussianFilter2D(3.0, 2.0, mode: mode);
        var output = new double[map.Length];

        filter.Apply(new(map, 6, 5), new MatrixSpan<double>(output, 6, 5), new double[filter.GetScratchLength(6, 5)]);

        Tolerance.AssertClose(map, output, 1e-14, 0, "constant");
    }

    [Theory]
    [InlineData(-1, 4, BoundaryMode.Reflect, 0)]
    [InlineData(-5, 4, BoundaryMode.Reflect, 3)]   // period 2n: indices -8..-1 read a b c d d c b a
    [InlineData(4, 4, BoundaryMode.Reflect, 3)]
    [InlineData(9, 4, BoundaryMode.Reflect, 1)]
    [InlineData(-1, 4, BoundaryMode.Mirror, 1)]
    [InlineData(4, 4, BoundaryMode.Mirror, 2)]
    [InlineData(-4, 4, BoundaryMode.Mirror, 2)]
    [InlineData(-3, 4, BoundaryMode.Nearest, 0)]
    [InlineData(7, 4, BoundaryMode.Nearest, 3)]
    [InlineData(7, 4, BoundaryMode.Constant, -1)]
    public void ExtendIndex_BeyondEdge_FollowsScipyPattern(int index, int n, BoundaryMode mode, int expected)
    {
        Assert.Equal(expected, GaussianFilter2D.ExtendIndex(index, n, mode));
    }

    [Theory]
    [InlineData(0.0, 1.0, "sigmaRows")]
    [InlineData(-1.0, 1.0, "sigmaRows")]
    [InlineData(double.NaN, 1.0, "sigmaRows")]
    [InlineData(1.0, 0.0, "sigmaColumns")]
    [InlineData(1.0, double.NaN, "sigmaColumns")]
    [InlineData(1.0, double.PositiveInfinity, "sigmaColumns")]
    public void Constructor_InvalidSigma_ThrowsNamingIt(double sigmaRows, double sigmaColumns, string parameter)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new GaussianFilter2D(sigmaRows, sigmaColumns));
        Assert.Equal(parameter, ex.ParamName);
    }

    [Fact]
    public void Constructor_UndefinedMode_Throws()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new GaussianFilter2D(1, 1, mode: (BoundaryMode)42));
        Assert.Equal("mode", ex.ParamName);
    }

    [Fact]
    public void Apply_DestinationDimensionsDiffer_ThrowsNamingDestination()
    {
        var filter = new GaussianFilter2D(1, 1);
        var map = new double[12];
        var output = new double[12];

        var ex = Assert.Throws<ArgumentException>(() =>
            filter.Apply(new(map, 3, 4), new MatrixSpan<double>(output, 4, 3), new double[filter.GetScratchLength(4, 4)]));

        Assert.Equal("destination", ex.ParamName);
    }

    [Fact]
    public void Apply_ShortScratch_Throws()
    {
        var filter = new GaussianFilter2D(1, 1);
        var map = new double[12];

        var ex = Assert.Throws<ArgumentException>(() =>
            filter.Apply(new(map, 3, 4), new MatrixSpan<double>(new double[12], 3, 4), new double[filter.GetScratchLength(3, 4) - 1]));

        Assert.Equal("scratch.Length", ex.ParamName);
    }

    [Fact]
    public void Apply_NaNInMap_ThrowsNamingMap()
    {
        var filter = new GaussianFilter2D(1, 1);
        var map = new double[12];
        map[5] = double.NaN;

        var ex = Assert.Throws<ArgumentException>(() =>
            filter.Apply(new(map, 3, 4), new MatrixSpan<double>(new double[12], 3, 4), new double[filter.GetScratchLength(3, 4)]));

        Assert.Equal("map", ex.ParamName);
    }
}
