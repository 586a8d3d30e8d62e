namespace SortLine.OpcUa.Encoding;

/// <summary>
/// A NodeId that may name its namespace by URI and live on another server (OPC 10000-6 §5.2.2.10).
/// On the wire the NodeId's encoding byte carries flag 0x80 when <see cref="NamespaceUri"/> is not null and
/// 0x40 when <see cref="ServerIndex"/> is not 0.
/// </summary>
/// <param name="NodeId">The node; its namespace index is ignored by receivers when a URI is given.</param>
/// <param name="NamespaceUri">The namespace URI, or null to use the NodeId's namespace index.</param>
/// <param name="ServerIndex">Index into the server's ServerArray; 0 is the local server.</param>
public readonly record struct ExpandedNodeId(NodeId NodeId, string? NamespaceUri = null, uint ServerIndex = 0)
{
    /// <summary>True when the node is local and has no URI and a null NodeId.</summary>
    public bool IsNull => NodeId.IsNull && NamespaceUri is null && ServerIndex == 0;

    /// <summary>Wraps a local NodeId.</summary>
    public static implicit operator ExpandedNodeId(NodeId nodeId) => new(nodeId);

    /// <summary>Wraps a local NodeId.</summary>
    public static ExpandedNodeId FromNodeId(NodeId nodeId) => new(nodeId);
}
