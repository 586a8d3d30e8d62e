namespace SortLine.Simulators.Belt;

/// <summary>What the belt scene holds at one point.</summary>
/// <param name="ParticleId">The particle's id, or <see cref="BeltScene.BeltParticleId"/> (0) for bare belt.</param>
/// <param name="MainMaterial">The particle's main mineral (index into <see cref="BeltScene.MaterialNames"/>), or
/// <see cref="BeltScene.BeltMaterial"/> for bare belt.</param>
/// <param name="Material">The material at the point itself (a grain's mineral inside a grain, else the main one).</param>
public readonly record struct SceneHit(long ParticleId, int MainMaterial, int Material)
{
    /// <summary>Gets whether the point is bare belt.</summary>
    public bool IsBelt => ParticleId == BeltScene.BeltParticleId;
}
