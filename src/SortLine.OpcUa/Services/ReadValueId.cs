// Wire layout (OPC 10000-4 §7.29):
//
//   NodeId  NodeId
//   AttributeId  UInt32
//   IndexRange  String
//   DataEncoding  QualifiedName
using SortLine.OpcUa.Encoding;

namespace SortLine.OpcUa.Services;

/// <summary>ReadValueId (OPC 10000-4 §7.29).</summary>
internal sealed record ReadValueId
{
    /// <summary>Node.</summary>
    public NodeId NodeId { get; init; }

    /// <summary>Attribute id.</summary>
    public uint AttributeId { get; init; }

    /// <summary>Index range (null = whole value).</summary>
    public string? IndexRange { get; init; }

    /// <summary>Data encoding (null = default).</summary>
    public QualifiedName DataEncoding { get; init; }

    /// <summary>Decodes the fields.</summary>
    /// <exception cref="UaDecodingException">Malformed input.</exception>
    public static ReadValueId Decode(ref UaBinaryReader reader)
    {
        return new ReadValueId
        {
            NodeId = reader.ReadNodeId(),
            AttributeId = reader.ReadUInt32(),
            IndexRange = reader.ReadString(),
            DataEncoding = reader.ReadQualifiedName(),
        };
    }

    /// <summary>Encodes the fields.</summary>
    public void Encode(ref UaBinaryWriter writer)
    {
        writer.WriteNodeId(NodeId);
        writer.WriteUInt32(AttributeId);
        writer.WriteString(IndexRange);
        writer.WriteQualifiedName(DataEncoding);
    }
}
