using SortLine.OpcUa.Encoding;

namespace SortLine.OpcUa.AddressSpace;

/// <summary>A data type node (OPC 10000-3 §5.8.3).</summary>
public sealed class DataTypeNode : Node
{
    internal DataTypeNode(NodeId nodeId, QualifiedName browseName, LocalizedText displayName, bool isAbstract)
        : base(nodeId, browseName, displayName)
    {
        IsAbstract = isAbstract;
    }

    /// <inheritdoc/>
    public override NodeClass NodeClass => NodeClass.DataType;

    /// <summary>The IsAbstract attribute.</summary>
    public bool IsAbstract { get; }
}
