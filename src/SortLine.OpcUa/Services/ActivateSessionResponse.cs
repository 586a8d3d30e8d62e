// Wire layout (OPC 10000-4 §5.6.3) after the encoding NodeId 470:
//
//   ResponseHeader  ResponseHeader (written by the dispatcher)
//   ServerNonce  ByteString
//   Results  StatusCode[]
//   DiagnosticInfos  DiagnosticInfo[]
using SortLine.OpcUa.Encoding;

namespace SortLine.OpcUa.Services;

/// <summary>ActivateSession response.</summary>
internal sealed record ActivateSessionResponse : IServiceResponse
{
    /// <summary>Binary encoding id (ActivateSessionResponse_Encoding_DefaultBinary).</summary>
    public const uint EncodingId = 470;

    /// <inheritdoc/>
    public uint BinaryEncodingId => EncodingId;

    /// <summary>New 32-byte nonce.</summary>
    public byte[]? ServerNonce { get; init; }

    /// <summary>One per client software certificate.</summary>
    public StatusCode[]? Results { get; init; }

    /// <summary>Diagnostics.</summary>
    public DiagnosticInfo[]? DiagnosticInfos { get; init; }

    /// <summary>Decodes the fields after the encoding id.</summary>
    /// <exception cref="UaDecodingException">Malformed input.</exception>
    public static ActivateSessionResponse Decode(ref UaBinaryReader reader)
    {
        _ = ResponseHeader.Decode(ref reader);
        return new ActivateSessionResponse
        {
            ServerNonce = reader.ReadByteString(),
            Results = reader.ReadArray(static (ref UaBinaryReader r) => r.ReadStatusCode(), 4),
            DiagnosticInfos = reader.ReadArray(static (ref UaBinaryReader r) => r.ReadDiagnosticInfo(), 1),
        };
    }

    /// <inheritdoc/>
    public void EncodeBody(ref UaBinaryWriter writer)
    {
        writer.WriteByteString(ServerNonce);
        writer.WriteArray(Results, static (ref UaBinaryWriter w, StatusCode v) => w.WriteStatusCode(v));
        writer.WriteArray(DiagnosticInfos, static (ref UaBinaryWriter w, DiagnosticInfo v) => w.WriteDiagnosticInfo(v));
    }
}
