// Wire layout (OPC 10000-4 §7.41.4):
//
//   PolicyId  String
//   UserName  String
//   Password  ByteString
//   EncryptionAlgorithm  String
using SortLine.OpcUa.Encoding;

namespace SortLine.OpcUa.Services;

/// <summary>UserNameIdentityToken body (encoding 324).</summary>
internal sealed record UserNameIdentityToken
{
    /// <summary>The UserTokenPolicy id.</summary>
    public string? PolicyId { get; init; }

    /// <summary>The user name.</summary>
    public string? UserName { get; init; }

    /// <summary>The password: plain UTF-8 when EncryptionAlgorithm is null or empty, otherwise encrypted.</summary>
    public byte[]? Password { get; init; }

    /// <summary>Asymmetric encryption algorithm URI, or null.</summary>
    public string? EncryptionAlgorithm { get; init; }

    /// <summary>Decodes the fields.</summary>
    /// <exception cref="UaDecodingException">Malformed input.</exception>
    public static UserNameIdentityToken Decode(ref UaBinaryReader reader)
    {
        return new UserNameIdentityToken
        {
            PolicyId = reader.ReadString(),
            UserName = reader.ReadString(),
            Password = reader.ReadByteString(),
            EncryptionAlgorithm = reader.ReadString(),
        };
    }

    /// <summary>Encodes the fields.</summary>
    public void Encode(ref UaBinaryWriter writer)
    {
        writer.WriteString(PolicyId);
        writer.WriteString(UserName);
        writer.WriteByteString(Password);
        writer.WriteString(EncryptionAlgorithm);
    }
}
