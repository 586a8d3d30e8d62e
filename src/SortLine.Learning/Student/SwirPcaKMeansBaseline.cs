using System.Globalization;
using SortLine.Spectra;
using SortLine.Spectra.Clustering;
using SortLine.Spectra.Decomposition;
using SortLine.Spectra.Scaling;

namespace SortLine.Learning.Student;

/// <summary>
/// The unsupervised SWIR-only baseline of the methods brief (§2.4, document 000): PCA keeping the first components that
/// explain more than 98 % of the variance (4 in the document), standard-scaled scores, k-means. The student must beat
/// it; for scoring, each cluster is mapped to the reference class most of its samples carry.
/// </summary>
/// <remarks>Training/evaluation-time code: allocates; after <see cref="Fit"/> the instance is immutable and
/// <see cref="Predict(ReadOnlyMatrixSpan{double})"/> may run concurrently.</remarks>
public sealed class SwirPcaKMeansBaseline
{
    private readonly PrincipalComponentAnalysis _pca;
    private readonly StandardScaler _scaler;
    private readonly KMeansModel _kmeans;

    private SwirPcaKMeansBaseline(PrincipalComponentAnalysis pca, StandardScaler scaler, KMeansModel kmeans, double explained)
    {
        _pca = pca;
        _scaler = scaler;
        _kmeans = kmeans;
        ExplainedVarianceRatio = explained;
    }

    /// <summary>Gets the number of principal components kept.</summary>
    public int ComponentCount => _pca.ComponentCount;

    /// <summary>Gets the share of the variance the kept components explain, in (0, 1].</summary>
    public double ExplainedVarianceRatio { get; }

    /// <summary>Gets the number of clusters.</summary>
    public int ClusterCount => _kmeans.ClusterCount;

    /// <summary>Fits the baseline.</summary>
    /// <param name="spectra">Preprocessed spectra, samples × bands, finite; at least <paramref name="clusterCount"/> rows and 2.</param>
    /// <param name="clusterCount">k (e.g. the number of classes).</param>
    /// <param name="varianceThreshold">Share of the variance the kept components must exceed, in (0, 1]. Default 0.98.</param>
    /// <param name="seed">Seed of the k-means++ seeding (10 seedings, the best kept).</param>
    /// <returns>The fitted baseline.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="clusterCount"/> &lt; 1 or the threshold is outside (0, 1].</exception>
    /// <exception cref="ArgumentException">Too few rows, or a value is not finite.</exception>
    public static SwirPcaKMeansBaseline Fit(ReadOnlyMatrixSpan<double> spectra, int clusterCount, double varianceThreshold = 0.98, int seed = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(clusterCount, 1);
        if (!(varianceThreshold > 0 && varianceThreshold <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(varianceThreshold), varianceThreshold, "The variance threshold must lie in (0, 1].");
        }

        if (spectra.Rows < Math.Max(2, clusterCount))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{spectra.Rows} spectra for {clusterCount} clusters."), nameof(spectra));
        }

        var full = new PrincipalComponentAnalysis();
        full.Fit(spectra);
        int m = full.ComponentsForVariance(varianceThreshold);
        double explained = 0;
        foreach (double r in full.ExplainedVarianceRatio[..m])
        {
            explained += r;
        }

        var pca = new PrincipalComponentAnalysis(m);
        pca.Fit(spectra);
        var scores = new double[spectra.Rows * m];
        pca.Transform(spectra, new MatrixSpan<double>(scores, spectra.Rows, m));
        var scaler = new StandardScaler();
        scaler.Fit(new ReadOnlyMatrixSpan<double>(scores, spectra.Rows, m));
        scaler.Transform(new ReadOnlyMatrixSpan<double>(scores, spectra.Rows, m), new MatrixSpan<double>(scores, spectra.Rows, m));
        KMeansModel kmeans = KMeans.Fit(new ReadOnlyMatrixSpan<double>(scores, spectra.Rows, m),
            new KMeansOptions { ClusterCount = clusterCount, Seed = seed });
        return new SwirPcaKMeansBaseline(pca, scaler, kmeans, explained);
    }

    /// <summary>Assigns spectra to clusters.</summary>
    /// <param name="spectra">Samples × bands (the bands of the fit), finite.</param>
    /// <returns>The cluster of every row.</returns>
    /// <exception cref="ArgumentException">The band count differs or a value is not finite.</exception>
    public int[] Predict(ReadOnlyMatrixSpan<double> spectra)
    {
        int m = ComponentCount;
        var scores = new double[spectra.Rows * m];
        _pca.Transform(spectra, new MatrixSpan<double>(scores, spectra.Rows, m));
        _scaler.Transform(new ReadOnlyMatrixSpan<double>(scores, spectra.Rows, m), new MatrixSpan<double>(scores, spectra.Rows, m));
        var clusters = new int[spectra.Rows];
        _kmeans.Predict(new ReadOnlyMatrixSpan<double>(scores, spectra.Rows, m), clusters);
        return clusters;
    }

    /// <summary>Maps each cluster to the class most of its samples carry (ties to the lowest class; an empty cluster → 0).</summary>
    /// <param name="clusters">Cluster per sample, in [0, clusterCount).</param>
    /// <param name="labels">Reference class per sample, in [0, classCount).</param>
    /// <param name="clusterCount">Number of clusters.</param>
    /// <param name="classCount">Number of classes.</param>
    /// <returns>The class of each cluster.</returns>
    /// <exception cref="ArgumentException">Lengths differ or an index is out of range.</exception>
    public static int[] MapClustersByMajority(ReadOnlySpan<int> clusters, ReadOnlySpan<int> labels, int clusterCount, int classCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(clusterCount, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(classCount, 1);
        if (clusters.Length != labels.Length)
        {
            throw new ArgumentException("One label per cluster assignment is required.", nameof(labels));
        }

        var votes = new int[clusterCount * classCount];
        for (int i = 0; i < clusters.Length; i++)
        {
            if ((uint)clusters[i] >= (uint)clusterCount || (uint)labels[i] >= (uint)classCount)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Sample {i}: cluster {clusters[i]} or class {labels[i]} out of range."), nameof(clusters));
            }

            votes[(clusters[i] * classCount) + labels[i]]++;
        }

        var map = new int[clusterCount];
        for (int c = 0; c < clusterCount; c++)
        {
            int best = 0;
            for (int k = 1; k < classCount; k++)
            {
                best = votes[(c * classCount) + k] > votes[(c * classCount) + best] ? k : best;
            }

            map[c] = best;
        }

        return map;
    }

    /// <summary>Scores the baseline on labelled spectra: clusters mapped to classes by majority on these same samples
    /// (the most favourable mapping for the baseline), then accuracy and confusion.</summary>
    /// <param name="spectra">Samples × bands.</param>
    /// <param name="labels">Reference class per sample, in [0, <paramref name="classCount"/>).</param>
    /// <param name="classCount">Number of classes.</param>
    /// <returns>The evaluation.</returns>
    /// <exception cref="ArgumentException">Shapes differ or a class is out of range.</exception>
    public StudentEvaluation Score(ReadOnlyMatrixSpan<double> spectra, ReadOnlySpan<int> labels, int classCount)
    {
        int[] clusters = Predict(spectra);
        int[] map = MapClustersByMajority(clusters, labels, ClusterCount, classCount);
        int[] predicted = Array.ConvertAll(clusters, c => map[c]);
        return StudentEvaluation.Score(predicted, labels, classCount);
    }
}
