using SortLine.Spectra.Continuum;

namespace SortLine.Spectra.Tests.Continuum;

public sealed class HullQuotientPlanTests
{
    [Fact]
    public void Apply_Camera288Spectra_MatchesSpy()
    {
        var (bands, _, _) = GoldenFile.ReadMatrix("preprocess/resample_camera288_bands.csv");
        var (spectra, rows, columns) = GoldenFile.ReadMatrix("preprocess/resample_camera288_spectra.csv");
        var (quotients, _, _) = GoldenFile.ReadMatrix("preprocess/hull_camera288_quotient.csv");
        var plan = new HullQuotientPlan(Column(bands, 3, 0, rows));
        for (int mineral = 0; mineral < columns; mineral++)
        {
            double[] s = Column(spectra, columns, mineral, rows);
            var q = new double[rows];

            int nonPositive = plan.Apply(s, q, new int[plan.GetScratchLength()]);

            Assert.Equal(0, nonPositive);
            Tolerance.AssertClose(Column(quotients, columns, mineral, rows), q, rel: 1e-12, what: $"quotient of mineral {mineral}");
        }
    }

    [Fact]
    public void ApplyFloat_Camera288Spectrum_MatchesSpyToFloatPrecision()
    {
        var (bands, _, _) = GoldenFile.ReadMatrix("preprocess/resample_camera288_bands.csv");
        var (spectra, rows, columns) = GoldenFile.ReadMatrix("preprocess/resample_camera288_spectra.csv");
        var (quotients, _, _) = GoldenFile.ReadMatrix("preprocess/hull_camera288_quotient.csv");
        var plan = new HullQuotientPlan(Column(bands, 3, 0, rows));
        float[] s = Array.ConvertAll(Column(spectra, columns, 1, rows), v => (float)v);
        var q = new float[rows];

        plan.Apply(s, q, new int[rows], out int vertices);

        Assert.InRange(vertices, 2, rows);
        Tolerance.AssertClose(Column(quotients, columns, 1, rows), q, rel: 1e-5, what: "float quotient");
    }

    [Theory]
    [InlineData(new[] { 1.0, 2.0, 2.0 })]
    [InlineData(new[] { 1.0, double.NaN, 3.0 })]
    [InlineData(new[] { 3.0, 2.0, 1.0 })]
    [InlineData(new[] { 1.0, 2.0, double.PositiveInfinity })]
    public void Constructor_BadWavelengths_ThrowsNamingWavelengths(double[] wavelengths)
    {
        var ex = Assert.Throws<ArgumentException>(() => new HullQuotientPlan(wavelengths));
        Assert.Equal("wavelengths", ex.ParamName);
    }

    [Fact]
    public void Constructor_WavelengthsEqualInFloat_Throws()
    {
        Assert.Throws<ArgumentException>(() => new HullQuotientPlan([1000.0, 1000.00001, 1001.0]));
    }

    [Fact]
    public void Constructor_Empty_Throws()
    {
        Assert.Throws<ArgumentException>(() => new HullQuotientPlan([]));
    }

    [Fact]
    public void Apply_WrongLengths_Throw()
    {
        var plan = new HullQuotientPlan([1.0, 2.0, 3.0]);

        Assert.Throws<ArgumentException>(() => plan.Apply(new float[2], new float[3], new int[3]));
        Assert.Throws<ArgumentException>(() => plan.Apply(new float[3], new float[2], new int[3]));
        Assert.Throws<ArgumentException>(() => plan.Apply(new float[3], new float[3], new int[2]));
    }

    [Fact]
    public void Apply_Overlapping_Throws()
    {
        var plan = new HullQuotientPlan([1.0, 2.0, 3.0]);
        var s = new double[] { 1, 0.5, 1 };

        Assert.Throws<ArgumentException>(() => plan.Apply(s, s, new int[3]));
    }

    [Fact]
    public void Apply_SameAxis_EqualsStaticApply()
    {
        double[] wl = [900, 910, 925, 930, 950, 960, 990, 1000, 1010, 1020, 1030, 1040, 1050, 1060, 1070, 1080, 1090, 1100];
        double[] s = [0.5, 0.6, 0.55, 0.7, 0.4, 0.45, 0.8, 0.7, 0.75, 0.6, 0.65, 0.9, 0.2, 0.3, 0.35, 0.6, 0.5, 0.4];
        var expected = new float[s.Length];
        var actual = new float[s.Length];
        float[] sf = Array.ConvertAll(s, v => (float)v);

        HullQuotient.Apply<float>(Array.ConvertAll(wl, v => (float)v), sf, expected, new int[s.Length]);
        new HullQuotientPlan(wl).Apply(sf, actual, new int[s.Length]);

        Assert.Equal(expected, actual);
    }

    private static double[] Column(double[] data, int columns, int column, int rows)
    {
        var result = new double[rows];
        for (int r = 0; r < rows; r++)
        {
            result[r] = data[(r * columns) + column];
        }

        return result;
    }
}
