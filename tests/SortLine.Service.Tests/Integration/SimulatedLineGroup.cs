namespace SortLine.Service.Tests.Integration;

/// <summary>The tests that run a whole simulated line run one at a time (each needs most of a 2-core machine).</summary>
[CollectionDefinition(Name)]
public sealed class SimulatedLineGroup
{
    public const string Name = "Simulated line";
}
