// Wire layout (OPC 10000-4 §5.12.4) after the encoding NodeId 772:
//
//   ResponseHeader  ResponseHeader (written by the dispatcher)
//   Results  StatusCode[]
//   DiagnosticInfos  DiagnosticInfo[]
using SortLine.OpcUa.Encoding;

namespace SortLine.OpcUa.Services;

/// <summary>SetMonitoringMode response.</summary>
internal sealed record SetMonitoringModeResponse : IServiceResponse
{
    /// <summary>Binary encoding id (SetMonitoringModeResponse_Encoding_DefaultBinary).</summary>
    public const uint EncodingId = 772;

    /// <inheritdoc/>
    public uint BinaryEncodingId => EncodingId;

    /// <summary>One per monitored item id.</summary>
    public StatusCode[]? Results { get; init; }

    /// <summary>Diagnostics.</summary>
    public DiagnosticInfo[]? DiagnosticInfos { get; init; }

    /// <summary>Decodes the fields after the encoding id.</summary>
    /// <exception cref="UaDecodingException">Malformed input.</exception>
    public static SetMonitoringModeResponse Decode(ref UaBinaryReader reader)
    {
        _ = ResponseHeader.Decode(ref reader);
        return new SetMonitoringModeResponse
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
