// Wire layout (OPC 10000-4 §5.10.4) after the encoding NodeId 673:
//
//   RequestHeader  RequestHeader
//   NodesToWrite  WriteValue[]
using SortLine.OpcUa.Encoding;

namespace SortLine.OpcUa.Services;

/// <summary>Write request.</summary>
internal sealed record WriteRequest : IServiceRequest
{
    /// <summary>Binary encoding id (WriteRequest_Encoding_DefaultBinary).</summary>
    public const uint EncodingId = 673;

    /// <inheritdoc/>
    public required RequestHeader RequestHeader { get; init; }

    /// <summary>Values to write.</summary>
    public WriteValue[]? NodesToWrite { get; init; }

    /// <summary>Decodes the fields after the encoding id.</summary>
    /// <exception cref="UaDecodingException">Malformed input.</exception>
    public static WriteRequest Decode(ref UaBinaryReader reader)
    {
        return new WriteRequest
        {
            RequestHeader = RequestHeader.Decode(ref reader),
            NodesToWrite = reader.ReadArray(static (ref UaBinaryReader r) => WriteValue.Decode(ref r), 1),
        };
    }

    /// <summary>Encodes the fields after the encoding id.</summary>
    public void Encode(ref UaBinaryWriter writer)
    {
        RequestHeader.Encode(ref writer);
        writer.WriteArray(NodesToWrite, static (ref UaBinaryWriter w, WriteValue v) => v.Encode(ref w));
    }
}
