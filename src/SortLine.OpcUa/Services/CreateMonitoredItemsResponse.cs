// Wire layout (OPC 10000-4 §5.12.2) after the encoding NodeId 754:
//
//   ResponseHeader  ResponseHeader (written by the dispatcher)
//   Results  MonitoredItemCreateResult[]
//   DiagnosticInfos  DiagnosticInfo[]
using SortLine.OpcUa.Encoding;

namespace SortLine.OpcUa.Services;

/// <summary>CreateMonitoredItems response.</summary>
internal sealed record CreateMonitoredItemsResponse : IServiceResponse
{
    /// <summary>Binary encoding id (CreateMonitoredItemsResponse_Encoding_DefaultBinary).</summary>
    public const uint EncodingId = 754;

    /// <inheritdoc/>
    public uint BinaryEncodingId => EncodingId;

    /// <summary>One per item.</summary>
    public MonitoredItemCreateResult[]? Results { get; init; }

    /// <summary>Diagnostics.</summary>
    public DiagnosticInfo[]? DiagnosticInfos { get; init; }

    /// <inheritdoc/>
    public void EncodeBody(ref UaBinaryWriter writer)
    {
        writer.WriteArray(Results, static (ref UaBinaryWriter w, MonitoredItemCreateResult v) => v.Encode(ref w));
        writer.WriteArray(DiagnosticInfos, static (ref UaBinaryWriter w, DiagnosticInfo v) => w.WriteDiagnosticInfo(v));
    }
}
