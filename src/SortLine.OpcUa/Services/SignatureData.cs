// Wire layout (OPC 10000-4 §7.37):
//
//   Algorithm  String
//   Signature  ByteString
using SortLine.OpcUa.Encoding;

namespace SortLine.OpcUa.Services;

/// <summary>SignatureData (OPC 10000-4 §7.37).</summary>
internal sealed record SignatureData
{
    /// <summary>Signature algorithm URI (null with None).</summary>
    public string? Algorithm { get; init; }

    /// <summary>Signature bytes.</summary>
    public byte[]? Signature { get; init; }

    /// <summary>Decodes the fields.</summary>
    /// <exception cref="UaDecodingException">Malformed input.</exception>
    public static SignatureData Decode(ref UaBinaryReader reader)
    {
        return new SignatureData
        {
            Algorithm = reader.ReadString(),
            Signature = reader.ReadByteString(),
        };
    }

    /// <summary>Encodes the fields.</summary>
    public void Encode(ref UaBinaryWriter writer)
    {
        writer.WriteString(Algorithm);
        writer.WriteByteString(Signature);
    }
}
