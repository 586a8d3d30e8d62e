// Wire layout (OPC 10000-4 §5.4.2) after the encoding NodeId 425:
//
//   ResponseHeader  ResponseHeader (written by the dispatcher)
//   Servers  ApplicationDescription[]
using SortLine.OpcUa.Encoding;

namespace SortLine.OpcUa.Services;

/// <summary>FindServers response.</summary>
internal sealed record FindServersResponse : IServiceResponse
{
    /// <summary>Binary encoding id (FindServersResponse_Encoding_DefaultBinary).</summary>
    public const uint EncodingId = 425;

    /// <inheritdoc/>
    public uint BinaryEncodingId => EncodingId;

    /// <summary>Servers.</summary>
    public ApplicationDescription[]? Servers { get; init; }

    /// <summary>Decodes the fields after the encoding id.</summary>
    /// <exception cref="UaDecodingException">Malformed input.</exception>
    public static FindServersResponse Decode(ref UaBinaryReader reader)
    {
        _ = ResponseHeader.Decode(ref reader);
        return new FindServersResponse
        {
            Servers = reader.ReadArray(static (ref UaBinaryReader r) => ApplicationDescription.Decode(ref r), 1),
        };
    }

    /// <inheritdoc/>
    public void EncodeBody(ref UaBinaryWriter writer)
    {
        writer.WriteArray(Servers, static (ref UaBinaryWriter w, ApplicationDescription v) => v.Encode(ref w));
    }
}
