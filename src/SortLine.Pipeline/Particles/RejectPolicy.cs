namespace SortLine.Pipeline.Particles;

/// <summary>What <see cref="ParticleDecider"/> does with pixels of the reject/unknown class.</summary>
public enum RejectPolicy
{
    /// <summary>
    /// Reject pixels do not vote: the particle is decided by its classified pixels only. A particle with no
    /// classified pixel at all gets the reject class and is not ejected.
    /// </summary>
    Exclude = 0,

    /// <summary>
    /// Reject pixels vote like a class; a particle whose winning class is the reject class is ejected (unknown
    /// material goes to the reject bin). Under <see cref="DecisionRule.TargetFraction"/> the reject class then counts
    /// as a target class.
    /// </summary>
    Eject = 1,

    /// <summary>Reject pixels vote like a class; a particle whose winning class is the reject class passes (not ejected).</summary>
    Pass = 2,
}
