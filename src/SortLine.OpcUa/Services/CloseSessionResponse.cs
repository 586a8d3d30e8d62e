// Wire layout (OPC 10000-4 §5.6.4) after the encoding NodeId 476:
//
//   ResponseHeader  ResponseHeader (written by the dispatcher)
using SortLine.OpcUa.Encoding;

namespace SortLine.OpcUa.Services;

/// <summary>CloseSession response.</summary>
internal sealed record CloseSessionResponse : IServiceResponse
{
    /// <summary>Binary encoding id (CloseSessionResponse_Encoding_DefaultBinary).</summary>
    public const uint EncodingId = 476;

    /// <inheritdoc/>
    public uint BinaryEncodingId => EncodingId;

    /// <summary>Decodes the fields after the encoding id.</summary>
    /// <exception cref="UaDecodingException">Malformed input.</exception>
    public static CloseSessionResponse Decode(ref UaBinaryReader reader)
    {
        _ = ResponseHeader.Decode(ref reader);
        return new CloseSessionResponse
        {
        };
    }

    /// <inheritdoc/>
    public void EncodeBody(ref UaBinaryWriter writer)
    {
    }
}
