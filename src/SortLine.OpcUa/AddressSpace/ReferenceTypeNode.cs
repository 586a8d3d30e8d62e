using SortLine.OpcUa.Encoding;

namespace SortLine.OpcUa.AddressSpace;

/// <summary>A reference type node (OPC 10000-3 §5.3).</summary>
public sealed class ReferenceTypeNode : Node
{
    internal ReferenceTypeNode(NodeId nodeId, QualifiedName browseName, LocalizedText displayName, bool isAbstract, bool symmetric, LocalizedText? inverseName)
        : base(nodeId, browseName, displayName)
    {
        IsAbstract = isAbstract;
        Symmetric = symmetric;
        InverseName = inverseName;
    }

    /// <inheritdoc/>
    public override NodeClass NodeClass => NodeClass.ReferenceType;

    /// <summary>The IsAbstract attribute.</summary>
    public bool IsAbstract { get; }

    /// <summary>The Symmetric attribute.</summary>
    public bool Symmetric { get; }

    /// <summary>The InverseName attribute; null for symmetric types (reading it then gives Bad_AttributeIdInvalid).</summary>
    public LocalizedText? InverseName { get; }
}
