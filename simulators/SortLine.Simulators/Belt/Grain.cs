namespace SortLine.Simulators.Belt;

/// <summary>A circular grain of another mineral inside a particle (belt coordinates, metres).</summary>
/// <param name="Across">Centre, across.</param>
/// <param name="Along">Centre, along.</param>
/// <param name="RadiusSquared">Radius squared, m².</param>
/// <param name="Material">The grain's mineral (material index).</param>
internal readonly record struct Grain(double Across, double Along, double RadiusSquared, int Material);
