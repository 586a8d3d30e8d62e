using SortLine.Spectra.Baseline;

namespace SortLine.Spectra.Tests.Baseline;

public sealed class AsymmetricLeastSquaresBaselineTests
{
    /// <summary>
    /// Golden: scipy.sparse textbook ALS (spdiags D, spsolve) on the full-length real ChemCam and basalt spectra and
    /// on synthetic ones. Tolerance: 1e-9 of the spectrum's scale (max |y|), absolute per channel, for the default
    /// λ = 1e5. The λ = 1e7, p = 0.001 case has a system condition number of ~1e10: there scipy's spsolve (SuperLU),
    /// LAPACK's banded Cholesky (solveh_banded) and a dense LU already disagree by 0.8-1.8e-8 of the scale, so no
    /// double-precision solver can be held to 1e-9; it is checked at 5e-8.
    /// </summary>
    [Theory]
    [InlineData("als_chemcam", 1e-9)]
    [InlineData("als_basalt", 1e-9)]
    [InlineData("als_synthetic", 1e-9)]
    [InlineData("als_synthetic_l1e7_p0001_i20", 5e-8)]
    public void Apply_RealAndSyntheticSpectra_MatchesScipySparseReference(string name, double relativeToScale)
    {
        var (data, rows, _) = GoldenFile.ReadMatrix($"libsgeo/{name}.csv");
        var meta = GoldenFile.ReadJson("libsgeo/als_cases.json").GetProperty(name);
        double[] spectrum = Column(data, rows, 0);
        double[] expected = Column(data, rows, 1);
        var plan = new AsymmetricLeastSquaresBaseline(
            rows, meta.GetProperty("lambda").GetDouble(), meta.GetProperty("p").GetDouble(), meta.GetProperty("iterations").GetInt32());
        var baseline = new double[rows];

        plan.Apply(spectrum, baseline, new double[plan.ScratchLength]);

        double scale = spectrum.Max(Math.Abs);
        Tolerance.AssertClose(expected, baseline, rel: 0, abs: relativeToScale * scale, what: name);
    }

    [Fact]
    public void Subtract_Synthetic_EqualsSpectrumMinusApply()
    {
        var (data, rows, _) = GoldenFile.ReadMatrix("libsgeo/als_synthetic.csv");
        double[] spectrum = Column(data, rows, 0);
        var plan = new AsymmetricLeastSquaresBaseline(rows, 1e5, 0.05);
        var baseline = new double[rows];
        var corrected = new double[rows];
        var scratch = new double[AsymmetricLeastSquaresBaseline.GetScratchLength(rows)];

        plan.Apply(spectrum, baseline, scratch);
        plan.Subtract(spectrum, corrected, scratch);

        var expected = spectrum.Select((y, i) => y - baseline[i]).ToArray();
        Tolerance.AssertClose(expected, corrected, rel: 0, abs: 0, what: "corrected");
    }

    [Theory]
    [InlineData(3)]
    [InlineData(17)]
    [InlineData(500)]
    public void Apply_LinearSpectrum_ReturnsTheLineItself(int n)
    {
        // A straight line has zero second differences and zero residual, so it is the exact minimiser for any weights.
        // Tolerance: the system's condition number is ~16λ / min(p, 1 - p) = 1.6e8, so rounding reaches ~1e-8 here.
        double[] spectrum = Enumerable.Range(0, n).Select(i => 12.5 - (0.75 * i)).ToArray();
        var plan = new AsymmetricLeastSquaresBaseline(n);
        var baseline = new double[n];

        plan.Apply(spectrum, baseline, new double[plan.ScratchLength]);

        Tolerance.AssertClose(spectrum, baseline, rel: 0, abs: 1e-6, what: "line");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Apply_FewerThanThreeChannels_ReturnsSpectrum(int n)
    {
        double[] spectrum = new[] { 3.0, -1.0 }[..n];
        var plan = new AsymmetricLeastSquaresBaseline(n);
        var baseline = new double[n];

        plan.Apply(spectrum, baseline, new double[plan.ScratchLength]);

        Assert.Equal(spectrum, baseline);
    }

    [Fact]
    public void Apply_OneIteration_SolvesTheUnweightedWhittakerSmoother()
    {
        // With weights 1 the solution satisfies (I + λDᵀD) z = y; check the residual of that system directly.
        const int n = 64;
        var rng = new Random(5);
        double[] y = Enumerable.Range(0, n).Select(_ => rng.NextDouble() * 10.0).ToArray();
        const double lambda = 30.0;
        var plan = new AsymmetricLeastSquaresBaseline(n, lambda, 0.01, iterations: 1);
        var z = new double[n];

        plan.Apply(y, z, new double[plan.ScratchLength]);

        var dz = new double[n - 2];
        for (int k = 0; k < n - 2; k++)
        {
            dz[k] = z[k] - (2 * z[k + 1]) + z[k + 2];
        }

        var lhs = new double[n];
        for (int i = 0; i < n; i++)
        {
            double penalty = 0;
            for (int k = Math.Max(0, i - 2); k <= Math.Min(n - 3, i); k++)
            {
                penalty += dz[k] * (i - k == 1 ? -2.0 : 1.0);
            }

            lhs[i] = z[i] + (lambda * penalty);
        }

        Tolerance.AssertClose(y, lhs, rel: 0, abs: 1e-9, what: "(I + λDᵀD) z");
    }

    [Fact]
    public void Apply_PeaksOnFlatBackground_BaselineStaysNearBackground()
    {
        const int n = 1000;
        double[] y = Enumerable.Range(0, n).Select(i => 100.0 + (500.0 / (1.0 + Math.Pow((i - 400) / 3.0, 2)))).ToArray();
        var plan = new AsymmetricLeastSquaresBaseline(n, 1e5, 0.001, 20);
        var z = new double[n];

        plan.Apply(y, z, new double[plan.ScratchLength]);

        Assert.InRange(z[400], 95.0, 110.0);
        Assert.InRange(z[100], 95.0, 105.0);
    }

    /// <summary>
    /// The Vector256 batch path (four spectra per vector) against the scalar reference, row by row, over batch sizes that
    /// hit 0, 1, V - 1, V, V + 1 and 2V + 3 rows and channel counts down to 1. Documented tolerance: equal up to
    /// 1e-12 of the spectrum's scale (the lanes repeat the scalar operations, so the results are in fact identical).
    /// </summary>
    [Theory]
    [Trait("Category", "Simd")]
    [InlineData(0, 288)]
    [InlineData(1, 288)]
    [InlineData(3, 288)]
    [InlineData(4, 288)]
    [InlineData(5, 288)]
    [InlineData(11, 288)]
    [InlineData(4, 1)]
    [InlineData(4, 2)]
    [InlineData(5, 3)]
    [InlineData(9, 2000)]
    public void ApplyBatch_RandomSpectra_EqualsScalarPerRow(int rows, int channels)
    {
        var rng = new Random((rows * 1000) + channels);
        var spectra = new double[rows * channels];
        for (int i = 0; i < spectra.Length; i++)
        {
            int c = i % channels;
            spectra[i] = 100.0 + (50.0 * Math.Sin(c / 97.0)) + (rng.NextDouble() * 10.0) + (rng.Next(50) == 0 ? 500.0 : 0.0);
        }

        var plan = new AsymmetricLeastSquaresBaseline(channels, 1e4, 0.02, 12);
        var batch = new double[rows * channels];
        var expected = new double[rows * channels];
        var scratch = new double[plan.ScratchLength];

        plan.ApplyBatch(new(spectra, rows, channels), new MatrixSpan<double>(batch, rows, channels),
            new double[AsymmetricLeastSquaresBaseline.GetBatchScratchLength(channels)]);
        for (int r = 0; r < rows; r++)
        {
            plan.Apply(spectra.AsSpan(r * channels, channels), expected.AsSpan(r * channels, channels), scratch);
        }

        double scale = rows == 0 ? 0 : spectra.Max(Math.Abs);
        Tolerance.AssertClose(expected, batch, 0, 1e-12 * scale, "batch vs scalar");
    }

    [Fact]
    public void ApplyBatch_ShortScratch_Throws()
    {
        var plan = new AsymmetricLeastSquaresBaseline(10);
        var ex = Assert.Throws<ArgumentException>(() =>
            plan.ApplyBatch(new(new double[40], 4, 10), new MatrixSpan<double>(new double[40], 4, 10), new double[239]));
        Assert.Equal("scratch.Length", ex.ParamName);
    }

    [Theory]
    [InlineData(0, 1e5, 0.01, 10, "channelCount")]
    [InlineData(10, 0.0, 0.01, 10, "lambda")]
    [InlineData(10, double.NaN, 0.01, 10, "lambda")]
    [InlineData(10, 1e5, 0.0, 10, "asymmetry")]
    [InlineData(10, 1e5, 1.0, 10, "asymmetry")]
    [InlineData(10, 1e5, double.NaN, 10, "asymmetry")]
    [InlineData(10, 1e5, 0.01, 0, "iterations")]
    public void Constructor_InvalidParameter_ThrowsNamingIt(int n, double lambda, double p, int iterations, string parameter)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new AsymmetricLeastSquaresBaseline(n, lambda, p, iterations));
        Assert.Equal(parameter, ex.ParamName);
    }

    [Fact]
    public void Apply_WrongSpectrumLength_Throws()
    {
        var plan = new AsymmetricLeastSquaresBaseline(10);
        var ex = Assert.Throws<ArgumentException>(() => plan.Apply(new double[9], new double[10], new double[40]));
        Assert.Equal("spectrum.Length", ex.ParamName);
    }

    [Fact]
    public void Apply_ShortScratch_Throws()
    {
        var plan = new AsymmetricLeastSquaresBaseline(10);
        var ex = Assert.Throws<ArgumentException>(() => plan.Apply(new double[10], new double[10], new double[39]));
        Assert.Equal("scratch.Length", ex.ParamName);
    }

    [Fact]
    public void Apply_NaNInSpectrum_ThrowsNamingSpectrum()
    {
        var plan = new AsymmetricLeastSquaresBaseline(10);
        var y = new double[10];
        y[4] = double.NaN;
        var ex = Assert.Throws<ArgumentException>(() => plan.Apply(y, new double[10], new double[40]));
        Assert.Equal("spectrum", ex.ParamName);
    }

    [Fact]
    public void Apply_BaselineAliasesSpectrum_Throws()
    {
        var plan = new AsymmetricLeastSquaresBaseline(10);
        var buffer = new double[10];
        Assert.Throws<ArgumentException>(() => plan.Apply(buffer, buffer, new double[40]));
    }

    private static double[] Column(double[] data, int rows, int column)
    {
        int columns = data.Length / rows;
        var result = new double[rows];
        for (int r = 0; r < rows; r++)
        {
            result[r] = data[(r * columns) + column];
        }

        return result;
    }
}
