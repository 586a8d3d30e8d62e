// Wire layout (OPC 10000-4 §5.10.2) after the encoding NodeId 631:
//
//   RequestHeader  RequestHeader
//   MaxAge  Double
//   TimestampsToReturn  enum:TimestampsToReturn
//   NodesToRead  ReadValueId[]
using SortLine.OpcUa.Encoding;

namespace SortLine.OpcUa.Services;

/// <summary>Read request.</summary>
internal sealed record ReadRequest : IServiceRequest
{
    /// <summary>Binary encoding id (ReadRequest_Encoding_DefaultBinary).</summary>
    public const uint EncodingId = 631;

    /// <inheritdoc/>
    public required RequestHeader RequestHeader { get; init; }

    /// <summary>Maximum age, ms.</summary>
    public double MaxAge { get; init; }

    /// <summary>Timestamps to return.</summary>
    public TimestampsToReturn TimestampsToReturn { get; init; }

    /// <summary>Attributes to read.</summary>
    public ReadValueId[]? NodesToRead { get; init; }

    /// <summary>Decodes the fields after the encoding id.</summary>
    /// <exception cref="UaDecodingException">Malformed input.</exception>
    public static ReadRequest Decode(ref UaBinaryReader reader)
    {
        return new ReadRequest
        {
            RequestHeader = RequestHeader.Decode(ref reader),
            MaxAge = reader.ReadDouble(),
            TimestampsToReturn = (TimestampsToReturn)reader.ReadInt32(),
            NodesToRead = reader.ReadArray(static (ref UaBinaryReader r) => ReadValueId.Decode(ref r), 1),
        };
    }

    /// <summary>Encodes the fields after the encoding id.</summary>
    public void Encode(ref UaBinaryWriter writer)
    {
        RequestHeader.Encode(ref writer);
        writer.WriteDouble(MaxAge);
        writer.WriteInt32((int)TimestampsToReturn);
        writer.WriteArray(NodesToRead, static (ref UaBinaryWriter w, ReadValueId v) => v.Encode(ref w));
    }
}
