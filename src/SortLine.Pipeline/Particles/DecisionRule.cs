namespace SortLine.Pipeline.Particles;

/// <summary>How <see cref="ParticleDecider"/> turns a particle's per-class pixel counts into a decision.</summary>
public enum DecisionRule
{
    /// <summary>
    /// The class with the most voting pixels wins; the particle is ejected when that class is a target class.
    /// Ties: a tied target class wins over a tied non-target class; among equals the lowest class id wins.
    /// </summary>
    MajorityVote = 0,

    /// <summary>
    /// The particle is ejected when the target classes together hold at least
    /// <see cref="ParticleOptions.TargetFractionThreshold"/> of the voting pixels (a low-grade particle with enough
    /// target mineral is still worth ejecting).
    /// </summary>
    TargetFraction = 1,
}
