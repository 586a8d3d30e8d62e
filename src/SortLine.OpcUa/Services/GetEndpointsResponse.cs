// Wire layout (OPC 10000-4 §5.4.4) after the encoding NodeId 431:
//
//   ResponseHeader  ResponseHeader (written by the dispatcher)
//   Endpoints  EndpointDescription[]
using SortLine.OpcUa.Encoding;

namespace SortLine.OpcUa.Services;

/// <summary>GetEndpoints response.</summary>
internal sealed record GetEndpointsResponse : IServiceResponse
{
    /// <summary>Binary encoding id (GetEndpointsResponse_Encoding_DefaultBinary).</summary>
    public const uint EncodingId = 431;

    /// <inheritdoc/>
    public uint BinaryEncodingId => EncodingId;

    /// <summary>Endpoints.</summary>
    public EndpointDescription[]? Endpoints { get; init; }

    /// <summary>Decodes the fields after the encoding id.</summary>
    /// <exception cref="UaDecodingException">Malformed input.</exception>
    public static GetEndpointsResponse Decode(ref UaBinaryReader reader)
    {
        _ = ResponseHeader.Decode(ref reader);
        return new GetEndpointsResponse
        {
            Endpoints = reader.ReadArray(static (ref UaBinaryReader r) => EndpointDescription.Decode(ref r), 1),
        };
    }

    /// <inheritdoc/>
    public void EncodeBody(ref UaBinaryWriter writer)
    {
        writer.WriteArray(Endpoints, static (ref UaBinaryWriter w, EndpointDescription v) => v.Encode(ref w));
    }
}
