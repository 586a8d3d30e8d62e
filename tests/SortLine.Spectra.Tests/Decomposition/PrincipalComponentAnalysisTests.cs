using FsCheck.Xunit;
using SortLine.Spectra.Decomposition;
using SortLine.Testing;

namespace SortLine.Spectra.Tests.Decomposition;

public sealed class PrincipalComponentAnalysisTests
{
    [Theory]
    [InlineData("wide")]
    [InlineData("tall")]
    public void Fit_RealSpectra_SpectrumMatchesSklearn(string golden)
    {
        var (x, rows, cols) = LoadData(golden);
        var (spectrum, rank, _) = GoldenFile.ReadMatrix($"stats/pca_{golden}_spectrum.csv");
        var pca = new PrincipalComponentAnalysis();

        pca.Fit(new ReadOnlyMatrixSpan<double>(x, rows, cols));

        Assert.Equal(rank, pca.ComponentCount);
        double sMax = spectrum[0];
        Tolerance.AssertClose(Column(spectrum, 3, 0), pca.SingularValues, 1e-9, 1e-12 * sMax, "singular values");
        Tolerance.AssertClose(Column(spectrum, 3, 1), pca.ExplainedVariance, 1e-9, 1e-12 * sMax * sMax, "explained variance");
        Tolerance.AssertClose(Column(spectrum, 3, 2), pca.ExplainedVarianceRatio, 1e-9, 1e-13, "explained variance ratio");
        Tolerance.AssertClose(GoldenFile.ReadVector($"stats/pca_{golden}_mean.csv"), pca.Mean, 1e-12, 0, "mean");
    }

    [Theory]
    [InlineData("wide")]
    [InlineData("tall")]
    public void Fit_RealSpectra_ComponentsMatchSklearnUpToSign(string golden)
    {
        var (x, rows, cols) = LoadData(golden);
        var (expected, compared, _) = GoldenFile.ReadMatrix($"stats/pca_{golden}_components.csv");
        var pca = new PrincipalComponentAnalysis();

        pca.Fit(new ReadOnlyMatrixSpan<double>(x, rows, cols));

        for (int j = 0; j < compared; j++)
        {
            ReadOnlySpan<double> e = expected.AsSpan(j * cols, cols);
            double[] a = pca.Components.Row(j).ToArray();
            if (Dot(e, a) < 0)
            {
                Negate(a);
            }

            Tolerance.AssertClose(e, a, 0, 1e-9, $"component {j}");
        }
    }

    [Theory]
    [InlineData("wide")]
    [InlineData("tall")]
    public void Fit_RealSpectra_SignConventionMatchesSklearnSvdFlip(string golden)
    {
        var (x, rows, cols) = LoadData(golden);
        var (expected, compared, _) = GoldenFile.ReadMatrix($"stats/pca_{golden}_components.csv");
        var pca = new PrincipalComponentAnalysis();

        pca.Fit(new ReadOnlyMatrixSpan<double>(x, rows, cols));

        for (int j = 0; j < compared; j++)
        {
            Assert.True(Dot(expected.AsSpan(j * cols, cols), pca.Components.Row(j)) > 0, $"component {j} has the opposite sign");
        }
    }

    [Theory]
    [InlineData("wide")]
    [InlineData("tall")]
    public void ComponentsForVariance_RealSpectra_MatchesSklearnFractionalNComponents(string golden)
    {
        var (x, rows, cols) = LoadData(golden);
        int expected = GoldenFile.ReadJson($"stats/pca_{golden}.json").GetProperty("n_components_98").GetInt32();
        var pca = new PrincipalComponentAnalysis();
        pca.Fit(new ReadOnlyMatrixSpan<double>(x, rows, cols));

        int actual = pca.ComponentsForVariance(0.98);

        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData("wide")]
    [InlineData("tall")]
    public void Transform_RealSpectra_ScoresMatchSklearnUpToSign(string golden)
    {
        var (x, rows, cols) = LoadData(golden);
        var (expected, _, k) = GoldenFile.ReadMatrix($"stats/pca_{golden}_scores.csv");
        var pca = new PrincipalComponentAnalysis(k);
        pca.Fit(new ReadOnlyMatrixSpan<double>(x, rows, cols));
        var scores = new double[rows * k];

        pca.Transform(new ReadOnlyMatrixSpan<double>(x, rows, cols), new MatrixSpan<double>(scores, rows, k));

        for (int j = 0; j < k; j++)
        {
            double[] e = Column(expected, k, j), a = Column(scores, k, j);
            if (Dot(e, a) < 0)
            {
                Negate(a);
            }

            Tolerance.AssertClose(e, a, 1e-9, 1e-9 * MaxAbs(e), $"scores of component {j}");
        }
    }

    [Theory]
    [InlineData("wide")]
    [InlineData("tall")]
    public void InverseTransform_ReducedModel_ReconstructionMatchesSklearn(string golden)
    {
        var (x, rows, cols) = LoadData(golden);
        var (expected, headRows, _) = GoldenFile.ReadMatrix($"stats/pca_{golden}_reconstructed_head.csv");
        int k = GoldenFile.ReadJson($"stats/pca_{golden}.json").GetProperty("n_components_98").GetInt32();
        var pca = new PrincipalComponentAnalysis(k);
        pca.Fit(new ReadOnlyMatrixSpan<double>(x, rows, cols));
        var scores = new double[headRows * k];
        var back = new double[headRows * cols];

        pca.Transform(new ReadOnlyMatrixSpan<double>(x.AsSpan(0, headRows * cols), headRows, cols), new MatrixSpan<double>(scores, headRows, k));
        pca.InverseTransform(new ReadOnlyMatrixSpan<double>(scores, headRows, k), new MatrixSpan<double>(back, headRows, cols));

        Tolerance.AssertClose(expected, back, 1e-9, 1e-12, "reconstruction");
    }

    [Property(Replay = "(777,99)", MaxTest = 60)]
    public void InverseTransform_AllComponents_ReturnsInput(int seed, byte rowsRaw, byte colsRaw)
    {
        int rows = 2 + (rowsRaw % 25), cols = 1 + (colsRaw % 20);
        double[] x = RandomMatrix(seed, rows, cols);
        var pca = new PrincipalComponentAnalysis();
        pca.Fit(new ReadOnlyMatrixSpan<double>(x, rows, cols));
        var scores = new double[pca.ComponentCount];
        var back = new double[cols];

        for (int r = 0; r < rows; r++)
        {
            pca.Transform(x.AsSpan(r * cols, cols), scores);
            pca.InverseTransform(scores, back);
            // All min(rows, cols) components are kept, and the centred training rows span at most that many
            // dimensions, so every training sample is reconstructed exactly.
            Tolerance.AssertClose(x.AsSpan(r * cols, cols), back, 0, 1e-10, $"row {r}");
        }
    }

    [Property(Replay = "(2718,29)", MaxTest = 60)]
    public void Fit_RandomData_ComponentsAreOrthonormalAndVarianceDecreasing(int seed, byte rowsRaw, byte colsRaw)
    {
        int rows = 2 + (rowsRaw % 25), cols = 1 + (colsRaw % 20);
        double[] x = RandomMatrix(seed, rows, cols);
        var pca = new PrincipalComponentAnalysis();

        pca.Fit(new ReadOnlyMatrixSpan<double>(x, rows, cols));

        for (int i = 0; i < pca.ComponentCount; i++)
        {
            for (int j = 0; j < pca.ComponentCount; j++)
            {
                double dot = Dot(pca.Components.Row(i), pca.Components.Row(j));
                Assert.InRange(dot, (i == j ? 1 : 0) - 1e-10, (i == j ? 1 : 0) + 1e-10);
            }

            if (i > 0)
            {
                Assert.True(pca.ExplainedVariance[i] <= pca.ExplainedVariance[i - 1]);
            }
        }

        Assert.InRange(pca.ExplainedVarianceRatio.ToArray().Sum(), 1 - 1e-12, 1 + 1e-12);
    }

    [Fact]
    public void ComponentsForVariance_KnownVariances_ReturnsFirstCountStrictlyAbove()
    {
        // Orthogonal axes with variance ratios 0.5, 0.3, 0.2 (samples ±a along each axis).
        double a = Math.Sqrt(5), b = Math.Sqrt(3), c = Math.Sqrt(2);
        double[] x = [a, 0, 0, -a, 0, 0, 0, b, 0, 0, -b, 0, 0, 0, c, 0, 0, -c];
        var pca = new PrincipalComponentAnalysis();
        pca.Fit(new ReadOnlyMatrixSpan<double>(x, 6, 3));

        Assert.Equal(1, pca.ComponentsForVariance(0.4));
        Assert.Equal(2, pca.ComponentsForVariance(0.75));
        Assert.Equal(3, pca.ComponentsForVariance(0.95));
        Assert.Equal(3, pca.ComponentsForVariance(1.0));
    }

    [Fact]
    public void Transform_BeforeFit_ThrowsInvalidOperation()
    {
        var pca = new PrincipalComponentAnalysis();

        Assert.Throws<InvalidOperationException>(() => pca.Transform(new double[3], new double[1]));
    }

    [Fact]
    public void Transform_WrongFeatureCount_ThrowsNamingX()
    {
        var pca = new PrincipalComponentAnalysis(1);
        pca.Fit(new ReadOnlyMatrixSpan<double>([1, 2, 3, 5, 8, 13], 3, 2));

        var ex = Assert.Throws<ArgumentException>(() => pca.Transform(new double[3], new double[1]));

        Assert.Equal("x", ex.ParamName);
    }

    [Fact]
    public void Fit_MoreComponentsThanRank_ThrowsOutOfRange()
    {
        var pca = new PrincipalComponentAnalysis(3);

        Assert.Throws<ArgumentOutOfRangeException>(() => pca.Fit(new ReadOnlyMatrixSpan<double>([1, 2, 3, 5, 8, 13], 3, 2)));
    }

    [Fact]
    public void Fit_NaN_ThrowsNamingData()
    {
        var pca = new PrincipalComponentAnalysis();

        var ex = Assert.Throws<ArgumentException>(() => pca.Fit(new ReadOnlyMatrixSpan<double>([1, 2, double.NaN, 5], 2, 2)));

        Assert.Equal("data", ex.ParamName);
    }

    [Fact]
    public void Fit_IdenticalRows_ThrowsZeroVariance()
    {
        var pca = new PrincipalComponentAnalysis();

        Assert.Throws<ArgumentException>(() => pca.Fit(new ReadOnlyMatrixSpan<double>([1, 2, 1, 2], 2, 2)));
    }

    [Fact]
    public void Transform_OneSample_DoesNotAllocate()
    {
        var pca = new PrincipalComponentAnalysis(2);
        pca.Fit(new ReadOnlyMatrixSpan<double>(RandomMatrix(5, 10, 6), 10, 6));
        var x = new double[6];
        var scores = new double[2];

        AllocationAssert.NoAllocations(() =>
        {
            pca.Transform(x, scores);
            pca.InverseTransform(scores, x);
        });
    }

    /// <summary>"wide": the 200 x 288 spectra; "tall": every 8th band of them (200 x 36), as the generator slices them.</summary>
    private static (double[] X, int Rows, int Cols) LoadData(string golden)
    {
        var (x, rows, cols) = GoldenFile.ReadMatrix("stats/spectra_mix.csv");
        if (golden == "wide")
        {
            return (x, rows, cols);
        }

        int tallCols = (cols + 7) / 8;
        var tall = new double[rows * tallCols];
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < tallCols; c++)
            {
                tall[(r * tallCols) + c] = x[(r * cols) + (8 * c)];
            }
        }

        return (tall, rows, tallCols);
    }

    private static double[] Column(double[] matrix, int columns, int column)
    {
        var result = new double[matrix.Length / columns];
        for (int r = 0; r < result.Length; r++)
        {
            result[r] = matrix[(r * columns) + column];
        }

        return result;
    }

    private static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double s = 0;
        for (int i = 0; i < a.Length; i++)
        {
            s += a[i] * b[i];
        }

        return s;
    }

    private static void Negate(double[] a)
    {
        for (int i = 0; i < a.Length; i++)
        {
            a[i] = -a[i];
        }
    }

    private static double MaxAbs(double[] a) => a.Max(Math.Abs);

    private static double[] RandomMatrix(int seed, int rows, int cols)
    {
        var random = new Random(seed);
        var x = new double[rows * cols];
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = (random.NextDouble() - 0.5) * (1 + (i % cols));
        }

        return x;
    }
}
