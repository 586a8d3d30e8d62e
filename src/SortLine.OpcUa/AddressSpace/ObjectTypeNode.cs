using SortLine.OpcUa.Encoding;

namespace SortLine.OpcUa.AddressSpace;

/// <summary>An object type node (OPC 10000-3 §5.5.2).</summary>
public sealed class ObjectTypeNode : Node
{
    internal ObjectTypeNode(NodeId nodeId, QualifiedName browseName, LocalizedText displayName, bool isAbstract)
        : base(nodeId, browseName, displayName)
    {
        IsAbstract = isAbstract;
    }

    /// <inheritdoc/>
    public override NodeClass NodeClass => NodeClass.ObjectType;

    /// <summary>The IsAbstract attribute.</summary>
    public bool IsAbstract { get; }
}
