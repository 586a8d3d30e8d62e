using FsCheck.Xunit;
using SortLine.Spectra.Regression;

namespace SortLine.Spectra.Tests.Regression;

public sealed class AffineModelTests
{
    /// <summary>
    /// The collapsed map reproduces <see cref="PlsModel.Predict(ReadOnlySpan{double}, Span{double})"/>: centred
    /// form within 1e-13 · (|ȳ_j| + Σᵢ |B_ij zᵢ|) and the plain W x + b form within 1e-13 · (|b_j| + Σᵢ |W_ji xᵢ|)
    /// (the natural scale of each sum's rounding), on random data, components and scaling.
    /// </summary>
    [Property(Replay = "(4242,17)", MaxTest = 60)]
    public void ToAffine_AnyModel_ReproducesPredict(int seed)
    {
        var rng = new Random(seed);
        int p = rng.Next(1, 40), q = rng.Next(1, 6), n = p + 3 + rng.Next(0, 40), a = rng.Next(1, p + 1);
        bool scale = rng.Next(2) == 0;
        (double[] x, double[] y) = PlsTestData.Create(rng, n, p, q);
        PlsModel model = PlsRegression.Fit(new ReadOnlyMatrixSpan<double>(x, n, p), new ReadOnlyMatrixSpan<double>(y, n, q),
            new PlsOptions { Components = a, Scale = scale });

        AffineModel affine = model.ToAffine();

        var expected = new double[q];
        var centred = new double[q];
        for (int r = 0; r < n; r++)
        {
            ReadOnlySpan<double> row = x.AsSpan(r * p, p);
            model.Predict(row, expected);
            affine.Evaluate(row, centred);
            for (int j = 0; j < q; j++)
            {
                double scaleCentred = Math.Abs(model.YMean[j]), scalePlain = Math.Abs(affine.Bias[j]), plain = affine.Bias[j];
                for (int i = 0; i < p; i++)
                {
                    scaleCentred += Math.Abs(model.Coefficients[i, j] * (row[i] - model.XMean[i]) / model.XStd[i]);
                    scalePlain += Math.Abs(affine.Weights[j, i] * row[i]);
                    plain += affine.Weights[j, i] * row[i];
                }

                Assert.True(Math.Abs(centred[j] - expected[j]) <= 1e-13 * scaleCentred,
                    $"seed {seed}: centred {centred[j]:R} vs predict {expected[j]:R}");
                Assert.True(Math.Abs(plain - expected[j]) <= 1e-13 * scalePlain,
                    $"seed {seed}: W x + b {plain:R} vs predict {expected[j]:R}");
            }
        }
    }

    [Fact]
    public void Create_WeightsAndBias_EvaluatesWxPlusB()
    {
        double[] w = [1, 2, 3, -1, 0, 0.5];
        double[] b = [0.25, -4];
        var model = AffineModel.Create(new ReadOnlyMatrixSpan<double>(w, 2, 3), b);
        var output = new double[2];

        model.Evaluate([1, 1, 2], output);

        Assert.Equal([1 + 2 + 6 + 0.25, -1 + 0 + 1 - 4], output);
        Assert.Equal(3, model.InputCount);
        Assert.Equal(2, model.OutputCount);
    }

    [Fact]
    public void Create_Centered_BiasIsCenterOutputMinusWTimesCenter()
    {
        double[] w = [1, 2, 3, -1, 0, 0.5];
        var model = AffineModel.Create(new ReadOnlyMatrixSpan<double>(w, 2, 3), [1, 0, 2], [10, 20]);

        Assert.Equal([10 - 7.0, 20 - 0.0], model.Bias.ToArray());
    }

    [Fact]
    public void Create_BiasLengthMismatch_Throws()
    {
        double[] w = [1, 2, 3, 4];

        Assert.Throws<ArgumentException>(() => AffineModel.Create(new ReadOnlyMatrixSpan<double>(w, 2, 2), [1.0]));
    }
}
