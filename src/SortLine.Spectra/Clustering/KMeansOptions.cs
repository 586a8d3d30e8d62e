using SortLine.Spectra.Internal;

namespace SortLine.Spectra.Clustering;

/// <summary>
/// Options of <see cref="KMeans.Fit"/> (Lloyd's algorithm). The defaults are scikit-learn's, except
/// <see cref="ClusterCount"/> = 5 (four minerals plus background, methods brief §3.5). Each setter rejects
/// invalid values.
/// </summary>
public sealed record KMeansOptions
{
    private readonly int _clusterCount = 5;
    private readonly int _initCount = 10;
    private readonly double _tolerance = 1e-4;
    private readonly int _maxIterations = 300;
    private readonly int? _localTrials;

    /// <summary>Gets the number of clusters k (≥ 1; the data need at least k rows). Default 5.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int ClusterCount
    {
        get => _clusterCount;
        init
        {
            ThrowHelper.ThrowIfOutOfRange(value, 1, int.MaxValue, nameof(ClusterCount));
            _clusterCount = value;
        }
    }

    /// <summary>
    /// Gets the explicit initial centroids, k × d row-major (knowledge initialisation, e.g. 1 for the element lines a
    /// mineral should show and 0 otherwise). Empty (the default) selects greedy k-means++ seeding. With explicit
    /// centroids a single run is made, whatever <see cref="InitCount"/> says (as scikit-learn does).
    /// </summary>
    public ReadOnlyMemory<double> InitialCentroids { get; init; }

    /// <summary>Gets the number of k-means++ seedings (scikit-learn's <c>n_init</c>, ≥ 1); the run with the lowest
    /// inertia wins (the first on ties). Default 10.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int InitCount
    {
        get => _initCount;
        init
        {
            ThrowHelper.ThrowIfOutOfRange(value, 1, int.MaxValue, nameof(InitCount));
            _initCount = value;
        }
    }

    /// <summary>
    /// Gets the relative convergence tolerance (scikit-learn's <c>tol</c>, ≥ 0). Default 1e-4. A run stops when the
    /// labels do not change between two iterations, or when the sum over centroids of the squared centroid shift is
    /// at most <c>Tolerance · mean_j(var_j)</c>, the mean of the per-feature population variances of the data.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative or not finite.</exception>
    public double Tolerance
    {
        get => _tolerance;
        init
        {
            ThrowHelper.ThrowIfOutOfRange(value, 0.0, double.MaxValue, nameof(Tolerance));
            _tolerance = value;
        }
    }

    /// <summary>Gets the maximum number of Lloyd iterations per run (≥ 1). Default 300.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int MaxIterations
    {
        get => _maxIterations;
        init
        {
            ThrowHelper.ThrowIfOutOfRange(value, 1, int.MaxValue, nameof(MaxIterations));
            _maxIterations = value;
        }
    }

    /// <summary>Gets the seed of the <see cref="System.Random"/> used by k-means++ seeding. Same seed, same result.</summary>
    public int Seed { get; init; }

    /// <summary>
    /// Gets the number of candidates drawn per k-means++ step, of which the one that lowers the potential most is
    /// kept (greedy k-means++). <see langword="null"/> (default) means scikit-learn's <c>2 + ⌊ln k⌋</c>; 1 gives the
    /// classic k-means++ of Arthur and Vassilvitskii.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int? LocalTrials
    {
        get => _localTrials;
        init
        {
            if (value is int v)
            {
                ThrowHelper.ThrowIfOutOfRange(v, 1, int.MaxValue, nameof(LocalTrials));
            }

            _localTrials = value;
        }
    }
}
