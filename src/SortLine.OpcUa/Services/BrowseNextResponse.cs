// Wire layout (OPC 10000-4 §5.8.3) after the encoding NodeId 536:
//
//   ResponseHeader  ResponseHeader (written by the dispatcher)
//   Results  BrowseResult[]
//   DiagnosticInfos  DiagnosticInfo[]
using SortLine.OpcUa.Encoding;

namespace SortLine.OpcUa.Services;

/// <summary>BrowseNext response.</summary>
internal sealed record BrowseNextResponse : IServiceResponse
{
    /// <summary>Binary encoding id (BrowseNextResponse_Encoding_DefaultBinary).</summary>
    public const uint EncodingId = 536;

    /// <inheritdoc/>
    public uint BinaryEncodingId => EncodingId;

    /// <summary>One per continuation point.</summary>
    public BrowseResult[]? Results { get; init; }

    /// <summary>Diagnostics.</summary>
    public DiagnosticInfo[]? DiagnosticInfos { get; init; }

    /// <summary>Decodes the fields after the encoding id.</summary>
    /// <exception cref="UaDecodingException">Malformed input.</exception>
    public static BrowseNextResponse Decode(ref UaBinaryReader reader)
    {
        _ = ResponseHeader.Decode(ref reader);
        return new BrowseNextResponse
        {
            Results = reader.ReadArray(static (ref UaBinaryReader r) => BrowseResult.Decode(ref r), 1),
            DiagnosticInfos = reader.ReadArray(static (ref UaBinaryReader r) => r.ReadDiagnosticInfo(), 1),
        };
    }

    /// <inheritdoc/>
    public void EncodeBody(ref UaBinaryWriter writer)
    {
        writer.WriteArray(Results, static (ref UaBinaryWriter w, BrowseResult v) => v.Encode(ref w));
        writer.WriteArray(DiagnosticInfos, static (ref UaBinaryWriter w, DiagnosticInfo v) => w.WriteDiagnosticInfo(v));
    }
}
