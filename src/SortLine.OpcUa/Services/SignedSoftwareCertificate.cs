// Wire layout (OPC 10000-4 §7.38):
//
//   CertificateData  ByteString
//   Signature  ByteString
using SortLine.OpcUa.Encoding;

namespace SortLine.OpcUa.Services;

/// <summary>SignedSoftwareCertificate (OPC 10000-4 §7.38).</summary>
internal sealed record SignedSoftwareCertificate
{
    /// <summary>Certificate.</summary>
    public byte[]? CertificateData { get; init; }

    /// <summary>Signature.</summary>
    public byte[]? Signature { get; init; }

    /// <summary>Decodes the fields.</summary>
    /// <exception cref="UaDecodingException">Malformed input.</exception>
    public static SignedSoftwareCertificate Decode(ref UaBinaryReader reader)
    {
        return new SignedSoftwareCertificate
        {
            CertificateData = reader.ReadByteString(),
            Signature = reader.ReadByteString(),
        };
    }

    /// <summary>Encodes the fields.</summary>
    public void Encode(ref UaBinaryWriter writer)
    {
        writer.WriteByteString(CertificateData);
        writer.WriteByteString(Signature);
    }
}
