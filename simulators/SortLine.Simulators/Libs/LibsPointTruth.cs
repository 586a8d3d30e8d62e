namespace SortLine.Simulators.Libs;

/// <summary>Ground truth of one LIBS shot.</summary>
/// <param name="Sequence">The point's sequence number.</param>
/// <param name="ParticleId">The particle at the spot centre, or 0 for bare belt.</param>
/// <param name="MainMaterial">That particle's main mineral (scene material index; the belt's for bare belt).</param>
/// <param name="IsMisfire">Whether the laser made no plasma (the spectrum is baseline and noise only).</param>
/// <param name="BeltAcrossMetres">Spot centre on the belt, across, m.</param>
/// <param name="BeltAlongMetres">Spot centre on the belt, along (material coordinate), m.</param>
public readonly record struct LibsPointTruth(long Sequence, long ParticleId, int MainMaterial, bool IsMisfire, double BeltAcrossMetres, double BeltAlongMetres);
