using FsCheck.Xunit;
using SortLine.Spectra.Resampling;

namespace SortLine.Spectra.Tests.Resampling;

public sealed class BandResamplingPlanTests
{
    // Golden: spectral.BandResampler(library centres, target centres, library FWHM, target FWHM) applied to four USGS
    // spectra (2151 channels). Uncovered target bands (NaN in SPy) are 0 in the golden and flagged in its 'covered' column.
    // Tolerance 1e-13 relative (same formula; erf from MathNet instead of libm, different summation order).
    [Theory]
    [InlineData("camera288", false)]
    [InlineData("aviris224", true)]
    [InlineData("extended45", true)]
    public void Apply_UsgsSpectra_MatchesSpyBandResampler(string target, bool allowUncovered)
    {
        (double[] wl, double[] fwhm, double[] usgs, int columns) = Library();
        var (bands, rows, _) = GoldenFile.ReadMatrix($"preprocess/resample_{target}_bands.csv");
        var (expected, _, minerals) = GoldenFile.ReadMatrix($"preprocess/resample_{target}_spectra.csv");
        var plan = BandResamplingPlan.Create(wl, fwhm, Column(bands, 3, 0), Column(bands, 3, 1), allowUncovered);

        var actual = new double[rows];
        for (int m = 0; m < minerals; m++)
        {
            plan.Apply(Column(usgs, columns, 2 + m), actual);
            Tolerance.AssertClose(Column(expected, minerals, m), actual, rel: 1e-13, abs: 1e-15, what: $"{target} mineral {m}");
        }

        double[] covered = Column(bands, 3, 2);
        for (int i = 0; i < rows; i++)
        {
            Assert.Equal(covered[i] == 1.0, plan.Coverage[i]);
        }
    }

    [Fact]
    public void Create_NoSourceFwhm_MatchesSpyDerivedWidthsAndWeights()
    {
        (double[] wl, _, double[] usgs, int columns) = Library();
        var (bands, rows, _) = GoldenFile.ReadMatrix("preprocess/resample_camera288_nosrcfwhm_bands.csv");
        var (expected, _, minerals) = GoldenFile.ReadMatrix("preprocess/resample_camera288_nosrcfwhm_spectra.csv");

        var plan = BandResamplingPlan.Create(wl, [], Column(bands, 3, 0), Column(bands, 3, 1));

        AssertWeightsMatch(plan, "preprocess/resample_camera288_nosrcfwhm_weights.csv");
        var actual = new double[rows];
        plan.Apply(Column(usgs, columns, 2), actual);
        Tolerance.AssertClose(Column(expected, minerals, 0), actual, rel: 1e-13, abs: 1e-15, what: "resampled");
    }

    [Fact]
    public void Create_ExtendedCamera_WeightsMatchSpyAndUncoveredBandsAreZero()
    {
        (double[] wl, double[] fwhm, double[] usgs, int columns) = Library();
        var (bands, rows, _) = GoldenFile.ReadMatrix("preprocess/resample_extended45_bands.csv");

        var plan = BandResamplingPlan.Create(wl, fwhm, Column(bands, 3, 0), Column(bands, 3, 1), allowUncoveredBands: true);

        AssertWeightsMatch(plan, "preprocess/resample_extended45_weights.csv");
        var actual = new double[rows];
        plan.Apply(Column(usgs, columns, 3), actual);
        int uncovered = 0;
        for (int i = 0; i < rows; i++)
        {
            Assert.False(double.IsNaN(actual[i]));
            if (!plan.Coverage[i])
            {
                Assert.Equal(0.0, actual[i]);
                uncovered++;
            }
        }

        Assert.Equal(plan.UncoveredCount, uncovered);
        Assert.True(uncovered > 0);
    }

    [Fact]
    public void Create_UncoveredTargetBandNotAllowed_ThrowsNamingTargetCenters()
    {
        (double[] wl, double[] fwhm, _, _) = Library();

        var ex = Assert.Throws<ArgumentException>(() => BandResamplingPlan.Create(wl, fwhm, [2400, 2600], [6, 6]));
        Assert.Equal("targetCenters", ex.ParamName);
    }

    [Fact]
    public void ApplyFloat_Camera288_MatchesSpyToFloatPrecision()
    {
        (double[] wl, double[] fwhm, double[] usgs, int columns) = Library();
        var (bands, rows, _) = GoldenFile.ReadMatrix("preprocess/resample_camera288_bands.csv");
        var (expected, _, minerals) = GoldenFile.ReadMatrix("preprocess/resample_camera288_spectra.csv");
        var plan = BandResamplingPlan.Create(wl, fwhm, Column(bands, 3, 0), Column(bands, 3, 1));
        float[] source = Array.ConvertAll(Column(usgs, columns, 2), v => (float)v);
        var actual = new float[rows];

        plan.Apply(source, actual);

        Tolerance.AssertClose(Column(expected, minerals, 0), actual, rel: 1e-6, what: "float resampled");
    }

    // Property: every covered row is a normalised average, so a constant spectrum resamples to the same constant.
    [Property(Replay = "(16180339,887)", MaxTest = 100)]
    public void Apply_ConstantSpectrum_GivesTheConstantOnCoveredBands(int seed)
    {
        var rng = new Random(seed);
        int n1 = rng.Next(2, 400), n2 = rng.Next(1, 100);
        var c1 = new double[n1];
        var f1 = new double[n1];
        double x = 400;
        for (int j = 0; j < n1; j++)
        {
            x += 0.5 + (rng.NextDouble() * 5);
            c1[j] = x;
            f1[j] = 0.5 + (rng.NextDouble() * 12);
        }

        var c2 = new double[n2];
        var f2 = new double[n2];
        for (int i = 0; i < n2; i++)
        {
            c2[i] = 350 + (rng.NextDouble() * (x - 300));
            f2[i] = 1 + (rng.NextDouble() * 20);
        }

        var plan = BandResamplingPlan.Create(c1, f1, c2, f2, allowUncoveredBands: true);
        double level = 0.1 + rng.NextDouble();
        var source = Enumerable.Repeat(level, n1).ToArray();
        var target = new double[n2];

        plan.Apply(source, target);

        for (int i = 0; i < n2; i++)
        {
            double expected = plan.Coverage[i] ? level : 0;
            Assert.True(Math.Abs(target[i] - expected) <= 1e-14, $"seed {seed}: band {i} is {target[i]}, expected {expected}");
        }
    }

    [Fact]
    public void Create_SourceNotIncreasing_ThrowsNamingSourceCenters()
    {
        var ex = Assert.Throws<ArgumentException>(() => BandResamplingPlan.Create([1000, 999], [5, 5], [1000], [5]));
        Assert.Equal("sourceCenters", ex.ParamName);
    }

    [Fact]
    public void Create_NonPositiveFwhm_ThrowsNamingFwhm()
    {
        var ex = Assert.Throws<ArgumentException>(() => BandResamplingPlan.Create([1000, 1001], [5, 0], [1000], [5]));
        Assert.Equal("sourceFwhm", ex.ParamName);
    }

    [Fact]
    public void Create_FwhmLengthMismatch_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => BandResamplingPlan.Create([1000, 1001], [5, 5], [1000, 1010], [5]));
        Assert.Equal("targetFwhm", ex.ParamName);
    }

    [Fact]
    public void Apply_WrongSourceLength_Throws()
    {
        var plan = BandResamplingPlan.Create([1000, 1001, 1002], [1, 1, 1], [1001], [2]);

        var ex = Assert.Throws<ArgumentException>(() => plan.Apply(new double[2], new double[1]));
        Assert.Equal("source", ex.ParamName);
    }

    [Fact]
    public void Apply_NaNInSource_Throws()
    {
        var plan = BandResamplingPlan.Create([1000, 1001, 1002], [1, 1, 1], [1001], [2]);

        Assert.Throws<ArgumentException>(() => plan.Apply([1, double.NaN, 1], new double[1]));
    }

    private static void AssertWeightsMatch(BandResamplingPlan plan, string golden)
    {
        var (triples, rows, _) = GoldenFile.ReadMatrix(golden);
        var expected = new Dictionary<(int, int), double>();
        for (int r = 0; r < rows; r++)
        {
            expected[((int)triples[r * 3], (int)triples[(r * 3) + 1])] = triples[(r * 3) + 2];
        }

        int nonZero = 0;
        for (int i = 0; i < plan.TargetLength; i++)
        {
            for (int k = plan.RowStart[i]; k < plan.RowStart[i + 1]; k++)
            {
                double w = plan.Weights[k];
                if (w == 0)
                {
                    continue; // SPy stores zero-width touching overlaps as explicit zeros too; the sparse golden omits them
                }

                nonZero++;
                Assert.True(expected.TryGetValue((i, plan.Columns[k]), out double e), $"weight ({i}, {plan.Columns[k]}) = {w} is not in SPy's matrix");
                Assert.True(Math.Abs(e - w) <= 1e-14, $"weight ({i}, {plan.Columns[k]}) is {w:R}, SPy {e:R}");
            }
        }

        Assert.Equal(expected.Count, nonZero);
    }

    private static (double[] Wl, double[] Fwhm, double[] Data, int Columns) Library()
    {
        var (usgs, _, columns) = GoldenFile.ReadMatrix("preprocess/usgs_2151.csv");
        return (Column(usgs, columns, 0), Column(usgs, columns, 1), usgs, columns);
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
