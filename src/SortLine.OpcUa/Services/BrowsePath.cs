// Wire layout (OPC 10000-4 §5.8.4.2):
//
//   StartingNode  NodeId
//   RelativePath  RelativePath
using SortLine.OpcUa.Encoding;

namespace SortLine.OpcUa.Services;

/// <summary>BrowsePath (OPC 10000-4 §5.8.4.2).</summary>
internal sealed record BrowsePath
{
    /// <summary>Start node.</summary>
    public NodeId StartingNode { get; init; }

    /// <summary>Path.</summary>
    public RelativePath RelativePath { get; init; } = new();

    /// <summary>Decodes the fields.</summary>
    /// <exception cref="UaDecodingException">Malformed input.</exception>
    public static BrowsePath Decode(ref UaBinaryReader reader)
    {
        return new BrowsePath
        {
            StartingNode = reader.ReadNodeId(),
            RelativePath = RelativePath.Decode(ref reader),
        };
    }

    /// <summary>Encodes the fields.</summary>
    public void Encode(ref UaBinaryWriter writer)
    {
        writer.WriteNodeId(StartingNode);
        RelativePath.Encode(ref writer);
    }
}
