using SortLine.OpcUa.Encoding;

namespace SortLine.OpcUa.AddressSpace;

/// <summary>A view node (OPC 10000-3 §5.4).</summary>
public sealed class ViewNode : Node
{
    internal ViewNode(NodeId nodeId, QualifiedName browseName, LocalizedText displayName)
        : base(nodeId, browseName, displayName)
    {
    }

    /// <inheritdoc/>
    public override NodeClass NodeClass => NodeClass.View;

    /// <summary>The ContainsNoLoops attribute.</summary>
    public bool ContainsNoLoops { get; init; }

    /// <summary>The EventNotifier attribute.</summary>
    public byte EventNotifier { get; init; }
}
