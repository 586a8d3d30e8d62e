using FsCheck.Xunit;
using MathNet.Numerics.LinearAlgebra;
using SortLine.Spectra.Geometry;

namespace SortLine.Spectra.Tests.Geometry;

public sealed class SimilarityTransformTests
{
    /// <summary>
    /// Golden: scikit-image 0.19.3 SimilarityTransform().estimate (2-D) and _umeyama(src, dst, True) (3-D) on seeded noisy
    /// and minimal point sets. The homogeneous matrix [[sR, t], [0, 1]] agrees to 1e-9 relative (abs 1e-9 × max |entry|),
    /// the RMS residual to 1e-9 relative (abs 1e-12 for the exact minimal 2-D case).
    /// </summary>
    [Theory]
    [InlineData("umeyama_2d_noisy")]
    [InlineData("umeyama_2d_minimal")]
    [InlineData("umeyama_3d_noisy")]
    [InlineData("umeyama_3d_minimal")]
    public void Estimate_SeededPoints_MatchesScikitImage(string name)
    {
        var (points, n, columns) = GoldenFile.ReadMatrix($"libsgeo/{name}_points.csv");
        var (expected, _, _) = GoldenFile.ReadMatrix($"libsgeo/{name}_matrix.csv");
        var meta = GoldenFile.ReadJson("libsgeo/umeyama_cases.json").GetProperty(name);
        int d = columns / 2;
        var src = new double[n * d];
        var dst = new double[n * d];
        for (int i = 0; i < n; i++)
        {
            Array.Copy(points, i * columns, src, i * d, d);
            Array.Copy(points, (i * columns) + d, dst, i * d, d);
        }

        var transform = SimilarityTransform.Estimate(new(src, n, d), new(dst, n, d), out double rms);
        var matrix = new double[(d + 1) * (d + 1)];
        transform.GetHomogeneousMatrix(matrix);

        Tolerance.AssertClose(expected, matrix, 1e-9, 1e-9 * expected.Max(Math.Abs), "homogeneous matrix");
        Assert.Equal(meta.GetProperty("rms_residual").GetDouble(), rms, 1e-12 + (1e-9 * rms));
        Assert.Equal(meta.GetProperty("scale").GetDouble(), transform.Scale, 1e-9 * transform.Scale);
    }

    [Property(Replay = "(20240521,97531)", MaxTest = 200)]
    public void Estimate_NoiseFreePoints_RecoversTransformExactly(int seed, bool threeD)
    {
        var (truth, src, dst, n, d) = RandomProblem(seed, threeD ? 3 : 2, noise: 0.0, out _);

        var fitted = SimilarityTransform.Estimate(new(src, n, d), new(dst, n, d), out double rms);

        Assert.Equal(truth.Scale, fitted.Scale, 1e-9 * truth.Scale);
        Tolerance.AssertClose(truth.Rotation.ToArray(), fitted.Rotation, 0, 1e-9, "R");
        Tolerance.AssertClose(truth.Translation.ToArray(), fitted.Translation, 1e-9, 1e-9, "t");
        Assert.True(rms <= 1e-9 * 100 * truth.Scale, $"rms {rms}");
    }

    [Property(Replay = "(13579,24681)", MaxTest = 200)]
    public void Estimate_NoisyPoints_ErrorBoundedByNoise(int seed, bool threeD)
    {
        int dim = threeD ? 3 : 2;
        const double sigma = 0.05;
        var (truth, src, dst, n, d) = RandomProblem(seed, dim, sigma, out double noiseRms);

        var fitted = SimilarityTransform.Estimate(new(src, n, d), new(dst, n, d), out double rms);

        // Optimality: the true transform is a candidate, so the fitted residual cannot exceed the noise's own RMS.
        Assert.True(rms <= noiseRms * (1 + 1e-9), $"rms {rms} > noise rms {noiseRms}");
        // Accuracy: the fitted map predicts the noise-free destinations within the per-point noise level.
        var a = new double[n * d];
        var b = new double[n * d];
        truth.Apply(new(src, n, d), new MatrixSpan<double>(a, n, d));
        fitted.Apply(new(src, n, d), new MatrixSpan<double>(b, n, d));
        double err = Math.Sqrt(a.Zip(b, (x, y) => (x - y) * (x - y)).Sum() / n);
        Assert.True(err <= 2 * sigma * Math.Sqrt(d), $"prediction rms error {err}");
        Assert.True(Math.Abs(fitted.Scale - truth.Scale) <= 0.01 * truth.Scale, $"scale {fitted.Scale} vs {truth.Scale}");
    }

    [Fact]
    public void Inverse_ComposedWithTransform_IsIdentity()
    {
        var (truth, src, _, n, d) = RandomProblem(3, 3, 0.0, out _);
        var mapped = new double[n * d];
        var back = new double[n * d];
        var viaInverse = new double[n * d];

        truth.Apply(new(src, n, d), new MatrixSpan<double>(mapped, n, d));
        truth.ApplyInverse(new(mapped, n, d), new MatrixSpan<double>(back, n, d));
        truth.Inverse().Apply(new(mapped, n, d), new MatrixSpan<double>(viaInverse, n, d));

        Tolerance.AssertClose(src, back, 1e-12, 1e-10, "ApplyInverse");
        Tolerance.AssertClose(src, viaInverse, 1e-12, 1e-10, "Inverse().Apply");
    }

    [Fact]
    public void Estimate_ReflectedDestination_ReturnsProperRotation()
    {
        // dst is a mirror image of src: the best proper rotation still has det +1.
        double[] src = [0, 0, 4, 0, 0, 2, 3, 3];
        double[] dst = [0, 0, -4, 0, 0, 2, -3, 3];

        var fitted = SimilarityTransform.Estimate(new(src, 4, 2), new(dst, 4, 2));

        var r = fitted.Rotation;
        Assert.Equal(1.0, (r[0] * r[3]) - (r[1] * r[2]), 1e-12);
    }

    [Fact]
    public void Create_ReflectionMatrix_Throws()
    {
        double[] mirror = [-1, 0, 0, 1];
        var ex = Assert.Throws<ArgumentException>(() => SimilarityTransform.Create(mirror, 1.0, [0.0, 0.0]));
        Assert.Equal("rotation", ex.ParamName);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-2.0)]
    [InlineData(double.NaN)]
    public void Create_NonPositiveScale_Throws(double scale)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => SimilarityTransform.Create([1.0, 0, 0, 1], scale, [0.0, 0.0]));
        Assert.Equal("scale", ex.ParamName);
    }

    [Fact]
    public void Estimate_TooFewPoints3D_Throws()
    {
        double[] p = [0, 0, 0, 1, 0, 0];
        var ex = Assert.Throws<ArgumentException>(() => SimilarityTransform.Estimate(new(p, 2, 3), new(p, 2, 3)));
        Assert.Contains("at least 3", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Estimate_TooFewPoints2D_Throws()
    {
        double[] p = [1, 2];
        Assert.Throws<ArgumentException>(() => SimilarityTransform.Estimate(new(p, 1, 2), new(p, 1, 2)));
    }

    [Fact]
    public void Estimate_MismatchedCounts_ThrowsNamingDestination()
    {
        double[] src = [0, 0, 1, 0, 0, 1];
        double[] dst = [0, 0, 1, 0];
        var ex = Assert.Throws<ArgumentException>(() => SimilarityTransform.Estimate(new(src, 3, 2), new(dst, 2, 2)));
        Assert.Equal("destination", ex.ParamName);
    }

    [Fact]
    public void Estimate_CollinearPoints3D_ThrowsDegenerate()
    {
        double[] src = [0, 0, 0, 1, 1, 1, 2, 2, 2, 5, 5, 5];
        double[] dst = [1, 0, 0, 2, 0, 0, 3, 1, 0, 0, 0, 7];
        var ex = Assert.Throws<ArgumentException>(() => SimilarityTransform.Estimate(new(src, 4, 3), new(dst, 4, 3)));
        Assert.Equal("source", ex.ParamName);
        Assert.Contains("degenerate", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Estimate_CoincidentPoints2D_ThrowsDegenerate()
    {
        double[] src = [100, 200, 100, 200, 100, 200];
        double[] dst = [0, 0, 1, 0, 0, 1];
        var ex = Assert.Throws<ArgumentException>(() => SimilarityTransform.Estimate(new(src, 3, 2), new(dst, 3, 2)));
        Assert.Contains("coincide", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Estimate_NaNCoordinate_Throws()
    {
        double[] src = [0, 0, 1, 0, 0, double.NaN];
        double[] dst = [0, 0, 1, 0, 0, 1];
        var ex = Assert.Throws<ArgumentException>(() => SimilarityTransform.Estimate(new(src, 3, 2), new(dst, 3, 2)));
        Assert.Equal("source", ex.ParamName);
    }

    /// <summary>A random similarity (rotation from the QR of a Gaussian matrix, det fixed to +1) and 8-40 random points.</summary>
    private static (SimilarityTransform Truth, double[] Src, double[] Dst, int N, int D) RandomProblem(int seed, int d, double noise, out double noiseRms)
    {
        var rng = new Random(seed);
        double Gauss() => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
        int n = rng.Next(Math.Max(8, d), 41);
        var src = Enumerable.Range(0, n * d).Select(_ => (rng.NextDouble() - 0.5) * 100).ToArray();
        var q = Matrix<double>.Build.Dense(d, d, (_, _) => Gauss()).QR().Q;
        if (q.Determinant() < 0)
        {
            q.SetColumn(0, -q.Column(0));
        }

        double scale = 0.2 + (5 * rng.NextDouble());
        var t = Enumerable.Range(0, d).Select(_ => (rng.NextDouble() - 0.5) * 400).ToArray();
        var dst = new double[n * d];
        double noiseSum = 0;
        for (int i = 0; i < n; i++)
        {
            for (int r = 0; r < d; r++)
            {
                double sum = 0;
                for (int c = 0; c < d; c++)
                {
                    sum += q[r, c] * src[(i * d) + c];
                }

                double e = noise * Gauss();
                noiseSum += e * e;
                dst[(i * d) + r] = (scale * sum) + t[r] + e;
            }
        }

        noiseRms = Math.Sqrt(noiseSum / n);
        var truth = SimilarityTransform.Create(q.ToRowMajorArray(), scale, t);
        return (truth, src, dst, n, d);
    }
}
