// Wire layout (OPC 10000-4 §5.10.4.2):
//
//   NodeId  NodeId
//   AttributeId  UInt32
//   IndexRange  String
//   Value  DataValue
using SortLine.OpcUa.Encoding;

namespace SortLine.OpcUa.Services;

/// <summary>WriteValue (OPC 10000-4 §5.10.4.2).</summary>
internal sealed record WriteValue
{
    /// <summary>Node.</summary>
    public NodeId NodeId { get; init; }

    /// <summary>Attribute id.</summary>
    public uint AttributeId { get; init; }

    /// <summary>Index range (null = whole value).</summary>
    public string? IndexRange { get; init; }

    /// <summary>Value to write.</summary>
    public DataValue Value { get; init; } = new();

    /// <summary>Decodes the fields.</summary>
    /// <exception cref="UaDecodingException">Malformed input.</exception>
    public static WriteValue Decode(ref UaBinaryReader reader)
    {
        return new WriteValue
        {
            NodeId = reader.ReadNodeId(),
            AttributeId = reader.ReadUInt32(),
            IndexRange = reader.ReadString(),
            Value = reader.ReadDataValue(),
        };
    }

    /// <summary>Encodes the fields.</summary>
    public void Encode(ref UaBinaryWriter writer)
    {
        writer.WriteNodeId(NodeId);
        writer.WriteUInt32(AttributeId);
        writer.WriteString(IndexRange);
        writer.WriteDataValue(Value);
    }
}
