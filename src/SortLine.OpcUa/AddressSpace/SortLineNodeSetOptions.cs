using SortLine.OpcUa.Encoding;

namespace SortLine.OpcUa.AddressSpace;

/// <summary>How <see cref="SortLineNodeSet"/> is built.</summary>
public sealed class SortLineNodeSetOptions
{
    /// <summary>The sorter namespace URI.</summary>
    public const string DefaultNamespaceUri = "urn:sortline";

    /// <summary>Namespace URI of the sorter nodes.</summary>
    public string NamespaceUri { get; init; } = DefaultNamespaceUri;

    /// <summary>The material classes, in class-index order (one ParticleCount and EjectionCount variable each). Required, unique, non-empty.</summary>
    public IReadOnlyList<string> ClassNames { get; init; } = [];

    /// <summary>The configuration before any client writes (must satisfy the same rules as a write).</summary>
    public SortLineConfiguration InitialConfiguration { get; init; } = new([], 0.5, 20);

    /// <summary>Largest MinParticlePixels a client may write.</summary>
    public uint MaxMinParticlePixels { get; init; } = 100_000;

    /// <summary>Largest LineCount of CaptureDark/WhiteReference.</summary>
    public uint MaxReferenceLines { get; init; } = 10_000;

    /// <summary>Capacity of the <see cref="DecisionPublisher"/> queue (commands waiting for the pump).</summary>
    public int DecisionQueueCapacity { get; init; } = 65_536;

    /// <summary>
    /// Extra host check of a configuration a client is about to write (after the range checks): return Good to accept,
    /// anything else (e.g. Bad_InvalidState while running) refuses the write and nothing changes. Must be quick.
    /// </summary>
    public Func<SortLineConfiguration, StatusCode>? ConfigurationValidator { get; init; }
}
