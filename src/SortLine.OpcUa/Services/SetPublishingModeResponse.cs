// Wire layout (OPC 10000-4 §5.13.4) after the encoding NodeId 802:
//
//   ResponseHeader  ResponseHeader (written by the dispatcher)
//   Results  StatusCode[]
//   DiagnosticInfos  DiagnosticInfo[]
using SortLine.OpcUa.Encoding;

namespace SortLine.OpcUa.Services;

/// <summary>SetPublishingMode response.</summary>
internal sealed record SetPublishingModeResponse : IServiceResponse
{
    /// <summary>Binary encoding id (SetPublishingModeResponse_Encoding_DefaultBinary).</summary>
    public const uint EncodingId = 802;

    /// <inheritdoc/>
    public uint BinaryEncodingId => EncodingId;

    /// <summary>One per subscription id.</summary>
    public StatusCode[]? Results { get; init; }

    /// <summary>Diagnostics.</summary>
    public DiagnosticInfo[]? DiagnosticInfos { get; init; }

    /// <summary>Decodes the fields after the encoding id.</summary>
    /// <exception cref="UaDecodingException">Malformed input.</exception>
    public static SetPublishingModeResponse Decode(ref UaBinaryReader reader)
    {
        _ = ResponseHeader.Decode(ref reader);
        return new SetPublishingModeResponse
        {
            Results = reader.ReadArray(static (ref UaBinaryReader r) => r.ReadStatusCode(), 4),
            DiagnosticInfos = reader.ReadArray(static (ref UaBinaryReader r) => r.ReadDiagnosticInfo(), 1),
        };
    }

    /// <inheritdoc/>
    public void EncodeBody(ref UaBinaryWriter writer)
    {
        writer.WriteArray(Results, static (ref UaBinaryWriter w, StatusCode v) => w.WriteStatusCode(v));
        writer.WriteArray(DiagnosticInfos, static (ref UaBinaryWriter w, DiagnosticInfo v) => w.WriteDiagnosticInfo(v));
    }
}
