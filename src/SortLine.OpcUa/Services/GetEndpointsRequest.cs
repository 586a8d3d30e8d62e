// Wire layout (OPC 10000-4 §5.4.4) after the encoding NodeId 428:
//
//   RequestHeader  RequestHeader
//   EndpointUrl  String
//   LocaleIds  String[]
//   ProfileUris  String[]
using SortLine.OpcUa.Encoding;

namespace SortLine.OpcUa.Services;

/// <summary>GetEndpoints request.</summary>
internal sealed record GetEndpointsRequest : IServiceRequest
{
    /// <summary>Binary encoding id (GetEndpointsRequest_Encoding_DefaultBinary).</summary>
    public const uint EncodingId = 428;

    /// <inheritdoc/>
    public required RequestHeader RequestHeader { get; init; }

    /// <summary>URL the client used.</summary>
    public string? EndpointUrl { get; init; }

    /// <summary>Preferred locales.</summary>
    public string?[]? LocaleIds { get; init; }

    /// <summary>Transport profile filter.</summary>
    public string?[]? ProfileUris { get; init; }

    /// <summary>Decodes the fields after the encoding id.</summary>
    /// <exception cref="UaDecodingException">Malformed input.</exception>
    public static GetEndpointsRequest Decode(ref UaBinaryReader reader)
    {
        return new GetEndpointsRequest
        {
            RequestHeader = RequestHeader.Decode(ref reader),
            EndpointUrl = reader.ReadString(),
            LocaleIds = reader.ReadArray(static (ref UaBinaryReader r) => r.ReadString(), 4),
            ProfileUris = reader.ReadArray(static (ref UaBinaryReader r) => r.ReadString(), 4),
        };
    }

    /// <summary>Encodes the fields after the encoding id.</summary>
    public void Encode(ref UaBinaryWriter writer)
    {
        RequestHeader.Encode(ref writer);
        writer.WriteString(EndpointUrl);
        writer.WriteArray(LocaleIds, static (ref UaBinaryWriter w, string? v) => w.WriteString(v));
        writer.WriteArray(ProfileUris, static (ref UaBinaryWriter w, string? v) => w.WriteString(v));
    }
}
