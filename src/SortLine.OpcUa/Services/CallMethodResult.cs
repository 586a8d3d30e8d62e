// Wire layout (OPC 10000-4 §5.11.2.2):
//
//   StatusCode  StatusCode
//   InputArgumentResults  StatusCode[]
//   InputArgumentDiagnosticInfos  DiagnosticInfo[]
//   OutputArguments  Variant[]
using SortLine.OpcUa.Encoding;

namespace SortLine.OpcUa.Services;

/// <summary>CallMethodResult.</summary>
internal sealed record CallMethodResult
{
    /// <summary>The method's status.</summary>
    public StatusCode StatusCode { get; init; }

    /// <summary>Per-input verdicts (with Bad_InvalidArgument), else empty.</summary>
    public StatusCode[]? InputArgumentResults { get; init; }

    /// <summary>The output values.</summary>
    public Variant[]? OutputArguments { get; init; }

    /// <summary>Encodes the fields.</summary>
    public void Encode(ref UaBinaryWriter writer)
    {
        writer.WriteStatusCode(StatusCode);
        writer.WriteArray(InputArgumentResults ?? [], static (ref UaBinaryWriter w, StatusCode v) => w.WriteStatusCode(v));
        writer.WriteArray(Array.Empty<DiagnosticInfo>(), static (ref UaBinaryWriter w, DiagnosticInfo v) => w.WriteDiagnosticInfo(v));
        writer.WriteArray(OutputArguments ?? [], static (ref UaBinaryWriter w, Variant v) => w.WriteVariant(v));
    }
}
