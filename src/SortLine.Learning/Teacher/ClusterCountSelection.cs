namespace SortLine.Learning.Teacher;

/// <summary>How <see cref="KMeansTeacher"/> chooses the number of clusters k (methods brief §3.5).</summary>
public enum ClusterCountSelection
{
    /// <summary>k = the number of minerals of the <see cref="MineralTable"/>; cluster i starts at mineral i's knowledge centroid.</summary>
    Knowledge = 0,

    /// <summary>k at the elbow of inertia vs k (k-means++ seeding); each cluster is named after the nearest knowledge centroid.</summary>
    Elbow = 1,
}
