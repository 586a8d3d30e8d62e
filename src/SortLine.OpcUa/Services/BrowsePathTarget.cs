// Wire layout (OPC 10000-4 §5.8.4.2):
//
//   TargetId  ExpandedNodeId
//   RemainingPathIndex  UInt32
using SortLine.OpcUa.Encoding;

namespace SortLine.OpcUa.Services;

/// <summary>BrowsePathTarget (OPC 10000-4 §5.8.4.2).</summary>
internal sealed record BrowsePathTarget
{
    /// <summary>Target node.</summary>
    public ExpandedNodeId TargetId { get; init; }

    /// <summary>Index of the first unprocessed element (UInt32.MaxValue when complete).</summary>
    public uint RemainingPathIndex { get; init; }

    /// <summary>Decodes the fields.</summary>
    /// <exception cref="UaDecodingException">Malformed input.</exception>
    public static BrowsePathTarget Decode(ref UaBinaryReader reader)
    {
        return new BrowsePathTarget
        {
            TargetId = reader.ReadExpandedNodeId(),
            RemainingPathIndex = reader.ReadUInt32(),
        };
    }

    /// <summary>Encodes the fields.</summary>
    public void Encode(ref UaBinaryWriter writer)
    {
        writer.WriteExpandedNodeId(TargetId);
        writer.WriteUInt32(RemainingPathIndex);
    }
}
