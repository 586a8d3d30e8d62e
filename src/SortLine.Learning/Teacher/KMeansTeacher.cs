using System.Globalization;
using SortLine.Spectra;
using SortLine.Spectra.Clustering;
using SortLine.Spectra.Scaling;

namespace SortLine.Learning.Teacher;

/// <summary>
/// Fits the LIBS teacher of the methods brief (§3.4-3.6): max-abs scaling of the element features, then k-means
/// (Lloyd) whose clusters are named after minerals by expert knowledge.
/// </summary>
/// <remarks>
/// <para><b><see cref="ClusterCountSelection.Knowledge"/></b> (default): k = number of minerals; the k-means run starts
/// from <see cref="MineralTable.BuildCentroids"/> (1 for the elements a mineral shows, 0 otherwise, in the scaled space)
/// and cluster i names mineral i, whatever it converges to. This is the brief's "cluster → mineral by the
/// initialisation".</para>
/// <para><b><see cref="ClusterCountSelection.Elbow"/></b>: k at the elbow of inertia vs k
/// (<see cref="KMeansElbow"/>, k-means++ with <see cref="TeacherOptions.Seed"/>); each cluster names the mineral whose
/// knowledge centroid is nearest to it (several clusters may name one mineral, a mineral may get none).</para>
/// <para>Training-time code: allocates, single-threaded, deterministic.</para>
/// </remarks>
public static class KMeansTeacher
{
    /// <summary>Fits the teacher on a batch of accepted points.</summary>
    /// <param name="features">Raw features (from <see cref="LibsFeatureExtractor"/>), points × elements; finite.</param>
    /// <param name="elements">The element of each feature column (e.g. <see cref="LibsFeatureExtractor.Elements"/>).</param>
    /// <param name="minerals">The knowledge table; <see langword="null"/> for <see cref="MineralTable.Default"/>.</param>
    /// <param name="options">Settings; <see langword="null"/> for the defaults.</param>
    /// <returns>The model and the training assignment.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="elements"/> is null.</exception>
    /// <exception cref="ArgumentException">The element count differs from the feature columns, there are fewer points than
    /// clusters (k, or <see cref="TeacherOptions.ElbowMaxClusters"/>), or a feature is not finite.</exception>
    public static TeacherFit Fit(ReadOnlyMatrixSpan<double> features, IReadOnlyList<string> elements, MineralTable? minerals = null,
        TeacherOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(elements);
        minerals ??= MineralTable.Default;
        options ??= new TeacherOptions();
        options.Validate();
        int n = features.Rows, d = features.Columns;
        if (elements.Count != d || d == 0)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{elements.Count} element names for {d} feature columns."), nameof(elements));
        }

        int neededRows = options.ClusterCountSelection == ClusterCountSelection.Knowledge ? minerals.Count : options.ElbowMaxClusters;
        if (n < neededRows)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{n} points given; at least {neededRows} are needed."), nameof(features));
        }

        var scaler = new MaxAbsScaler();
        scaler.Fit(features);
        var scaled = new double[n * d];
        scaler.Transform(features, new MatrixSpan<double>(scaled, n, d));
        var scaledView = new ReadOnlyMatrixSpan<double>(scaled, n, d);
        double[] knowledge = minerals.BuildCentroids(elements);

        KMeansModel kmeans;
        int[] clusterMinerals;
        double[] elbow = [];
        var kOptions = new KMeansOptions
        {
            MaxIterations = options.KMeansMaxIterations,
            Tolerance = options.KMeansTolerance,
            Seed = options.Seed,
        };
        if (options.ClusterCountSelection == ClusterCountSelection.Knowledge)
        {
            kmeans = KMeans.Fit(scaledView, kOptions with { ClusterCount = minerals.Count, InitialCentroids = knowledge });
            clusterMinerals = new int[minerals.Count];
            for (int i = 0; i < clusterMinerals.Length; i++)
            {
                clusterMinerals[i] = i;
            }
        }
        else
        {
            ElbowSelection selection = KMeansElbow.Select(scaledView, options.ElbowMinClusters, options.ElbowMaxClusters, kOptions);
            kmeans = selection.SelectedModel;
            elbow = selection.Inertias.ToArray();
            var knowledgeView = new ReadOnlyMatrixSpan<double>(knowledge, minerals.Count, d);
            clusterMinerals = new int[kmeans.ClusterCount];
            for (int j = 0; j < clusterMinerals.Length; j++)
            {
                clusterMinerals[j] = NearestCentroid.Find(kmeans.Centroids.Row(j), knowledgeView);
            }
        }

        TeacherModel model = TeacherModel.Create(elements, minerals.Names, scaler.MaxAbs, kmeans.Centroids, clusterMinerals, n, kmeans.Inertia);
        int[] clusterLabels = kmeans.Labels.ToArray();
        int[] mineralLabels = Array.ConvertAll(clusterLabels, c => clusterMinerals[c]);
        return new TeacherFit(model, clusterLabels, mineralLabels, kmeans.Iterations, kmeans.Converged, elbow);
    }
}
