using FsCheck.Xunit;
using SortLine.Spectra.Continuum;

namespace SortLine.Spectra.Tests.Continuum;

public sealed class HullQuotientTests
{
    public static TheoryData<int> Lengths => SimdLengths.For(System.Runtime.Intrinsics.Vector256<float>.Count);

    // Golden: spectral.remove_continuum / spectral_continuum (SPy 0.22.4, mode 'convex') on USGS spectra resampled to a
    // 288-band camera. Tolerance 1e-12 relative (SPy's quickhull and the monotone chain agree up to near-collinear points).
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Apply_Camera288Spectra_MatchesSpy(int mineral)
    {
        var (bands, _, _) = GoldenFile.ReadMatrix("preprocess/resample_camera288_bands.csv");
        var (spectra, _, columns) = GoldenFile.ReadMatrix("preprocess/resample_camera288_spectra.csv");
        var (quotients, _, _) = GoldenFile.ReadMatrix("preprocess/hull_camera288_quotient.csv");
        var (continua, _, _) = GoldenFile.ReadMatrix("preprocess/hull_camera288_continuum.csv");
        double[] wl = Column(bands, 3, 0);
        double[] s = Column(spectra, columns, mineral);
        var q = new double[s.Length];
        var c = new double[s.Length];
        var scratch = new int[s.Length];

        int nonPositive = HullQuotient.Apply<double>(wl, s, q, scratch);
        HullQuotient.GetContinuum<double>(wl, s, c, scratch);

        Assert.Equal(0, nonPositive);
        Tolerance.AssertClose(Column(quotients, columns, mineral), q, rel: 1e-12, what: "quotient");
        Tolerance.AssertClose(Column(continua, columns, mineral), c, rel: 1e-12, what: "continuum");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void Apply_Usgs2151Spectra_MatchesSpyQuotient(int mineral)
    {
        var (usgs, _, columns) = GoldenFile.ReadMatrix("preprocess/usgs_2151.csv");
        var (quotients, _, qColumns) = GoldenFile.ReadMatrix("preprocess/hull_usgs2151_quotient.csv");
        double[] wl = Column(usgs, columns, 0);
        double[] s = Column(usgs, columns, 2 + mineral);
        var q = new double[s.Length];

        HullQuotient.Apply<double>(wl, s, q, new int[s.Length]);

        Tolerance.AssertClose(Column(quotients, qColumns, mineral), q, rel: 1e-12, what: "quotient");
    }

    [Fact]
    public void GetContinuum_Usgs2151Spodumene_MatchesSpyContinuum()
    {
        var (usgs, _, columns) = GoldenFile.ReadMatrix("preprocess/usgs_2151.csv");
        double[] expected = GoldenFile.ReadVector("preprocess/hull_usgs2151_continuum.csv");
        double[] wl = Column(usgs, columns, 0);
        double[] s = Column(usgs, columns, 5);
        var c = new double[s.Length];

        HullQuotient.GetContinuum<double>(wl, s, c, new int[s.Length]);

        Tolerance.AssertClose(expected, c, rel: 1e-12, what: "continuum");
    }

    [Fact]
    public void ApplyFloat_Camera288Spectrum_MatchesSpyToFloatPrecision()
    {
        var (bands, _, _) = GoldenFile.ReadMatrix("preprocess/resample_camera288_bands.csv");
        var (spectra, _, columns) = GoldenFile.ReadMatrix("preprocess/resample_camera288_spectra.csv");
        var (quotients, _, _) = GoldenFile.ReadMatrix("preprocess/hull_camera288_quotient.csv");
        float[] wl = Array.ConvertAll(Column(bands, 3, 0), v => (float)v);
        float[] s = Array.ConvertAll(Column(spectra, columns, 2), v => (float)v);
        var q = new float[s.Length];

        HullQuotient.Apply<float>(wl, s, q, new int[s.Length]);

        Tolerance.AssertClose(Column(quotients, columns, 2), q, rel: 1e-5, what: "float quotient");
    }

    // Properties: quotient ≤ 1 + ε everywhere and exactly 1 at the hull vertices; the hull is concave (slopes strictly
    // decreasing) and lies on or above every sample.
    [Property(Replay = "(31415926,5358979)", MaxTest = 300)]
    public void Apply_RandomPositiveSpectrum_QuotientAtMostOneAndOneAtVertices(int seed)
    {
        var rng = new Random(seed);
        (double[] wl, double[] s) = RandomSpectrum(rng, positive: true);
        var q = new double[s.Length];
        var hull = new int[s.Length];

        int nonPositive = HullQuotient.Apply<double>(wl, s, q, hull);
        int vertices = HullQuotient.FindHull<double>(wl, s, hull);

        Assert.Equal(0, nonPositive);
        Assert.All(q, v => Assert.True(v <= 1 + 1e-12, $"seed {seed}: quotient {v} > 1"));
        Assert.Equal(0, hull[0]);
        Assert.Equal(s.Length - 1, hull[vertices - 1]);
        for (int v = 0; v < vertices; v++)
        {
            Assert.Equal(1.0, q[hull[v]]);
        }

        for (int v = 2; v < vertices; v++)
        {
            double before = (s[hull[v - 1]] - s[hull[v - 2]]) / (wl[hull[v - 1]] - wl[hull[v - 2]]);
            double after = (s[hull[v]] - s[hull[v - 1]]) / (wl[hull[v]] - wl[hull[v - 1]]);
            Assert.True(after < before, $"seed {seed}: hull not strictly concave at vertex {v}");
        }
    }

    // Non-positive input: defined output, never NaN; bands with continuum ≤ 0 are written as 0 and counted.
    [Property(Replay = "(2718281,8284591)", MaxTest = 300)]
    public void Apply_SpectrumWithNonPositiveValues_NeverNaNAndCountsBandsWithoutContinuum(int seed)
    {
        var rng = new Random(seed);
        (double[] wl, double[] s) = RandomSpectrum(rng, positive: false);
        var q = new double[s.Length];
        var c = new double[s.Length];
        var hull = new int[s.Length];

        int nonPositive = HullQuotient.Apply<double>(wl, s, q, hull);
        int continuumNonPositive = HullQuotient.GetContinuum<double>(wl, s, c, hull);

        Assert.Equal(continuumNonPositive, nonPositive);
        int zeros = 0;
        for (int i = 0; i < s.Length; i++)
        {
            Assert.False(double.IsNaN(q[i]), $"seed {seed}: NaN at {i}");
            if (c[i] <= 0)
            {
                Assert.Equal(0.0, q[i]);
                zeros++;
            }
            else
            {
                Assert.True(q[i] <= 1 + 1e-12, $"seed {seed}: quotient {q[i]} > 1 at {i}");
            }
        }

        Assert.Equal(nonPositive, zeros);
    }

    [Fact]
    public void Apply_AllNegativeSpectrum_WritesZerosAndReturnsLength()
    {
        double[] wl = [1, 2, 3, 4];
        double[] s = [-1, -0.5, -2, -1];
        var q = new double[4];

        int nonPositive = HullQuotient.Apply<double>(wl, s, q, new int[4]);

        Assert.Equal(4, nonPositive);
        Assert.All(q, v => Assert.Equal(0.0, v));
    }

    [Fact]
    public void Apply_TriangleDip_IsAnalyticQuotient()
    {
        // Hull is the chord from (0, 1) to (4, 1); the dip at x = 2 is 0.5.
        double[] wl = [0, 1, 2, 3, 4];
        double[] s = [1, 0.75, 0.5, 0.75, 1];
        var q = new double[5];

        HullQuotient.Apply<double>(wl, s, q, new int[5]);

        Assert.Equal([1.0, 0.75, 0.5, 0.75, 1.0], q);
    }

    [Fact]
    public void FindHull_CollinearPoints_AreNotVertices()
    {
        double[] wl = [0, 1, 2, 3];
        double[] s = [1, 2, 3, 4];
        var hull = new int[4];

        int vertices = HullQuotient.FindHull<double>(wl, s, hull);

        Assert.Equal([0, 3], hull[..vertices]);
    }

    [Fact]
    public void Apply_WavelengthsNotIncreasing_ThrowsNamingWavelengths()
    {
        var ex = Assert.Throws<ArgumentException>(() =>
            HullQuotient.Apply<double>([1, 2, 2, 3], [1, 1, 1, 1], new double[4], new int[4]));
        Assert.Equal("wavelengths", ex.ParamName);
    }

    [Fact]
    public void Apply_NaNInSpectrum_ThrowsNamingSpectrum()
    {
        var ex = Assert.Throws<ArgumentException>(() =>
            HullQuotient.Apply<double>([1, 2, 3], [1, double.NaN, 1], new double[3], new int[3]));
        Assert.Equal("spectrum", ex.ParamName);
    }

    [Fact]
    public void Apply_ScratchTooShort_ThrowsNamingScratch()
    {
        var ex = Assert.Throws<ArgumentException>(() =>
            HullQuotient.Apply<float>([1, 2, 3], [1, 1, 1], new float[3], new int[2]));
        Assert.Equal("hullScratch", ex.ParamName);
    }

    [Fact]
    public void Apply_LengthMismatch_Throws()
    {
        Assert.Throws<ArgumentException>(() => HullQuotient.Apply<float>([1, 2, 3], [1, 1, 1], new float[2], new int[3]));
        Assert.Throws<ArgumentException>(() => HullQuotient.Apply<float>([1, 2], [1, 1, 1], new float[3], new int[3]));
    }

    [Fact]
    public void Apply_InPlace_Throws()
    {
        var s = new double[] { 1, 0.5, 1 };

        Assert.Throws<ArgumentException>(() => HullQuotient.Apply<double>([1, 2, 3], s, s, new int[3]));
    }

    // The division is SIMD (TensorPrimitives); IEEE division is exact-rounded, so it equals spectrum / continuum per element.
    [Theory]
    [MemberData(nameof(Lengths))]
    [Trait("Category", "Simd")]
    public void Apply_AnyLength_EqualsScalarSpectrumOverContinuum(int length)
    {
        var rng = new Random(length);
        var wl = new float[length];
        var s = new float[length];
        for (int i = 0; i < length; i++)
        {
            wl[i] = 900 + (i * 0.5f);
            s[i] = 0.2f + (float)rng.NextDouble();
        }

        var c = new float[length];
        var q = new float[length];
        var scratch = new int[length];
        HullQuotient.GetContinuum<float>(wl, s, c, scratch);

        HullQuotient.Apply<float>(wl, s, q, scratch);

        for (int i = 0; i < length; i++)
        {
            Assert.Equal(s[i] / c[i], q[i]);
        }
    }

    private static (double[] Wl, double[] S) RandomSpectrum(Random rng, bool positive)
    {
        int n = rng.Next(1, 300);
        var wl = new double[n];
        var s = new double[n];
        double x = 900 + (rng.NextDouble() * 100);
        for (int i = 0; i < n; i++)
        {
            x += 0.1 + (rng.NextDouble() * 10);
            wl[i] = x;
            double smooth = Math.Sin(i * 0.05) * 0.3;
            s[i] = positive ? 0.05 + Math.Abs(0.5 + smooth + ((rng.NextDouble() - 0.5) * 0.2)) : smooth + ((rng.NextDouble() - 0.7) * 0.6);
        }

        return (wl, s);
    }

    private static double[] Column(double[] data, int columns, int column)
    {
        var result = new double[data.Length / columns];
        for (int r = 0; r < result.Length; r++)
        {
            result[r] = data[(r * columns) + column];
        }

        return result;
    }
}
