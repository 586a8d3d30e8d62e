// Wire layout (OPC 10000-4 §5.6.3) after the encoding NodeId 467:
//
//   RequestHeader  RequestHeader
//   ClientSignature  SignatureData
//   ClientSoftwareCertificates  SignedSoftwareCertificate[]
//   LocaleIds  String[]
//   UserIdentityToken  ExtensionObject
//   UserTokenSignature  SignatureData
using SortLine.OpcUa.Encoding;

namespace SortLine.OpcUa.Services;

/// <summary>ActivateSession request.</summary>
internal sealed record ActivateSessionRequest : IServiceRequest
{
    /// <summary>Binary encoding id (ActivateSessionRequest_Encoding_DefaultBinary).</summary>
    public const uint EncodingId = 467;

    /// <inheritdoc/>
    public required RequestHeader RequestHeader { get; init; }

    /// <summary>Client signature.</summary>
    public SignatureData ClientSignature { get; init; } = new();

    /// <summary>Software certificates.</summary>
    public SignedSoftwareCertificate[]? ClientSoftwareCertificates { get; init; }

    /// <summary>Preferred locales.</summary>
    public string?[]? LocaleIds { get; init; }

    /// <summary>Identity token (321 anonymous, 324 user name).</summary>
    public ExtensionObject UserIdentityToken { get; init; }

    /// <summary>Token signature.</summary>
    public SignatureData UserTokenSignature { get; init; } = new();

    /// <summary>Decodes the fields after the encoding id.</summary>
    /// <exception cref="UaDecodingException">Malformed input.</exception>
    public static ActivateSessionRequest Decode(ref UaBinaryReader reader)
    {
        return new ActivateSessionRequest
        {
            RequestHeader = RequestHeader.Decode(ref reader),
            ClientSignature = SignatureData.Decode(ref reader),
            ClientSoftwareCertificates = reader.ReadArray(static (ref UaBinaryReader r) => SignedSoftwareCertificate.Decode(ref r), 1),
            LocaleIds = reader.ReadArray(static (ref UaBinaryReader r) => r.ReadString(), 4),
            UserIdentityToken = reader.ReadExtensionObject(),
            UserTokenSignature = SignatureData.Decode(ref reader),
        };
    }

    /// <summary>Encodes the fields after the encoding id.</summary>
    public void Encode(ref UaBinaryWriter writer)
    {
        RequestHeader.Encode(ref writer);
        ClientSignature.Encode(ref writer);
        writer.WriteArray(ClientSoftwareCertificates, static (ref UaBinaryWriter w, SignedSoftwareCertificate v) => v.Encode(ref w));
        writer.WriteArray(LocaleIds, static (ref UaBinaryWriter w, string? v) => w.WriteString(v));
        writer.WriteExtensionObject(UserIdentityToken);
        UserTokenSignature.Encode(ref writer);
    }
}
