// Wire layout (OPC 10000-4 §7.45):
//
//   ViewId  NodeId
//   Timestamp  DateTime
//   ViewVersion  UInt32
using SortLine.OpcUa.Encoding;

namespace SortLine.OpcUa.Services;

/// <summary>ViewDescription (OPC 10000-4 §7.45).</summary>
internal sealed record ViewDescription
{
    /// <summary>The view (null = whole address space).</summary>
    public NodeId ViewId { get; init; }

    /// <summary>View version time.</summary>
    public DateTime Timestamp { get; init; }

    /// <summary>View version.</summary>
    public uint ViewVersion { get; init; }

    /// <summary>Decodes the fields.</summary>
    /// <exception cref="UaDecodingException">Malformed input.</exception>
    public static ViewDescription Decode(ref UaBinaryReader reader)
    {
        return new ViewDescription
        {
            ViewId = reader.ReadNodeId(),
            Timestamp = reader.ReadDateTime(),
            ViewVersion = reader.ReadUInt32(),
        };
    }

    /// <summary>Encodes the fields.</summary>
    public void Encode(ref UaBinaryWriter writer)
    {
        writer.WriteNodeId(ViewId);
        writer.WriteDateTime(Timestamp);
        writer.WriteUInt32(ViewVersion);
    }
}
