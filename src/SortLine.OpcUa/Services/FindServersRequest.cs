// Wire layout (OPC 10000-4 §5.4.2) after the encoding NodeId 422:
//
//   RequestHeader  RequestHeader
//   EndpointUrl  String
//   LocaleIds  String[]
//   ServerUris  String[]
using SortLine.OpcUa.Encoding;

namespace SortLine.OpcUa.Services;

/// <summary>FindServers request.</summary>
internal sealed record FindServersRequest : IServiceRequest
{
    /// <summary>Binary encoding id (FindServersRequest_Encoding_DefaultBinary).</summary>
    public const uint EncodingId = 422;

    /// <inheritdoc/>
    public required RequestHeader RequestHeader { get; init; }

    /// <summary>URL the client used.</summary>
    public string? EndpointUrl { get; init; }

    /// <summary>Preferred locales.</summary>
    public string?[]? LocaleIds { get; init; }

    /// <summary>Server URI filter.</summary>
    public string?[]? ServerUris { get; init; }

    /// <summary>Decodes the fields after the encoding id.</summary>
    /// <exception cref="UaDecodingException">Malformed input.</exception>
    public static FindServersRequest Decode(ref UaBinaryReader reader)
    {
        return new FindServersRequest
        {
            RequestHeader = RequestHeader.Decode(ref reader),
            EndpointUrl = reader.ReadString(),
            LocaleIds = reader.ReadArray(static (ref UaBinaryReader r) => r.ReadString(), 4),
            ServerUris = reader.ReadArray(static (ref UaBinaryReader r) => r.ReadString(), 4),
        };
    }

    /// <summary>Encodes the fields after the encoding id.</summary>
    public void Encode(ref UaBinaryWriter writer)
    {
        RequestHeader.Encode(ref writer);
        writer.WriteString(EndpointUrl);
        writer.WriteArray(LocaleIds, static (ref UaBinaryWriter w, string? v) => w.WriteString(v));
        writer.WriteArray(ServerUris, static (ref UaBinaryWriter w, string? v) => w.WriteString(v));
    }
}
