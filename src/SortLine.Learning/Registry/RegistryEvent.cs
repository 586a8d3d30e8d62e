namespace SortLine.Learning.Registry;

/// <summary>One entry of the registry history: who did what to which version, when and why.</summary>
/// <param name="AtUtc">When (UTC).</param>
/// <param name="Kind">What happened.</param>
/// <param name="Version">The version acted on (for a rollback: the version restored as champion).</param>
/// <param name="PreviousChampion">The champion before the event, or null.</param>
/// <param name="Actor">Who: a user name, or a service such as <c>retrain</c>.</param>
/// <param name="Reason">Why, in words (e.g. "held-out accuracy 0.95 vs champion 0.93").</param>
public sealed record RegistryEvent(DateTimeOffset AtUtc, RegistryEventKind Kind, string Version, string? PreviousChampion, string Actor, string Reason);
