namespace SortLine.Spectra.Clustering;

/// <summary>The result of <see cref="KMeansElbow.Select"/>: the inertia curve over k and the chosen k.</summary>
public sealed class ElbowSelection
{
    private readonly int[] _clusterCounts;
    private readonly double[] _inertias;
    private readonly KMeansModel[] _models;

    internal ElbowSelection(int[] clusterCounts, double[] inertias, KMeansModel[] models, int selectedIndex)
    {
        _clusterCounts = clusterCounts;
        _inertias = inertias;
        _models = models;
        SelectedIndex = selectedIndex;
    }

    /// <summary>Gets the cluster counts tried, kMin..kMax in order.</summary>
    public ReadOnlySpan<int> ClusterCounts => _clusterCounts;

    /// <summary>Gets the inertia of the best run for each entry of <see cref="ClusterCounts"/> (data units squared).</summary>
    public ReadOnlySpan<double> Inertias => _inertias;

    /// <summary>Gets the fitted model for each entry of <see cref="ClusterCounts"/>.</summary>
    public IReadOnlyList<KMeansModel> Models => _models;

    /// <summary>Gets the index of the chosen entry in <see cref="ClusterCounts"/>.</summary>
    public int SelectedIndex { get; }

    /// <summary>Gets the chosen number of clusters (the elbow).</summary>
    public int SelectedClusterCount => _clusterCounts[SelectedIndex];

    /// <summary>Gets the model fitted with <see cref="SelectedClusterCount"/> clusters.</summary>
    public KMeansModel SelectedModel => _models[SelectedIndex];
}
