using System.Text.Json;
using SortLine.Spectra.Regression;

namespace SortLine.Spectra.Tests.Regression;

/// <summary>
/// PLS2 against scikit-learn 1.2.1 <c>PLSRegression</c> on mixtures of real USGS spectra (tests/golden/pls).
/// Tolerance: |Δ| ≤ 1e-10·|expected| + 1e-10·max|expected| per matrix (the issue asks for 1e-6 relative; the cases
/// also pass at 1e-12 on x64 AVX2, the margin covers other ISAs).
/// </summary>
public sealed class PlsRegressionGoldenTests
{
    private const double Rel = 1e-10;

    public static TheoryData<string, int, bool> Cases()
    {
        var data = new TheoryData<string, int, bool>();
        foreach (JsonElement c in GoldenFile.ReadJson("pls/cases.json").GetProperty("cases").EnumerateArray())
        {
            data.Add(c.GetProperty("kind").GetString()!, c.GetProperty("components").GetInt32(), c.GetProperty("scale").GetBoolean());
        }

        return data;
    }

    public static TheoryData<string, int, bool> DetailedCases()
    {
        var data = new TheoryData<string, int, bool>();
        foreach (JsonElement c in GoldenFile.ReadJson("pls/cases.json").GetProperty("cases").EnumerateArray())
        {
            if (c.GetProperty("detailed").GetBoolean())
            {
                data.Add(c.GetProperty("kind").GetString()!, c.GetProperty("components").GetInt32(), c.GetProperty("scale").GetBoolean());
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Fit_UsgsMixtures_CoefficientsMatchScikitLearn(string kind, int components, bool scale)
    {
        string name = PlsGolden.CaseName(kind, components, scale);
        var expected = GoldenFile.ReadMatrix($"pls/{name}_coef.csv");

        PlsModel model = PlsGolden.Fit(kind, components, scale);

        Assert.Equal(expected.Rows, model.Coefficients.Rows);
        Assert.Equal(expected.Columns, model.Coefficients.Columns);
        AssertMatrixClose(expected.Data, model.Coefficients.Span, $"{name} coef_");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Predict_UsgsMixtures_MatchesScikitLearn(string kind, int components, bool scale)
    {
        string name = PlsGolden.CaseName(kind, components, scale);
        var expected = GoldenFile.ReadMatrix($"pls/{name}_pred.csv");
        var x = PlsGolden.XTest;
        PlsModel model = PlsGolden.Fit(kind, components, scale);
        var actual = new double[x.Rows * model.TargetCount];

        model.Predict(new ReadOnlyMatrixSpan<double>(x.Data, x.Rows, x.Columns), new MatrixSpan<double>(actual, x.Rows, model.TargetCount));

        AssertMatrixClose(expected.Data, actual, $"{name} predict");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Fit_UsgsMixtures_PowerIterationCountsMatchScikitLearn(string kind, int components, bool scale)
    {
        string name = PlsGolden.CaseName(kind, components, scale);
        int[] expected = GoldenFile.ReadJson("pls/cases.json").GetProperty("cases").EnumerateArray()
            .Single(c => c.GetProperty("name").GetString() == name)
            .GetProperty("n_iter").EnumerateArray().Select(e => e.GetInt32()).ToArray();

        PlsModel model = PlsGolden.Fit(kind, components, scale);

        Assert.Equal(expected, model.IterationCounts.ToArray());
    }

    [Theory]
    [MemberData(nameof(DetailedCases))]
    public void Fit_UsgsMixtures_WeightsLoadingsRotationsMatchUpToSign(string kind, int components, bool scale)
    {
        string name = PlsGolden.CaseName(kind, components, scale);
        PlsModel model = PlsGolden.Fit(kind, components, scale);

        AssertColumnsCloseUpToSign(GoldenFile.ReadMatrix($"pls/{name}_x_weights.csv"), model.XWeights, $"{name} x_weights_");
        AssertColumnsCloseUpToSign(GoldenFile.ReadMatrix($"pls/{name}_x_loadings.csv"), model.XLoadings, $"{name} x_loadings_");
        AssertColumnsCloseUpToSign(GoldenFile.ReadMatrix($"pls/{name}_x_rotations.csv"), model.XRotations, $"{name} x_rotations_");
        AssertColumnsCloseUpToSign(GoldenFile.ReadMatrix($"pls/{name}_y_loadings.csv"), model.YLoadings, $"{name} y_loadings_");
    }

    private static void AssertMatrixClose(ReadOnlySpan<double> expected, ReadOnlySpan<double> actual, string what) =>
        Tolerance.AssertClose(expected, actual, Rel, Rel * PlsGolden.MaxAbs(expected), what);

    /// <summary>Each column may be negated as a whole (the sign of a latent component is a convention).</summary>
    private static void AssertColumnsCloseUpToSign((double[] Data, int Rows, int Columns) expected, ReadOnlyMatrixSpan<double> actual, string what)
    {
        Assert.Equal(expected.Rows, actual.Rows);
        Assert.Equal(expected.Columns, actual.Columns);
        for (int k = 0; k < expected.Columns; k++)
        {
            var e = new double[expected.Rows];
            var a = new double[expected.Rows];
            double dot = 0;
            for (int r = 0; r < expected.Rows; r++)
            {
                e[r] = expected.Data[(r * expected.Columns) + k];
                a[r] = actual[r, k];
                dot += e[r] * a[r];
            }

            if (dot < 0)
            {
                for (int r = 0; r < a.Length; r++)
                {
                    a[r] = -a[r];
                }
            }

            Tolerance.AssertClose(e, a, Rel, Rel * PlsGolden.MaxAbs(e), $"{what} column {k}");
        }
    }
}
