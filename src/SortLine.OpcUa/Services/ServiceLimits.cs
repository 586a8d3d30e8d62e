namespace SortLine.OpcUa.Services;

/// <summary>Operation limits the services enforce (and the server publishes under ServerCapabilities/OperationLimits).</summary>
internal sealed record ServiceLimits
{
    /// <summary>Most ReadValueIds per Read.</summary>
    public int MaxNodesPerRead { get; init; } = 1000;

    /// <summary>Most WriteValues per Write.</summary>
    public int MaxNodesPerWrite { get; init; } = 1000;

    /// <summary>Most nodes per Browse (and continuation points per BrowseNext).</summary>
    public int MaxNodesPerBrowse { get; init; } = 1000;

    /// <summary>Most browse paths per TranslateBrowsePathsToNodeIds.</summary>
    public int MaxNodesPerTranslateBrowsePathsToNodeIds { get; init; } = 1000;

    /// <summary>Most references per node in one Browse/BrowseNext result, whatever the client asks.</summary>
    public int MaxReferencesPerNode { get; init; } = 1000;
}
