namespace SortLine.Learning.Registry;

/// <summary>What <see cref="ModelRegistry.Rebuild"/> recovered.</summary>
/// <param name="Recovered">Versions recreated from valid model files.</param>
/// <param name="Skipped">Model files that could not be loaded, each with the reason.</param>
/// <param name="SetAsideIndex">Where the damaged index was moved, or null if there was none.</param>
public sealed record RegistryRebuildResult(IReadOnlyList<string> Recovered, IReadOnlyList<string> Skipped, string? SetAsideIndex);
