namespace SortLine.Simulators.Belt;

/// <summary>One mineral of the scene's mix and its share of the particles.</summary>
/// <param name="Mineral">The mineral name as the library's index gives it (e.g. "Lepidolite").</param>
/// <param name="Share">Relative share of particles with this main mineral (&gt; 0; shares are normalised).</param>
public readonly record struct MineralShare(string Mineral, double Share);
