// Wire layout (OPC 10000-4 §5.8.2) after the encoding NodeId 527:
//
//   RequestHeader  RequestHeader
//   View  ViewDescription
//   RequestedMaxReferencesPerNode  UInt32
//   NodesToBrowse  BrowseDescription[]
using SortLine.OpcUa.Encoding;

namespace SortLine.OpcUa.Services;

/// <summary>Browse request.</summary>
internal sealed record BrowseRequest : IServiceRequest
{
    /// <summary>Binary encoding id (BrowseRequest_Encoding_DefaultBinary).</summary>
    public const uint EncodingId = 527;

    /// <inheritdoc/>
    public required RequestHeader RequestHeader { get; init; }

    /// <summary>View (null ViewId = whole address space).</summary>
    public ViewDescription View { get; init; } = new();

    /// <summary>Most references per node per result (0 = no limit).</summary>
    public uint RequestedMaxReferencesPerNode { get; init; }

    /// <summary>Nodes to browse.</summary>
    public BrowseDescription[]? NodesToBrowse { get; init; }

    /// <summary>Decodes the fields after the encoding id.</summary>
    /// <exception cref="UaDecodingException">Malformed input.</exception>
    public static BrowseRequest Decode(ref UaBinaryReader reader)
    {
        return new BrowseRequest
        {
            RequestHeader = RequestHeader.Decode(ref reader),
            View = ViewDescription.Decode(ref reader),
            RequestedMaxReferencesPerNode = reader.ReadUInt32(),
            NodesToBrowse = reader.ReadArray(static (ref UaBinaryReader r) => BrowseDescription.Decode(ref r), 1),
        };
    }

    /// <summary>Encodes the fields after the encoding id.</summary>
    public void Encode(ref UaBinaryWriter writer)
    {
        RequestHeader.Encode(ref writer);
        View.Encode(ref writer);
        writer.WriteUInt32(RequestedMaxReferencesPerNode);
        writer.WriteArray(NodesToBrowse, static (ref UaBinaryWriter w, BrowseDescription v) => v.Encode(ref w));
    }
}
