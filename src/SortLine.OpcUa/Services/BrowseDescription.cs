// Wire layout (OPC 10000-4 §5.8.2.2):
//
//   NodeId  NodeId
//   BrowseDirection  enum:BrowseDirection
//   ReferenceTypeId  NodeId
//   IncludeSubtypes  Boolean
//   NodeClassMask  UInt32
//   ResultMask  UInt32
using SortLine.OpcUa.Encoding;

namespace SortLine.OpcUa.Services;

/// <summary>BrowseDescription (OPC 10000-4 §5.8.2.2).</summary>
internal sealed record BrowseDescription
{
    /// <summary>Node to browse.</summary>
    public NodeId NodeId { get; init; }

    /// <summary>Forward, Inverse or Both.</summary>
    public BrowseDirection BrowseDirection { get; init; }

    /// <summary>Reference type filter (null = all).</summary>
    public NodeId ReferenceTypeId { get; init; }

    /// <summary>Include subtypes of the reference type.</summary>
    public bool IncludeSubtypes { get; init; }

    /// <summary>Node classes to return (0 = all).</summary>
    public uint NodeClassMask { get; init; }

    /// <summary>Fields of each ReferenceDescription to fill.</summary>
    public uint ResultMask { get; init; }

    /// <summary>Decodes the fields.</summary>
    /// <exception cref="UaDecodingException">Malformed input.</exception>
    public static BrowseDescription Decode(ref UaBinaryReader reader)
    {
        return new BrowseDescription
        {
            NodeId = reader.ReadNodeId(),
            BrowseDirection = (BrowseDirection)reader.ReadInt32(),
            ReferenceTypeId = reader.ReadNodeId(),
            IncludeSubtypes = reader.ReadBoolean(),
            NodeClassMask = reader.ReadUInt32(),
            ResultMask = reader.ReadUInt32(),
        };
    }

    /// <summary>Encodes the fields.</summary>
    public void Encode(ref UaBinaryWriter writer)
    {
        writer.WriteNodeId(NodeId);
        writer.WriteInt32((int)BrowseDirection);
        writer.WriteNodeId(ReferenceTypeId);
        writer.WriteBoolean(IncludeSubtypes);
        writer.WriteUInt32(NodeClassMask);
        writer.WriteUInt32(ResultMask);
    }
}
