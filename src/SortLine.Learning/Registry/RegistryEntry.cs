using SortLine.Learning.Models;

namespace SortLine.Learning.Registry;

/// <summary>One model version in the registry index.</summary>
/// <param name="Version">Model version id.</param>
/// <param name="ParentVersion">The version it was retrained from, or null.</param>
/// <param name="CreatedUtc">When the model was created (UTC).</param>
/// <param name="Status">Its status.</param>
/// <param name="Window">The belt and time span of its training data.</param>
/// <param name="PairCount">Number of training pairs.</param>
/// <param name="Components">Number of PLS components.</param>
/// <param name="HeldOut">Held-out metrics.</param>
/// <param name="ModelFile">Model file name, relative to the registry's <c>models/</c> folder.</param>
/// <param name="ModelSha256">SHA-256 of the whole model file, lower-case hex.</param>
public sealed record RegistryEntry(
    string Version,
    string? ParentVersion,
    DateTimeOffset CreatedUtc,
    ModelStatus Status,
    TrainingWindow Window,
    int PairCount,
    int Components,
    HeldOutMetrics HeldOut,
    string ModelFile,
    string ModelSha256);
