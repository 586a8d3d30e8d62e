// Wire layout (OPC 10000-4 §5.11.2) after the encoding NodeId 715:
//
//   ResponseHeader  ResponseHeader (written by the dispatcher)
//   Results  CallMethodResult[]
//   DiagnosticInfos  DiagnosticInfo[]
using SortLine.OpcUa.Encoding;

namespace SortLine.OpcUa.Services;

/// <summary>Call response.</summary>
internal sealed record CallResponse : IServiceResponse
{
    /// <summary>Binary encoding id (CallResponse_Encoding_DefaultBinary).</summary>
    public const uint EncodingId = 715;

    /// <inheritdoc/>
    public uint BinaryEncodingId => EncodingId;

    /// <summary>One per call.</summary>
    public CallMethodResult[]? Results { get; init; }

    /// <summary>Diagnostics.</summary>
    public DiagnosticInfo[]? DiagnosticInfos { get; init; }

    /// <inheritdoc/>
    public void EncodeBody(ref UaBinaryWriter writer)
    {
        writer.WriteArray(Results, static (ref UaBinaryWriter w, CallMethodResult v) => v.Encode(ref w));
        writer.WriteArray(DiagnosticInfos, static (ref UaBinaryWriter w, DiagnosticInfo v) => w.WriteDiagnosticInfo(v));
    }
}
