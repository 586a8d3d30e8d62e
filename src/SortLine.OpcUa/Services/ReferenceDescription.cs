// Wire layout (OPC 10000-4 §7.30):
//
//   ReferenceTypeId  NodeId
//   IsForward  Boolean
//   NodeId  ExpandedNodeId
//   BrowseName  QualifiedName
//   DisplayName  LocalizedText
//   NodeClass  enum:NodeClass
//   TypeDefinition  ExpandedNodeId
using SortLine.OpcUa.Encoding;
using SortLine.OpcUa.AddressSpace;

namespace SortLine.OpcUa.Services;

/// <summary>ReferenceDescription (OPC 10000-4 §7.30).</summary>
internal sealed record ReferenceDescription
{
    /// <summary>Reference type.</summary>
    public NodeId ReferenceTypeId { get; init; }

    /// <summary>Direction.</summary>
    public bool IsForward { get; init; }

    /// <summary>Target node.</summary>
    public ExpandedNodeId NodeId { get; init; }

    /// <summary>Target browse name.</summary>
    public QualifiedName BrowseName { get; init; }

    /// <summary>Target display name.</summary>
    public LocalizedText DisplayName { get; init; }

    /// <summary>Target node class.</summary>
    public NodeClass NodeClass { get; init; }

    /// <summary>Target type definition (objects and variables).</summary>
    public ExpandedNodeId TypeDefinition { get; init; }

    /// <summary>Decodes the fields.</summary>
    /// <exception cref="UaDecodingException">Malformed input.</exception>
    public static ReferenceDescription Decode(ref UaBinaryReader reader)
    {
        return new ReferenceDescription
        {
            ReferenceTypeId = reader.ReadNodeId(),
            IsForward = reader.ReadBoolean(),
            NodeId = reader.ReadExpandedNodeId(),
            BrowseName = reader.ReadQualifiedName(),
            DisplayName = reader.ReadLocalizedText(),
            NodeClass = (NodeClass)reader.ReadInt32(),
            TypeDefinition = reader.ReadExpandedNodeId(),
        };
    }

    /// <summary>Encodes the fields.</summary>
    public void Encode(ref UaBinaryWriter writer)
    {
        writer.WriteNodeId(ReferenceTypeId);
        writer.WriteBoolean(IsForward);
        writer.WriteExpandedNodeId(NodeId);
        writer.WriteQualifiedName(BrowseName);
        writer.WriteLocalizedText(DisplayName);
        writer.WriteInt32((int)NodeClass);
        writer.WriteExpandedNodeId(TypeDefinition);
    }
}
