// Wire layout (OPC 10000-4 §5.12.3) after the encoding NodeId 766:
//
//   ResponseHeader  ResponseHeader (written by the dispatcher)
//   Results  MonitoredItemModifyResult[]
//   DiagnosticInfos  DiagnosticInfo[]
using SortLine.OpcUa.Encoding;

namespace SortLine.OpcUa.Services;

/// <summary>ModifyMonitoredItems response.</summary>
internal sealed record ModifyMonitoredItemsResponse : IServiceResponse
{
    /// <summary>Binary encoding id (ModifyMonitoredItemsResponse_Encoding_DefaultBinary).</summary>
    public const uint EncodingId = 766;

    /// <inheritdoc/>
    public uint BinaryEncodingId => EncodingId;

    /// <summary>One per item.</summary>
    public MonitoredItemModifyResult[]? Results { get; init; }

    /// <summary>Diagnostics.</summary>
    public DiagnosticInfo[]? DiagnosticInfos { get; init; }

    /// <inheritdoc/>
    public void EncodeBody(ref UaBinaryWriter writer)
    {
        writer.WriteArray(Results, static (ref UaBinaryWriter w, MonitoredItemModifyResult v) => v.Encode(ref w));
        writer.WriteArray(DiagnosticInfos, static (ref UaBinaryWriter w, DiagnosticInfo v) => w.WriteDiagnosticInfo(v));
    }
}
