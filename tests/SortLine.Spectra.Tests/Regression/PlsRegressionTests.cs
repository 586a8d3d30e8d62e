using FsCheck.Xunit;
using MathNet.Numerics.LinearAlgebra;
using SortLine.Spectra.Regression;

namespace SortLine.Spectra.Tests.Regression;

public sealed class PlsRegressionTests
{
    /// <summary>
    /// With A = p components on a full-rank X (n &gt; p), the PLS latent space is all of feature space, so PLS is
    /// ordinary least squares with intercept. Reference: MathNet QR solve of [1 X] β = Y. Tolerance:
    /// 1e-8 · (1 + max|β|) on coefficients and intercepts (random designs with n ≥ p + 2 have condition numbers
    /// up to ~1e3).
    /// </summary>
    [Property(Replay = "(20240607,11)", MaxTest = 60)]
    public void Fit_AllComponentsFullRank_EqualsOrdinaryLeastSquares(int seed)
    {
        var rng = new Random(seed);
        int p = rng.Next(1, 9), q = rng.Next(1, 4), n = p + 2 + rng.Next(0, 30);
        bool scale = rng.Next(2) == 0;
        (double[] x, double[] y) = PlsTestData.Create(rng, n, p, q);

        AffineModel pls = PlsRegression.Fit(new ReadOnlyMatrixSpan<double>(x, n, p), new ReadOnlyMatrixSpan<double>(y, n, q),
            new PlsOptions { Components = p, Scale = scale }).ToAffine();

        Matrix<double> design = Matrix<double>.Build.Dense(n, p + 1, (r, c) => c == 0 ? 1.0 : x[(r * p) + c - 1]);
        Matrix<double> beta = design.QR().Solve(Matrix<double>.Build.Dense(n, q, (r, c) => y[(r * q) + c]));
        double tol = 1e-8 * (1 + beta.Enumerate().Max(Math.Abs));
        for (int j = 0; j < q; j++)
        {
            Assert.True(Math.Abs(beta[0, j] - pls.Bias[j]) <= tol, $"seed {seed}: intercept {j}: {pls.Bias[j]} vs OLS {beta[0, j]}");
            for (int i = 0; i < p; i++)
            {
                Assert.True(Math.Abs(beta[i + 1, j] - pls.Weights[j, i]) <= tol,
                    $"seed {seed}, n={n} p={p} q={q} scale={scale}: coefficient ({i},{j}) {pls.Weights[j, i]} vs OLS {beta[i + 1, j]}");
            }
        }
    }

    /// <summary>Truncating an A-component model gives the same model as fitting fewer components (NIPALS is sequential).</summary>
    [Property(Replay = "(777,3)", MaxTest = 30)]
    public void Truncate_AnyComponentCount_EqualsFitWithThatCount(int seed)
    {
        var rng = new Random(seed);
        int p = rng.Next(2, 12), q = rng.Next(1, 5), n = p + 5 + rng.Next(0, 30), a = rng.Next(1, p + 1);
        bool scale = rng.Next(2) == 0;
        (double[] x, double[] y) = PlsTestData.Create(rng, n, p, q);
        var xs = new ReadOnlyMatrixSpan<double>(x, n, p);
        var ys = new ReadOnlyMatrixSpan<double>(y, n, q);

        PlsModel truncated = PlsRegression.Fit(xs, ys, new PlsOptions { Components = p, Scale = scale }).Truncate(a);
        PlsModel direct = PlsRegression.Fit(xs, ys, new PlsOptions { Components = a, Scale = scale });

        Tolerance.AssertClose(direct.Coefficients.Span, truncated.Coefficients.Span, 1e-12, 1e-12, $"seed {seed} coef");
        Tolerance.AssertClose(direct.XRotations.Span, truncated.XRotations.Span, 1e-12, 1e-12, $"seed {seed} rotations");
    }

    [Fact]
    public void Fit_ConstantY_NoComponentsAndPredictsTheConstant()
    {
        double[] x = [0.1, 0.5, 0.2, 0.4, 0.3, 0.9, 0.7, 0.1];
        double[] y = [2.5, 2.5, 2.5, 2.5];

        PlsModel model = PlsRegression.Fit(new ReadOnlyMatrixSpan<double>(x, 4, 2), new ReadOnlyMatrixSpan<double>(y, 4, 1),
            new PlsOptions { Components = 2 });
        var prediction = new double[1];
        model.Predict([0.3, 0.3], prediction);

        Assert.Equal(0, model.EffectiveComponentCount);
        Assert.Equal(2.5, prediction[0]);
    }

    [Fact]
    public void Fit_ConstantBand_GetsExactlyZeroCoefficient()
    {
        var rng = new Random(5);
        (double[] x, double[] y) = PlsTestData.Create(rng, 30, 4, 2);
        for (int r = 0; r < 30; r++)
        {
            x[(r * 4) + 2] = 0.1; // a dead band: 0.1 is not exactly representable, its mean must still centre to 0
        }

        PlsModel model = PlsRegression.Fit(new ReadOnlyMatrixSpan<double>(x, 30, 4), new ReadOnlyMatrixSpan<double>(y, 30, 2),
            new PlsOptions { Components = 3 });

        Assert.Equal(1.0, model.XStd[2]);
        Assert.Equal(0.0, model.Coefficients[2, 0]);
        Assert.Equal(0.0, model.Coefficients[2, 1]);
    }

    [Fact]
    public void Fit_MoreComponentsThanFeatures_ThrowsNamingOptions()
    {
        double[] x = [1, 2, 3, 4, 5, 7];
        double[] y = [1, 2, 4];

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => PlsRegression.Fit(new ReadOnlyMatrixSpan<double>(x, 3, 2),
            new ReadOnlyMatrixSpan<double>(y, 3, 1), new PlsOptions { Components = 3 }));

        Assert.Equal("options", ex.ParamName);
    }

    [Fact]
    public void Fit_NaNInX_ThrowsNamingX()
    {
        double[] x = [1, 2, double.NaN, 4, 5, 7];
        double[] y = [1, 2, 4];

        var ex = Assert.Throws<ArgumentException>(() => PlsRegression.Fit(new ReadOnlyMatrixSpan<double>(x, 3, 2),
            new ReadOnlyMatrixSpan<double>(y, 3, 1), new PlsOptions { Components = 1 }));

        Assert.Equal("x", ex.ParamName);
    }

    [Fact]
    public void Fit_RowCountMismatch_ThrowsNamingY()
    {
        double[] x = [1, 2, 3, 4, 5, 7];
        double[] y = [1, 2];

        var ex = Assert.Throws<ArgumentException>(() => PlsRegression.Fit(new ReadOnlyMatrixSpan<double>(x, 3, 2),
            new ReadOnlyMatrixSpan<double>(y, 2, 1), new PlsOptions { Components = 1 }));

        Assert.Equal("y", ex.ParamName);
    }

    [Fact]
    public void Fit_SingleSample_Throws()
    {
        double[] x = [1, 2];
        double[] y = [1];

        Assert.Throws<ArgumentOutOfRangeException>(() => PlsRegression.Fit(new ReadOnlyMatrixSpan<double>(x, 1, 2),
            new ReadOnlyMatrixSpan<double>(y, 1, 1), new PlsOptions { Components = 1 }));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void Components_LessThanOne_Throws(int components)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new PlsOptions { Components = components });
    }

    [Fact]
    public void Predict_NaNInput_Throws()
    {
        PlsModel model = PlsGolden.Fit("reg", 2, true);
        var input = new double[model.FeatureCount];
        input[3] = double.NaN;

        Assert.Throws<ArgumentException>(() => model.Predict(input, new double[model.TargetCount]));
    }
}
