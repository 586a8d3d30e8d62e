using SortLine.OpcUa.Encoding;
using SortLine.OpcUa.SecureChannel;
using SortLine.OpcUa.Sessions;

namespace SortLine.OpcUa.Services;

/// <summary>
/// The server's application description and endpoints (opcua.md §4): one opc.tcp endpoint with SecurityPolicy None,
/// offering the anonymous policy (unless switched off) and the user name policy (when users are configured).
/// GetEndpoints and CreateSession return the same list; the EndpointUrl echoes the URL the client dialled so
/// clients that match endpoints by URL (node-opcua's endpointMustExist) find it.
/// </summary>
internal sealed class EndpointConfiguration(string endpointUrl, string applicationUri, string productUri, string applicationName, IdentityValidator identity)
{
    /// <summary>Transport profile of UA TCP with UA Binary.</summary>
    public const string TransportProfileUri = "http://opcfoundation.org/UA-Profile/Transport/uatcp-uasc-uabinary";

    private volatile string _endpointUrl = endpointUrl;

    /// <summary>The advertised endpoint URL.</summary>
    public string EndpointUrl => _endpointUrl;

    /// <summary>Replaces the advertised URL (once the real port is known).</summary>
    public void SetEndpointUrl(string url) => _endpointUrl = url;

    /// <summary>The application URI (also namespace 1).</summary>
    public string ApplicationUri { get; } = applicationUri;

    /// <summary>The server's application description.</summary>
    public ApplicationDescription Application => new()
    {
        ApplicationUri = ApplicationUri,
        ProductUri = productUri,
        ApplicationName = LocalizedText.FromText(applicationName),
        ApplicationType = ApplicationType.Server,
        DiscoveryUrls = [EndpointUrl],
    };

    /// <summary>The endpoints as seen by a client that dialled <paramref name="clientUrl"/>.</summary>
    public EndpointDescription[] GetEndpoints(string? clientUrl)
    {
        string url = clientUrl is not null && clientUrl.StartsWith("opc.tcp://", StringComparison.OrdinalIgnoreCase) ? clientUrl : EndpointUrl;
        var policies = new List<UserTokenPolicy>();
        if (identity.AllowAnonymous)
        {
            policies.Add(new UserTokenPolicy { PolicyId = IdentityValidator.AnonymousPolicyId, TokenType = UserTokenType.Anonymous });
        }

        if (identity.AllowUserName)
        {
            policies.Add(new UserTokenPolicy { PolicyId = IdentityValidator.UserNamePolicyId, TokenType = UserTokenType.UserName });
        }

        ApplicationDescription application = Application with { DiscoveryUrls = [url] };
        return
        [
            new EndpointDescription
            {
                EndpointUrl = url,
                Server = application,
                SecurityMode = MessageSecurityMode.None,
                SecurityPolicyUri = NoneSecurityPolicy.PolicyUri,
                UserIdentityTokens = [.. policies],
                TransportProfileUri = TransportProfileUri,
                SecurityLevel = 0,
            },
        ];
    }
}
