namespace SortLine.Learning.Student;

/// <summary>What <see cref="StudentTrainer"/> does with pairs flagged as edge pairs (<see cref="Pairing.TrainingPair.IsEdge"/>).</summary>
public enum EdgePairPolicy
{
    /// <summary>Leave them out of cross-validation and the fit (default). PLS-DA (NIPALS) takes no sample weights, so
    /// exclusion is the way to down-weight them; they are counted in <see cref="StudentFit.ExcludedCount"/>.</summary>
    Exclude = 0,

    /// <summary>Train on them like any other pair (the brief notes the student tolerates teacher edge errors because it has
    /// far fewer parameters than samples).</summary>
    Include = 1,
}
