using FsCheck.Xunit;
using SortLine.Spectra.Clustering;
using SortLine.Testing;

namespace SortLine.Spectra.Tests.Clustering;

public sealed class KMeansTests
{
    // (case, data file): blobs = seeded Gaussian blobs; blobs_maxiter2 = tol 0 stopped after 2 iterations;
    // blobs_empty = one initial centroid far from every sample (empty cluster, relocated); spectra = standard-scaled
    // PCA scores of the USGS mixtures.
    [Theory]
    [InlineData("blobs", "stats/blobs.csv")]
    [InlineData("blobs_maxiter2", "stats/blobs.csv")]
    [InlineData("blobs_empty", "stats/blobs.csv")]
    [InlineData("spectra", "stats/pca_scores_scaled.csv")]
    public void Fit_ExplicitInit_MatchesSklearnLloyd(string golden, string dataFile)
    {
        var (x, rows, cols) = GoldenFile.ReadMatrix(dataFile);
        var (init, k, _) = GoldenFile.ReadMatrix($"stats/kmeans_{golden}_init.csv");
        var (centroids, _, _) = GoldenFile.ReadMatrix($"stats/kmeans_{golden}_centroids.csv");
        int[] labels = GoldenFile.ReadVector($"stats/kmeans_{golden}_labels.csv").Select(v => (int)v).ToArray();
        var meta = GoldenFile.ReadJson($"stats/kmeans_{golden}.json");
        var options = new KMeansOptions
        {
            ClusterCount = k,
            InitialCentroids = init,
            Tolerance = meta.GetProperty("tol").GetDouble(),
            MaxIterations = meta.GetProperty("max_iter").GetInt32(),
        };

        KMeansModel model = KMeans.Fit(new ReadOnlyMatrixSpan<double>(x, rows, cols), options);

        Assert.Equal(labels, model.Labels.ToArray());
        Tolerance.AssertClose(centroids, model.Centroids.Span, 1e-9, 1e-9, "centroids");
        Tolerance.AssertClose([meta.GetProperty("inertia").GetDouble()], [model.Inertia], 1e-9, 0, "inertia");
        Assert.Equal(meta.GetProperty("n_iter").GetInt32(), model.Iterations);
    }

    [Fact]
    public void Fit_SameSeed_GivesIdenticalResult()
    {
        var (x, rows, cols) = GoldenFile.ReadMatrix("stats/pca_scores_scaled.csv");
        var options = new KMeansOptions { ClusterCount = 5, Seed = 42, InitCount = 3 };

        KMeansModel a = KMeans.Fit(new ReadOnlyMatrixSpan<double>(x, rows, cols), options);
        KMeansModel b = KMeans.Fit(new ReadOnlyMatrixSpan<double>(x, rows, cols), options);

        Assert.Equal(a.Labels.ToArray(), b.Labels.ToArray());
        Assert.Equal(a.Centroids.Span.ToArray(), b.Centroids.Span.ToArray());
        Assert.Equal(a.Inertia, b.Inertia);
    }

    [Property(Replay = "(99991,3)", MaxTest = 20)]
    public void Fit_MoreInits_InertiaNeverWorseThanTheFirstInit(int seed, byte kRaw)
    {
        var (x, rows, cols) = GoldenFile.ReadMatrix("stats/pca_scores_scaled.csv");
        int k = 2 + (kRaw % 7);
        var single = new KMeansOptions { ClusterCount = k, Seed = seed, InitCount = 1 };

        // The first of several runs uses the same random stream as a single run, so the best of 5 is never worse.
        KMeansModel one = KMeans.Fit(new ReadOnlyMatrixSpan<double>(x, rows, cols), single);
        KMeansModel best = KMeans.Fit(new ReadOnlyMatrixSpan<double>(x, rows, cols), single with { InitCount = 5 });

        Assert.True(best.Inertia <= one.Inertia, $"best of 5: {best.Inertia}, first: {one.Inertia}");
    }

    [Property(Replay = "(1234567,11)", MaxTest = 20)]
    public void Fit_WellSeparatedBlobs_RecoversTruePartition(int seed)
    {
        const int k = 4, perBlob = 40, d = 3;
        var random = new Random(seed);
        var x = new double[k * perBlob * d];
        var truth = new int[k * perBlob];
        for (int i = 0; i < truth.Length; i++)
        {
            truth[i] = i / perBlob;
            for (int c = 0; c < d; c++)
            {
                double centre = c == truth[i] % d ? 20.0 * (1 + (truth[i] / d)) : 0.0;
                x[(i * d) + c] = centre + (random.NextDouble() - 0.5);
            }
        }

        KMeansModel model = KMeans.Fit(new ReadOnlyMatrixSpan<double>(x, truth.Length, d),
            new KMeansOptions { ClusterCount = k, Seed = seed, InitCount = 3 });

        // Same partition up to a renaming of the clusters: a one-to-one map from true to found labels.
        var map = new Dictionary<int, int>();
        for (int i = 0; i < truth.Length; i++)
        {
            if (!map.TryAdd(truth[i], model.Labels[i]))
            {
                Assert.Equal(map[truth[i]], model.Labels[i]);
            }
        }

        Assert.Equal(k, map.Values.Distinct().Count());
    }

    [Fact]
    public void Predict_TrainingSamples_ReturnsTrainingLabels()
    {
        var (x, rows, cols) = GoldenFile.ReadMatrix("stats/pca_scores_scaled.csv");
        KMeansModel model = KMeans.Fit(new ReadOnlyMatrixSpan<double>(x, rows, cols), new KMeansOptions { ClusterCount = 5, InitCount = 2 });
        var predicted = new int[rows];

        model.Predict(new ReadOnlyMatrixSpan<double>(x, rows, cols), predicted);

        Assert.Equal(model.Labels.ToArray(), predicted);
    }

    [Fact]
    public void Predict_OneSample_DoesNotAllocate()
    {
        var (x, rows, cols) = GoldenFile.ReadMatrix("stats/blobs.csv");
        KMeansModel model = KMeans.Fit(new ReadOnlyMatrixSpan<double>(x, rows, cols), new KMeansOptions { ClusterCount = 4, InitCount = 1 });
        int label = -1;

        AllocationAssert.NoAllocations(() => label = model.Predict(x.AsSpan(0, cols)));

        Assert.Equal(model.Labels[0], label);
    }

    [Fact]
    public void Fit_DuplicateSamplesMoreClustersThanDistinctPoints_Terminates()
    {
        double[] x = [1, 1, 1, 1, 2, 2];
        var options = new KMeansOptions { ClusterCount = 3, InitialCentroids = new double[] { 1, 1, 1, 1, 2, 2 }.AsMemory() };

        KMeansModel model = KMeans.Fit(new ReadOnlyMatrixSpan<double>(x, 3, 2), options);

        Assert.Equal(0, model.Inertia);
        Assert.True(model.Converged);
    }

    [Fact]
    public void Fit_InitialCentroidsWrongShape_ThrowsNamingOptions()
    {
        var options = new KMeansOptions { ClusterCount = 2, InitialCentroids = new double[3] };

        var ex = Assert.Throws<ArgumentException>(() => KMeans.Fit(new ReadOnlyMatrixSpan<double>(new double[8], 4, 2), options));

        Assert.Equal("options", ex.ParamName);
    }

    [Fact]
    public void Fit_FewerRowsThanClusters_ThrowsNamingData()
    {
        var ex = Assert.Throws<ArgumentException>(() => KMeans.Fit(new ReadOnlyMatrixSpan<double>(new double[8], 4, 2), new KMeansOptions { ClusterCount = 5 }));

        Assert.Equal("data", ex.ParamName);
    }

    [Fact]
    public void Fit_NaN_ThrowsNamingData()
    {
        double[] x = [0, 1, 2, double.NaN];

        var ex = Assert.Throws<ArgumentException>(() => KMeans.Fit(new ReadOnlyMatrixSpan<double>(x, 2, 2), new KMeansOptions { ClusterCount = 1 }));

        Assert.Equal("data", ex.ParamName);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Options_NonPositiveClusterCount_ThrowsOutOfRange(int k)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new KMeansOptions { ClusterCount = k });

        Assert.Equal("ClusterCount", ex.ParamName);
    }

    [Theory]
    [InlineData(-1e-4)]
    [InlineData(double.NaN)]
    public void Options_InvalidTolerance_ThrowsOutOfRange(double tol)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new KMeansOptions { Tolerance = tol });
    }
}
