// Wire layout (OPC 10000-4 §5.8.4) after the encoding NodeId 554:
//
//   RequestHeader  RequestHeader
//   BrowsePaths  BrowsePath[]
using SortLine.OpcUa.Encoding;

namespace SortLine.OpcUa.Services;

/// <summary>TranslateBrowsePathsToNodeIds request.</summary>
internal sealed record TranslateBrowsePathsToNodeIdsRequest : IServiceRequest
{
    /// <summary>Binary encoding id (TranslateBrowsePathsToNodeIdsRequest_Encoding_DefaultBinary).</summary>
    public const uint EncodingId = 554;

    /// <inheritdoc/>
    public required RequestHeader RequestHeader { get; init; }

    /// <summary>Paths.</summary>
    public BrowsePath[]? BrowsePaths { get; init; }

    /// <summary>Decodes the fields after the encoding id.</summary>
    /// <exception cref="UaDecodingException">Malformed input.</exception>
    public static TranslateBrowsePathsToNodeIdsRequest Decode(ref UaBinaryReader reader)
    {
        return new TranslateBrowsePathsToNodeIdsRequest
        {
            RequestHeader = RequestHeader.Decode(ref reader),
            BrowsePaths = reader.ReadArray(static (ref UaBinaryReader r) => BrowsePath.Decode(ref r), 1),
        };
    }

    /// <summary>Encodes the fields after the encoding id.</summary>
    public void Encode(ref UaBinaryWriter writer)
    {
        RequestHeader.Encode(ref writer);
        writer.WriteArray(BrowsePaths, static (ref UaBinaryWriter w, BrowsePath v) => v.Encode(ref w));
    }
}
