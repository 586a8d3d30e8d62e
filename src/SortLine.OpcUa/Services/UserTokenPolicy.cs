// Wire layout (OPC 10000-4 §7.42):
//
//   PolicyId  String
//   TokenType  enum:UserTokenType
//   IssuedTokenType  String
//   IssuerEndpointUrl  String
//   SecurityPolicyUri  String
using SortLine.OpcUa.Encoding;

namespace SortLine.OpcUa.Services;

/// <summary>UserTokenPolicy (OPC 10000-4 §7.42).</summary>
internal sealed record UserTokenPolicy
{
    /// <summary>Policy id the client echoes in its identity token.</summary>
    public string? PolicyId { get; init; }

    /// <summary>Anonymous, UserName, Certificate or IssuedToken.</summary>
    public UserTokenType TokenType { get; init; }

    /// <summary>Issued token type URI.</summary>
    public string? IssuedTokenType { get; init; }

    /// <summary>Issuer endpoint.</summary>
    public string? IssuerEndpointUrl { get; init; }

    /// <summary>Policy for the token; null = the endpoint's.</summary>
    public string? SecurityPolicyUri { get; init; }

    /// <summary>Decodes the fields.</summary>
    /// <exception cref="UaDecodingException">Malformed input.</exception>
    public static UserTokenPolicy Decode(ref UaBinaryReader reader)
    {
        return new UserTokenPolicy
        {
            PolicyId = reader.ReadString(),
            TokenType = (UserTokenType)reader.ReadInt32(),
            IssuedTokenType = reader.ReadString(),
            IssuerEndpointUrl = reader.ReadString(),
            SecurityPolicyUri = reader.ReadString(),
        };
    }

    /// <summary>Encodes the fields.</summary>
    public void Encode(ref UaBinaryWriter writer)
    {
        writer.WriteString(PolicyId);
        writer.WriteInt32((int)TokenType);
        writer.WriteString(IssuedTokenType);
        writer.WriteString(IssuerEndpointUrl);
        writer.WriteString(SecurityPolicyUri);
    }
}
