namespace SortLine.Learning.Teacher;

/// <summary>The teacher's label of one LIBS point.</summary>
/// <param name="Mineral">Class index into <see cref="TeacherModel.MineralNames"/>.</param>
/// <param name="Cluster">The nearest centroid's index.</param>
/// <param name="Distance">Euclidean distance to that centroid in the scaled feature space (dimensionless).</param>
/// <param name="Confidence">(d₂ − d₁) / (d₂ + d₁) in [0, 1], with d₁ the distance to the nearest centroid and d₂ to the
/// nearest centroid of a <i>different</i> mineral: 1 on the centroid, 0 on the boundary between two minerals (1 when
/// every cluster names the same mineral).</param>
public readonly record struct TeacherLabel(int Mineral, int Cluster, double Distance, double Confidence);
