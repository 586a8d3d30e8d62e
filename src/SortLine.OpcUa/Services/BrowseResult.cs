// Wire layout (OPC 10000-4 §7.6):
//
//   StatusCode  StatusCode
//   ContinuationPoint  ByteString
//   References  ReferenceDescription[]
using SortLine.OpcUa.Encoding;

namespace SortLine.OpcUa.Services;

/// <summary>BrowseResult (OPC 10000-4 §7.6).</summary>
internal sealed record BrowseResult
{
    /// <summary>Result for the node.</summary>
    public StatusCode StatusCode { get; init; }

    /// <summary>Continuation point when more references remain.</summary>
    public byte[]? ContinuationPoint { get; init; }

    /// <summary>References found.</summary>
    public ReferenceDescription[]? References { get; init; }

    /// <summary>Decodes the fields.</summary>
    /// <exception cref="UaDecodingException">Malformed input.</exception>
    public static BrowseResult Decode(ref UaBinaryReader reader)
    {
        return new BrowseResult
        {
            StatusCode = reader.ReadStatusCode(),
            ContinuationPoint = reader.ReadByteString(),
            References = reader.ReadArray(static (ref UaBinaryReader r) => ReferenceDescription.Decode(ref r), 1),
        };
    }

    /// <summary>Encodes the fields.</summary>
    public void Encode(ref UaBinaryWriter writer)
    {
        writer.WriteStatusCode(StatusCode);
        writer.WriteByteString(ContinuationPoint);
        writer.WriteArray(References, static (ref UaBinaryWriter w, ReferenceDescription v) => v.Encode(ref w));
    }
}
