namespace SortLine.OpcUa.AddressSpace;

/// <summary>The sorter settings a client may write under <c>Line/Configuration</c>.</summary>
/// <param name="TargetClasses">Classes to eject (names from the node set's class list, no duplicates; may be empty).</param>
/// <param name="EjectThreshold">Minimum confidence for an eject, 0..1.</param>
/// <param name="MinParticlePixels">Smallest particle considered, pixels (1..<see cref="SortLineNodeSetOptions.MaxMinParticlePixels"/>).</param>
public sealed record SortLineConfiguration(IReadOnlyList<string> TargetClasses, double EjectThreshold, uint MinParticlePixels);
