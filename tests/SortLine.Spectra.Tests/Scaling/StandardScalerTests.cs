using FsCheck.Xunit;
using SortLine.Spectra.Scaling;
using SortLine.Testing;

namespace SortLine.Spectra.Tests.Scaling;

public sealed class StandardScalerTests
{
    private const double Rel = 1e-12;

    [Theory]
    [InlineData("standard", true, true)]
    [InlineData("standard_nomean", false, true)]
    [InlineData("standard_nostd", true, false)]
    public void Fit_SyntheticFeatures_ParametersMatchSklearn(string golden, bool withMean, bool withStd)
    {
        var (x, rows, cols) = GoldenFile.ReadMatrix("stats/scaler_features.csv");
        var (p, _, _) = GoldenFile.ReadMatrix($"stats/scaler_{golden}_params.csv");
        var scaler = new StandardScaler(withMean, withStd);

        scaler.Fit(new ReadOnlyMatrixSpan<double>(x, rows, cols));

        if (withStd)
        {
            Tolerance.AssertClose(p.AsSpan(0, cols), scaler.Mean, Rel, 1e-300, "mean");
            Tolerance.AssertClose(p.AsSpan(cols, cols), scaler.Variance, Rel, 1e-300, "variance");
        }

        Tolerance.AssertClose(p.AsSpan(2 * cols, cols), scaler.Scale, Rel, 0, "scale");
    }

    [Theory]
    [InlineData("standard", true, true)]
    [InlineData("standard_nomean", false, true)]
    [InlineData("standard_nostd", true, false)]
    public void Transform_SyntheticFeatures_MatchesSklearn(string golden, bool withMean, bool withStd)
    {
        var (x, rows, cols) = GoldenFile.ReadMatrix("stats/scaler_features.csv");
        var (expected, _, _) = GoldenFile.ReadMatrix($"stats/scaler_{golden}_transformed.csv");
        var scaler = new StandardScaler(withMean, withStd);
        scaler.Fit(new ReadOnlyMatrixSpan<double>(x, rows, cols));
        var actual = new double[x.Length];

        scaler.Transform(new ReadOnlyMatrixSpan<double>(x, rows, cols), new MatrixSpan<double>(actual, rows, cols));

        Tolerance.AssertClose(expected, actual, Rel, 1e-12, "transformed");
    }

    [Fact]
    public void Fit_RealSpectra_ParametersAndTransformMatchSklearn()
    {
        var (x, rows, cols) = GoldenFile.ReadMatrix("stats/spectra_mix.csv");
        var (p, _, _) = GoldenFile.ReadMatrix("stats/scaler_spectra_params.csv");
        var (head, headRows, _) = GoldenFile.ReadMatrix("stats/scaler_spectra_transformed_head.csv");
        var scaler = new StandardScaler();

        scaler.Fit(new ReadOnlyMatrixSpan<double>(x, rows, cols));
        var actual = new double[headRows * cols];
        scaler.Transform(new ReadOnlyMatrixSpan<double>(x.AsSpan(0, headRows * cols), headRows, cols),
            new MatrixSpan<double>(actual, headRows, cols));

        Tolerance.AssertClose(p.AsSpan(0, cols), scaler.Mean, Rel, 0, "mean");
        Tolerance.AssertClose(p.AsSpan(cols, cols), scaler.Variance, Rel, 0, "variance");
        Tolerance.AssertClose(p.AsSpan(2 * cols, cols), scaler.Scale, Rel, 0, "scale");
        Tolerance.AssertClose(head, actual, Rel, 1e-12, "transformed head");
    }

    [Fact]
    public void Fit_ConstantColumn_ScaleIsOneAndTransformIsZero()
    {
        double[] x = [1, 7.25, 2, 7.25, 4, 7.25];
        var scaler = new StandardScaler();

        scaler.Fit(new ReadOnlyMatrixSpan<double>(x, 3, 2));
        var z = new double[2];
        scaler.Transform(x.AsSpan(0, 2), z);

        Assert.Equal(1.0, scaler.Scale[1]);
        Assert.Equal(0.0, z[1]);
    }

    [Property(Replay = "(20240611,7)", MaxTest = 200)]
    public void InverseTransform_OfTransform_ReturnsInput(int seed, byte rowsRaw, byte colsRaw, bool withMean, bool withStd)
    {
        int rows = 1 + (rowsRaw % 30), cols = 1 + (colsRaw % 12);
        double[] x = RandomMatrix(seed, rows, cols);
        var scaler = new StandardScaler(withMean, withStd);
        scaler.Fit(new ReadOnlyMatrixSpan<double>(x, rows, cols));
        var z = new double[x.Length];
        var back = new double[x.Length];

        scaler.Transform(new ReadOnlyMatrixSpan<double>(x, rows, cols), new MatrixSpan<double>(z, rows, cols));
        scaler.InverseTransform(new ReadOnlyMatrixSpan<double>(z, rows, cols), new MatrixSpan<double>(back, rows, cols));

        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < cols; c++)
            {
                double tol = 1e-12 * (Math.Abs(scaler.Mean[c]) + scaler.Scale[c] + Math.Abs(x[(r * cols) + c]));
                Assert.InRange(back[(r * cols) + c], x[(r * cols) + c] - tol, x[(r * cols) + c] + tol);
            }
        }
    }

    [Property(Replay = "(12345,6789)", MaxTest = 200)]
    public void Transform_TrainingData_ColumnsHaveMeanZeroAndStdOneOrAreConstant(int seed, byte rowsRaw, byte colsRaw)
    {
        int rows = 2 + (rowsRaw % 40), cols = 1 + (colsRaw % 10);
        double[] x = RandomMatrix(seed, rows, cols);
        var scaler = new StandardScaler();
        scaler.Fit(new ReadOnlyMatrixSpan<double>(x, rows, cols));
        var z = new double[x.Length];

        scaler.Transform(new ReadOnlyMatrixSpan<double>(x, rows, cols), new MatrixSpan<double>(z, rows, cols));

        for (int c = 0; c < cols; c++)
        {
            double mean = 0, sq = 0;
            for (int r = 0; r < rows; r++)
            {
                mean += z[(r * cols) + c];
            }

            mean /= rows;
            for (int r = 0; r < rows; r++)
            {
                sq += Math.Pow(z[(r * cols) + c] - mean, 2);
            }

            bool constant = true;
            for (int r = 1; r < rows; r++)
            {
                constant &= x[(r * cols) + c] == x[c];
            }

            Assert.InRange(mean, -1e-9, 1e-9);
            Assert.InRange(Math.Sqrt(sq / rows), constant ? 0 : 1 - 1e-9, constant ? 0 : 1 + 1e-9);
        }
    }

    [Fact]
    public void Transform_BeforeFit_ThrowsInvalidOperation()
    {
        var scaler = new StandardScaler();

        Assert.Throws<InvalidOperationException>(() => scaler.Transform(new double[3], new double[3]));
    }

    [Fact]
    public void Mean_BeforeFit_ThrowsInvalidOperation()
    {
        var scaler = new StandardScaler();

        Assert.Throws<InvalidOperationException>(() => scaler.Mean.Length);
    }

    [Fact]
    public void Transform_WrongColumnCount_ThrowsNamingX()
    {
        var scaler = new StandardScaler();
        scaler.Fit(new ReadOnlyMatrixSpan<double>([1, 2, 3, 4], 2, 2));

        var ex = Assert.Throws<ArgumentException>(() => scaler.Transform(new double[3], new double[3]));

        Assert.Equal("x", ex.ParamName);
    }

    [Fact]
    public void InverseTransform_MatrixWrongColumnCount_ThrowsNamingData()
    {
        var scaler = new StandardScaler();
        scaler.Fit(new ReadOnlyMatrixSpan<double>([1, 2, 3, 4], 2, 2));

        var ex = Assert.Throws<ArgumentException>(() => scaler.InverseTransform(
            new ReadOnlyMatrixSpan<double>(new double[6], 2, 3), new MatrixSpan<double>(new double[6], 2, 3)));

        Assert.Equal("data", ex.ParamName);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Fit_NonFiniteValue_ThrowsNamingData(double bad)
    {
        var scaler = new StandardScaler();

        var ex = Assert.Throws<ArgumentException>(() => scaler.Fit(new ReadOnlyMatrixSpan<double>([1, 2, bad, 4], 2, 2)));

        Assert.Equal("data", ex.ParamName);
        Assert.False(scaler.IsFitted);
    }

    [Fact]
    public void FromParameters_FittedParameters_TransformsLikeTheFittedScaler()
    {
        var (x, rows, cols) = GoldenFile.ReadMatrix("stats/scaler_features.csv");
        var fitted = new StandardScaler();
        fitted.Fit(new ReadOnlyMatrixSpan<double>(x, rows, cols));
        var restored = StandardScaler.FromParameters(fitted.Mean, fitted.Variance, fitted.Scale);
        var a = new double[cols];
        var b = new double[cols];

        fitted.Transform(x.AsSpan(0, cols), a);
        restored.Transform(x.AsSpan(0, cols), b);

        Assert.Equal(a, b);
    }

    [Fact]
    public void Transform_OneRow_DoesNotAllocate()
    {
        var scaler = new StandardScaler();
        scaler.Fit(new ReadOnlyMatrixSpan<double>([1, 2, 3, 5, 8, 13], 3, 2));
        var row = new double[] { 4, 4 };
        var z = new double[2];

        AllocationAssert.NoAllocations(() =>
        {
            scaler.Transform(row, z);
            scaler.InverseTransform(z, row);
        });
    }

    /// <summary>Columns with different offsets and scales (some constant), from a seeded generator.</summary>
    internal static double[] RandomMatrix(int seed, int rows, int cols)
    {
        var random = new Random(seed);
        var x = new double[rows * cols];
        for (int c = 0; c < cols; c++)
        {
            double offset = (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-3, 4));
            double spread = random.Next(5) == 0 ? 0 : Math.Pow(10, random.Next(-3, 4));
            for (int r = 0; r < rows; r++)
            {
                x[(r * cols) + c] = offset + (spread * (random.NextDouble() - 0.5));
            }
        }

        return x;
    }
}
