using SortLine.OpcUa.Encoding;

namespace SortLine.OpcUa.AddressSpace;

/// <summary>A variable type node (OPC 10000-3 §5.6.5). Its Value attribute is absent (a null Variant).</summary>
public sealed class VariableTypeNode : Node
{
    internal VariableTypeNode(NodeId nodeId, QualifiedName browseName, LocalizedText displayName, bool isAbstract, NodeId dataType, int valueRank)
        : base(nodeId, browseName, displayName)
    {
        IsAbstract = isAbstract;
        DataType = dataType;
        ValueRank = valueRank;
    }

    /// <inheritdoc/>
    public override NodeClass NodeClass => NodeClass.VariableType;

    /// <summary>The IsAbstract attribute.</summary>
    public bool IsAbstract { get; }

    /// <summary>The DataType attribute.</summary>
    public NodeId DataType { get; }

    /// <summary>The ValueRank attribute.</summary>
    public int ValueRank { get; }
}
