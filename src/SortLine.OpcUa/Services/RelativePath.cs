// Wire layout (OPC 10000-4 §7.31):
//
//   Elements  RelativePathElement[]
using SortLine.OpcUa.Encoding;

namespace SortLine.OpcUa.Services;

/// <summary>RelativePath (OPC 10000-4 §7.31).</summary>
internal sealed record RelativePath
{
    /// <summary>Path elements.</summary>
    public RelativePathElement[]? Elements { get; init; }

    /// <summary>Decodes the fields.</summary>
    /// <exception cref="UaDecodingException">Malformed input.</exception>
    public static RelativePath Decode(ref UaBinaryReader reader)
    {
        return new RelativePath
        {
            Elements = reader.ReadArray(static (ref UaBinaryReader r) => RelativePathElement.Decode(ref r), 1),
        };
    }

    /// <summary>Encodes the fields.</summary>
    public void Encode(ref UaBinaryWriter writer)
    {
        writer.WriteArray(Elements, static (ref UaBinaryWriter w, RelativePathElement v) => v.Encode(ref w));
    }
}
