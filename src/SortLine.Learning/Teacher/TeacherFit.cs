namespace SortLine.Learning.Teacher;

/// <summary>The outcome of <see cref="KMeansTeacher.Fit"/>: the model plus what the fit did with the training batch.</summary>
/// <param name="Model">The snapshot to label new points with and to persist.</param>
/// <param name="ClusterLabels">Cluster index of every training row.</param>
/// <param name="MineralLabels">Mineral (class) index of every training row.</param>
/// <param name="Iterations">Lloyd iterations of the chosen run.</param>
/// <param name="Converged">Whether the chosen run converged before the iteration limit.</param>
/// <param name="ElbowInertias">For <see cref="ClusterCountSelection.Elbow"/>: inertia for k = ElbowMinClusters … ElbowMaxClusters; otherwise empty.</param>
public sealed record TeacherFit(
    TeacherModel Model,
    IReadOnlyList<int> ClusterLabels,
    IReadOnlyList<int> MineralLabels,
    int Iterations,
    bool Converged,
    IReadOnlyList<double> ElbowInertias);
