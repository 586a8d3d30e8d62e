using FsCheck.Xunit;
using SortLine.Spectra.Scaling;

namespace SortLine.Spectra.Tests.Scaling;

public sealed class MaxAbsScalerTests
{
    private const double Rel = 1e-12;

    [Fact]
    public void Fit_SyntheticFeatures_ParametersMatchSklearn()
    {
        var (x, rows, cols) = GoldenFile.ReadMatrix("stats/scaler_features.csv");
        var (p, _, _) = GoldenFile.ReadMatrix("stats/scaler_maxabs_params.csv");
        var scaler = new MaxAbsScaler();

        scaler.Fit(new ReadOnlyMatrixSpan<double>(x, rows, cols));

        Tolerance.AssertClose(p.AsSpan(0, cols), scaler.MaxAbs, Rel, 0, "max_abs");
        Tolerance.AssertClose(p.AsSpan(cols, cols), scaler.Scale, Rel, 0, "scale");
    }

    [Fact]
    public void Transform_SyntheticFeatures_MatchesSklearn()
    {
        var (x, rows, cols) = GoldenFile.ReadMatrix("stats/scaler_features.csv");
        var (expected, _, _) = GoldenFile.ReadMatrix("stats/scaler_maxabs_transformed.csv");
        var scaler = new MaxAbsScaler();
        scaler.Fit(new ReadOnlyMatrixSpan<double>(x, rows, cols));
        var actual = new double[x.Length];

        scaler.Transform(new ReadOnlyMatrixSpan<double>(x, rows, cols), new MatrixSpan<double>(actual, rows, cols));

        Tolerance.AssertClose(expected, actual, Rel, 1e-15, "transformed");
    }

    [Fact]
    public void Fit_RealSpectra_ParametersMatchSklearn()
    {
        var (x, rows, cols) = GoldenFile.ReadMatrix("stats/spectra_mix.csv");
        var (p, _, _) = GoldenFile.ReadMatrix("stats/scaler_spectra_maxabs_params.csv");
        var scaler = new MaxAbsScaler();

        scaler.Fit(new ReadOnlyMatrixSpan<double>(x, rows, cols));

        Tolerance.AssertClose(p.AsSpan(0, cols), scaler.MaxAbs, Rel, 0, "max_abs");
        Tolerance.AssertClose(p.AsSpan(cols, cols), scaler.Scale, Rel, 0, "scale");
    }

    [Fact]
    public void Fit_ZeroColumn_ScaleIsOneAndValuesPassThrough()
    {
        double[] x = [0, -2, 0, 4];
        var scaler = new MaxAbsScaler();

        scaler.Fit(new ReadOnlyMatrixSpan<double>(x, 2, 2));
        var z = new double[2];
        scaler.Transform([0.5, -2], z);

        Assert.Equal(1.0, scaler.Scale[0]);
        Assert.Equal([0.5, -0.5], z);
    }

    [Property(Replay = "(424242,17)", MaxTest = 200)]
    public void InverseTransform_OfTransform_ReturnsInput(int seed, byte rowsRaw, byte colsRaw)
    {
        int rows = 1 + (rowsRaw % 30), cols = 1 + (colsRaw % 12);
        double[] x = StandardScalerTests.RandomMatrix(seed, rows, cols);
        var scaler = new MaxAbsScaler();
        scaler.Fit(new ReadOnlyMatrixSpan<double>(x, rows, cols));
        var z = new double[x.Length];
        var back = new double[x.Length];

        scaler.Transform(new ReadOnlyMatrixSpan<double>(x, rows, cols), new MatrixSpan<double>(z, rows, cols));
        scaler.InverseTransform(new ReadOnlyMatrixSpan<double>(z, rows, cols), new MatrixSpan<double>(back, rows, cols));

        Tolerance.AssertClose(x, back, 1e-15, 0, "round trip");
    }

    [Property(Replay = "(31337,5)", MaxTest = 200)]
    public void Transform_TrainingData_ColumnMaxAbsIsOne(int seed, byte rowsRaw, byte colsRaw)
    {
        int rows = 1 + (rowsRaw % 40), cols = 1 + (colsRaw % 10);
        double[] x = StandardScalerTests.RandomMatrix(seed, rows, cols);
        var scaler = new MaxAbsScaler();
        scaler.Fit(new ReadOnlyMatrixSpan<double>(x, rows, cols));
        var z = new double[x.Length];

        scaler.Transform(new ReadOnlyMatrixSpan<double>(x, rows, cols), new MatrixSpan<double>(z, rows, cols));

        for (int c = 0; c < cols; c++)
        {
            double max = 0;
            for (int r = 0; r < rows; r++)
            {
                max = Math.Max(max, Math.Abs(z[(r * cols) + c]));
            }

            bool zeroColumn = scaler.MaxAbs[c] < 10 * 2.220446049250313e-16;
            Assert.InRange(max, zeroColumn ? 0 : 1 - 1e-15, zeroColumn ? 1e-14 : 1 + 1e-15);
        }
    }

    [Fact]
    public void Transform_BeforeFit_ThrowsInvalidOperation()
    {
        var scaler = new MaxAbsScaler();

        Assert.Throws<InvalidOperationException>(() => scaler.Transform(new double[3], new double[3]));
    }

    [Fact]
    public void Transform_WrongColumnCount_ThrowsNamingX()
    {
        var scaler = new MaxAbsScaler();
        scaler.Fit(new ReadOnlyMatrixSpan<double>([1, 2, 3, 4], 2, 2));

        var ex = Assert.Throws<ArgumentException>(() => scaler.Transform(new double[3], new double[3]));

        Assert.Equal("x", ex.ParamName);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Fit_NonFiniteValue_ThrowsNamingData(double bad)
    {
        var scaler = new MaxAbsScaler();

        var ex = Assert.Throws<ArgumentException>(() => scaler.Fit(new ReadOnlyMatrixSpan<double>([1, bad], 1, 2)));

        Assert.Equal("data", ex.ParamName);
    }

    [Fact]
    public void FromParameters_NegativeMaxAbs_Throws()
    {
        Assert.Throws<ArgumentException>(() => MaxAbsScaler.FromParameters([1.0, -1.0]));
    }

    [Fact]
    public void FromParameters_FittedMaxAbs_RestoresScale()
    {
        var fitted = new MaxAbsScaler();
        fitted.Fit(new ReadOnlyMatrixSpan<double>([1, 0, -3, 0], 2, 2));

        var restored = MaxAbsScaler.FromParameters(fitted.MaxAbs);

        Assert.Equal(fitted.Scale.ToArray(), restored.Scale.ToArray());
    }
}
