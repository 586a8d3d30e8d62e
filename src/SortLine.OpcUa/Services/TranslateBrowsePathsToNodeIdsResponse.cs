// Wire layout (OPC 10000-4 §5.8.4) after the encoding NodeId 557:
//
//   ResponseHeader  ResponseHeader (written by the dispatcher)
//   Results  BrowsePathResult[]
//   DiagnosticInfos  DiagnosticInfo[]
using SortLine.OpcUa.Encoding;

namespace SortLine.OpcUa.Services;

/// <summary>TranslateBrowsePathsToNodeIds response.</summary>
internal sealed record TranslateBrowsePathsToNodeIdsResponse : IServiceResponse
{
    /// <summary>Binary encoding id (TranslateBrowsePathsToNodeIdsResponse_Encoding_DefaultBinary).</summary>
    public const uint EncodingId = 557;

    /// <inheritdoc/>
    public uint BinaryEncodingId => EncodingId;

    /// <summary>One per path.</summary>
    public BrowsePathResult[]? Results { get; init; }

    /// <summary>Diagnostics.</summary>
    public DiagnosticInfo[]? DiagnosticInfos { get; init; }

    /// <summary>Decodes the fields after the encoding id.</summary>
    /// <exception cref="UaDecodingException">Malformed input.</exception>
    public static TranslateBrowsePathsToNodeIdsResponse Decode(ref UaBinaryReader reader)
    {
        _ = ResponseHeader.Decode(ref reader);
        return new TranslateBrowsePathsToNodeIdsResponse
        {
            Results = reader.ReadArray(static (ref UaBinaryReader r) => BrowsePathResult.Decode(ref r), 1),
            DiagnosticInfos = reader.ReadArray(static (ref UaBinaryReader r) => r.ReadDiagnosticInfo(), 1),
        };
    }

    /// <inheritdoc/>
    public void EncodeBody(ref UaBinaryWriter writer)
    {
        writer.WriteArray(Results, static (ref UaBinaryWriter w, BrowsePathResult v) => v.Encode(ref w));
        writer.WriteArray(DiagnosticInfos, static (ref UaBinaryWriter w, DiagnosticInfo v) => w.WriteDiagnosticInfo(v));
    }
}
