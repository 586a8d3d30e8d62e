using SortLine.OpcUa.Encoding;
using SortLine.OpcUa.Services;

namespace SortLine.OpcUa.Sessions;

/// <summary>
/// Checks the identity token of ActivateSession against the offered user token policies: anonymous (when allowed)
/// and user name/password against configured <see cref="OpcUaUserAccount"/>s. With SecurityPolicy None the password
/// arrives as plain UTF-8 with a null EncryptionAlgorithm (OPC 10000-4 §7.41.4); encrypted passwords need a signing
/// policy and are refused here.
/// </summary>
internal sealed class IdentityValidator
{
    /// <summary>PolicyId of the anonymous UserTokenPolicy.</summary>
    public const string AnonymousPolicyId = "anonymous";

    /// <summary>PolicyId of the user name UserTokenPolicy.</summary>
    public const string UserNamePolicyId = "username";

    /// <summary>AnonymousIdentityToken_Encoding_DefaultBinary.</summary>
    public const uint AnonymousIdentityTokenEncodingId = 321;

    /// <summary>UserNameIdentityToken_Encoding_DefaultBinary.</summary>
    public const uint UserNameIdentityTokenEncodingId = 324;

    private readonly Dictionary<string, OpcUaUserAccount> _users;

    /// <summary>Creates the validator.</summary>
    public IdentityValidator(bool allowAnonymous, IEnumerable<OpcUaUserAccount> users)
    {
        ArgumentNullException.ThrowIfNull(users);
        AllowAnonymous = allowAnonymous;
        _users = users.ToDictionary(u => u.UserName, StringComparer.Ordinal);
    }

    /// <summary>True when anonymous sessions are accepted.</summary>
    public bool AllowAnonymous { get; }

    /// <summary>True when user name tokens are offered (at least one user is configured).</summary>
    public bool AllowUserName => _users.Count > 0;

    /// <summary>Validates a token.</summary>
    /// <param name="token">The UserIdentityToken ExtensionObject (null or empty = anonymous).</param>
    /// <param name="userName">The authenticated user name, or null for anonymous.</param>
    /// <returns>Good, Bad_IdentityTokenInvalid (unknown or unoffered token type, bad policy id, undecodable) or Bad_IdentityTokenRejected (wrong user or password).</returns>
    public StatusCode Validate(ExtensionObject token, out string? userName)
    {
        userName = null;
        if (token.IsNull || token.TypeId.IsNull)
        {
            return AllowAnonymous ? StatusCode.Good : StatusCode.BadIdentityTokenInvalid;
        }

        if (token.Encoding != ExtensionObjectEncoding.Binary || token.TypeId.NamespaceIndex != 0 || token.Body is null)
        {
            return StatusCode.BadIdentityTokenInvalid;
        }

        try
        {
            var reader = new UaBinaryReader(token.Body);
            switch (token.TypeId.NumericIdentifier)
            {
                case AnonymousIdentityTokenEncodingId:
                    AnonymousIdentityToken anonymous = AnonymousIdentityToken.Decode(ref reader);
                    return AllowAnonymous && anonymous.PolicyId == AnonymousPolicyId ? StatusCode.Good : StatusCode.BadIdentityTokenInvalid;
                case UserNameIdentityTokenEncodingId:
                    UserNameIdentityToken user = UserNameIdentityToken.Decode(ref reader);
                    return ValidateUser(user, out userName);
                default:
                    return StatusCode.BadIdentityTokenInvalid;
            }
        }
        catch (UaDecodingException)
        {
            return StatusCode.BadIdentityTokenInvalid;
        }
    }

    private StatusCode ValidateUser(UserNameIdentityToken token, out string? userName)
    {
        userName = null;
        if (!AllowUserName || token.PolicyId != UserNamePolicyId || !string.IsNullOrEmpty(token.EncryptionAlgorithm) || string.IsNullOrEmpty(token.UserName))
        {
            return StatusCode.BadIdentityTokenInvalid;
        }

        ReadOnlySpan<byte> password = token.Password ?? [];
        if (!_users.TryGetValue(token.UserName, out OpcUaUserAccount? account))
        {
            OpcUaPasswordHasher.VerifyDummy(password);
            return StatusCode.BadIdentityTokenRejected;
        }

        if (!OpcUaPasswordHasher.Verify(password, account.PasswordHash))
        {
            return StatusCode.BadIdentityTokenRejected;
        }

        userName = account.UserName;
        return StatusCode.Good;
    }
}
