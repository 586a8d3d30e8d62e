// Wire layout (OPC 10000-4 §5.10.2) after the encoding NodeId 634:
//
//   ResponseHeader  ResponseHeader (written by the dispatcher)
//   Results  DataValue[]
//   DiagnosticInfos  DiagnosticInfo[]
using SortLine.OpcUa.Encoding;

namespace SortLine.OpcUa.Services;

/// <summary>Read response.</summary>
internal sealed record ReadResponse : IServiceResponse
{
    /// <summary>Binary encoding id (ReadResponse_Encoding_DefaultBinary).</summary>
    public const uint EncodingId = 634;

    /// <inheritdoc/>
    public uint BinaryEncodingId => EncodingId;

    /// <summary>One per attribute.</summary>
    public DataValue[]? Results { get; init; }

    /// <summary>Diagnostics.</summary>
    public DiagnosticInfo[]? DiagnosticInfos { get; init; }

    /// <summary>Decodes the fields after the encoding id.</summary>
    /// <exception cref="UaDecodingException">Malformed input.</exception>
    public static ReadResponse Decode(ref UaBinaryReader reader)
    {
        _ = ResponseHeader.Decode(ref reader);
        return new ReadResponse
        {
            Results = reader.ReadArray(static (ref UaBinaryReader r) => r.ReadDataValue(), 1),
            DiagnosticInfos = reader.ReadArray(static (ref UaBinaryReader r) => r.ReadDiagnosticInfo(), 1),
        };
    }

    /// <inheritdoc/>
    public void EncodeBody(ref UaBinaryWriter writer)
    {
        writer.WriteArray(Results, static (ref UaBinaryWriter w, DataValue v) => w.WriteDataValue(v));
        writer.WriteArray(DiagnosticInfos, static (ref UaBinaryWriter w, DiagnosticInfo v) => w.WriteDiagnosticInfo(v));
    }
}
