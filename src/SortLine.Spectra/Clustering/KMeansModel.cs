namespace SortLine.Spectra.Clustering;

/// <summary>The result of <see cref="KMeans.Fit"/>: centroids, training labels and inertia, plus nearest-centroid prediction.</summary>
/// <remarks>Immutable; <see cref="Predict(ReadOnlySpan{double})"/> allocates nothing and may run concurrently.</remarks>
public sealed class KMeansModel
{
    private readonly double[] _centroids;
    private readonly int[] _labels;

    internal KMeansModel(double[] centroids, int clusterCount, int featureCount, int[] labels, double inertia,
        int iterations, bool converged)
    {
        _centroids = centroids;
        _labels = labels;
        ClusterCount = clusterCount;
        FeatureCount = featureCount;
        Inertia = inertia;
        Iterations = iterations;
        Converged = converged;
    }

    /// <summary>Gets the number of clusters k.</summary>
    public int ClusterCount { get; }

    /// <summary>Gets the number of features d.</summary>
    public int FeatureCount { get; }

    /// <summary>Gets the centroids, k × d (units of the data).</summary>
    public ReadOnlyMatrixSpan<double> Centroids => new(_centroids, ClusterCount, FeatureCount);

    /// <summary>Gets the cluster index of every training sample, consistent with <see cref="Centroids"/>.</summary>
    public ReadOnlySpan<int> Labels => _labels;

    /// <summary>Gets the inertia: the sum over training samples of the squared distance to their centroid (data units squared).</summary>
    public double Inertia { get; }

    /// <summary>Gets the number of Lloyd iterations of the winning run (scikit-learn's <c>n_iter_</c>).</summary>
    public int Iterations { get; }

    /// <summary>Gets a value indicating whether the winning run converged (labels stable or centroid shift within
    /// tolerance) before reaching the iteration limit.</summary>
    public bool Converged { get; }

    /// <summary>Assigns one sample to its nearest centroid (ties to the lowest index).</summary>
    /// <param name="x">One sample; <see cref="FeatureCount"/> long.</param>
    /// <returns>The cluster index in [0, k).</returns>
    /// <exception cref="ArgumentException"><paramref name="x"/> is not <see cref="FeatureCount"/> long.</exception>
    public int Predict(ReadOnlySpan<double> x) => NearestCentroid.Find(x, Centroids, out _);

    /// <summary>Assigns one sample to its nearest centroid and reports the squared distance to it.</summary>
    /// <param name="x">One sample; <see cref="FeatureCount"/> long.</param>
    /// <param name="squaredDistance">Squared Euclidean distance to the chosen centroid (data units squared).</param>
    /// <returns>The cluster index in [0, k).</returns>
    /// <exception cref="ArgumentException"><paramref name="x"/> is not <see cref="FeatureCount"/> long.</exception>
    public int Predict(ReadOnlySpan<double> x, out double squaredDistance) => NearestCentroid.Find(x, Centroids, out squaredDistance);

    /// <summary>Assigns every row of <paramref name="data"/> to its nearest centroid.</summary>
    /// <param name="data">Samples × <see cref="FeatureCount"/> features.</param>
    /// <param name="labels">Receives one cluster index per row.</param>
    /// <exception cref="ArgumentException">The column count or the length of <paramref name="labels"/> does not match.</exception>
    public void Predict(ReadOnlyMatrixSpan<double> data, Span<int> labels)
    {
        Internal.ThrowHelper.ThrowIfColumnMismatch(FeatureCount, data.Columns, nameof(data));
        Internal.ThrowHelper.ThrowIfLengthMismatch(data.Rows, labels.Length, nameof(labels));
        for (int r = 0; r < data.Rows; r++)
        {
            labels[r] = NearestCentroid.FindUnchecked(data.Row(r), _centroids, FeatureCount, out _);
        }
    }
}
