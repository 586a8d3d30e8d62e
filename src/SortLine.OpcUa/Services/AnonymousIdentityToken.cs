// Wire layout (OPC 10000-4 §7.41.3):
//
//   PolicyId  String
using SortLine.OpcUa.Encoding;

namespace SortLine.OpcUa.Services;

/// <summary>AnonymousIdentityToken body (encoding 321).</summary>
internal sealed record AnonymousIdentityToken
{
    /// <summary>The UserTokenPolicy id.</summary>
    public string? PolicyId { get; init; }

    /// <summary>Decodes the fields.</summary>
    /// <exception cref="UaDecodingException">Malformed input.</exception>
    public static AnonymousIdentityToken Decode(ref UaBinaryReader reader)
    {
        return new AnonymousIdentityToken
        {
            PolicyId = reader.ReadString(),
        };
    }

    /// <summary>Encodes the fields.</summary>
    public void Encode(ref UaBinaryWriter writer)
    {
        writer.WriteString(PolicyId);
    }
}
