// Wire layout (OPC 10000-4 §5.8.3) after the encoding NodeId 533:
//
//   RequestHeader  RequestHeader
//   ReleaseContinuationPoints  Boolean
//   ContinuationPoints  ByteString[]
using SortLine.OpcUa.Encoding;

namespace SortLine.OpcUa.Services;

/// <summary>BrowseNext request.</summary>
internal sealed record BrowseNextRequest : IServiceRequest
{
    /// <summary>Binary encoding id (BrowseNextRequest_Encoding_DefaultBinary).</summary>
    public const uint EncodingId = 533;

    /// <inheritdoc/>
    public required RequestHeader RequestHeader { get; init; }

    /// <summary>Release instead of continuing.</summary>
    public bool ReleaseContinuationPoints { get; init; }

    /// <summary>Continuation points.</summary>
    public byte[]?[]? ContinuationPoints { get; init; }

    /// <summary>Decodes the fields after the encoding id.</summary>
    /// <exception cref="UaDecodingException">Malformed input.</exception>
    public static BrowseNextRequest Decode(ref UaBinaryReader reader)
    {
        return new BrowseNextRequest
        {
            RequestHeader = RequestHeader.Decode(ref reader),
            ReleaseContinuationPoints = reader.ReadBoolean(),
            ContinuationPoints = reader.ReadArray(static (ref UaBinaryReader r) => r.ReadByteString(), 4),
        };
    }

    /// <summary>Encodes the fields after the encoding id.</summary>
    public void Encode(ref UaBinaryWriter writer)
    {
        RequestHeader.Encode(ref writer);
        writer.WriteBoolean(ReleaseContinuationPoints);
        writer.WriteArray(ContinuationPoints, static (ref UaBinaryWriter w, byte[]? v) => w.WriteByteString(v));
    }
}
