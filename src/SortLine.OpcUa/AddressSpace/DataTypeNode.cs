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

    /// <summary>
    /// The DataTypeDefinition attribute (v1.04): a StructureDefinition ExtensionObject for host-defined structures, so
    /// generic clients (node-opcua reads it) can decode values; null for the namespace 0 types, which clients know.
    /// </summary>
    public ExtensionObject? DataTypeDefinition { get; init; }
}
