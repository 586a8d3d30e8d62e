// Wire layout (OPC 10000-4 §5.8.4.2):
//
//   StatusCode  StatusCode
//   Targets  BrowsePathTarget[]
using SortLine.OpcUa.Encoding;

namespace SortLine.OpcUa.Services;

/// <summary>BrowsePathResult (OPC 10000-4 §5.8.4.2).</summary>
internal sealed record BrowsePathResult
{
    /// <summary>Result.</summary>
    public StatusCode StatusCode { get; init; }

    /// <summary>Targets.</summary>
    public BrowsePathTarget[]? Targets { get; init; }

    /// <summary>Decodes the fields.</summary>
    /// <exception cref="UaDecodingException">Malformed input.</exception>
    public static BrowsePathResult Decode(ref UaBinaryReader reader)
    {
        return new BrowsePathResult
        {
            StatusCode = reader.ReadStatusCode(),
            Targets = reader.ReadArray(static (ref UaBinaryReader r) => BrowsePathTarget.Decode(ref r), 1),
        };
    }

    /// <summary>Encodes the fields.</summary>
    public void Encode(ref UaBinaryWriter writer)
    {
        writer.WriteStatusCode(StatusCode);
        writer.WriteArray(Targets, static (ref UaBinaryWriter w, BrowsePathTarget v) => v.Encode(ref w));
    }
}
