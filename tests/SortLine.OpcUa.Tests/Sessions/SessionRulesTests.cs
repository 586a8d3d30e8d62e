using SortLine.OpcUa.Encoding;
using SortLine.OpcUa.SecureChannel;
using SortLine.OpcUa.Services;
using SortLine.OpcUa.Sessions;
using SortLine.OpcUa.Tests.Services;

namespace SortLine.OpcUa.Tests.Sessions;

public sealed class SessionRulesTests
{
    private const string User = "operator";
    private const string Password = "secret-1";
    private static readonly OpcUaUserAccount Account = new(User, OpcUaPasswordHasher.Hash(Password, 1000));

    private static ExtensionObject Anonymous(string policyId = IdentityValidator.AnonymousPolicyId) =>
        Token(IdentityValidator.AnonymousIdentityTokenEncodingId, (ref UaBinaryWriter w) => new AnonymousIdentityToken { PolicyId = policyId }.Encode(ref w));

    private static ExtensionObject UserName(string user, string password, string? algorithm = null) =>
        Token(IdentityValidator.UserNameIdentityTokenEncodingId, (ref UaBinaryWriter w) => new UserNameIdentityToken
        {
            PolicyId = IdentityValidator.UserNamePolicyId,
            UserName = user,
            Password = System.Text.Encoding.UTF8.GetBytes(password),
            EncryptionAlgorithm = algorithm,
        }.Encode(ref w));

    private delegate void BodyWriter(ref UaBinaryWriter writer);

    private static ExtensionObject Token(uint typeId, BodyWriter write)
    {
        using var buffer = new PooledByteBuffer(64);
        var writer = new UaBinaryWriter(buffer);
        write(ref writer);
        writer.Commit();
        return ExtensionObject.FromBinary(new NodeId(typeId), buffer.WrittenSpan.ToArray());
    }

    private static ActivateSessionRequest Activate(Session session, ExtensionObject token) =>
        new() { RequestHeader = ServiceTestHost.Header(session.AuthenticationToken), UserIdentityToken = token };

    private static StatusCode StatusOf(Action action) => Assert.Throws<ServiceResultException>(action).StatusCode;

    [Fact]
    public void Validate_BeforeActivation_BadSessionNotActivated_AfterwardsGood()
    {
        var host = new ServiceTestHost();
        Session session = host.Sessions.TryCreate(ServiceTestHost.Channel, "s", 60_000)!;

        StatusCode before = host.Sessions.Validate(session.AuthenticationToken, ServiceTestHost.Channel, requireActivated: true, out _);
        host.SessionServices.ActivateSession(host.Context(session), Activate(session, Anonymous()));
        StatusCode after = host.Sessions.Validate(session.AuthenticationToken, ServiceTestHost.Channel, requireActivated: true, out _);

        Assert.Equal((StatusCode.BadSessionNotActivated, StatusCode.Good), (before, after));
    }

    [Fact]
    public void Validate_UnknownToken_BadSessionIdInvalid()
    {
        var host = new ServiceTestHost();

        Assert.Equal(StatusCode.BadSessionIdInvalid, host.Sessions.Validate(NodeId.FromOpaque(0, new byte[32]), ServiceTestHost.Channel, true, out _));
    }

    [Fact]
    public void Validate_OtherChannel_BadSecureChannelIdInvalid()
    {
        var host = new ServiceTestHost();
        Session session = host.ActivatedSession();

        Assert.Equal(StatusCode.BadSecureChannelIdInvalid, host.Sessions.Validate(session.AuthenticationToken, ServiceTestHost.Channel + 1, true, out _));
    }

    [Fact]
    public void Validate_AfterTimeoutWithoutRequests_BadSessionIdInvalid_RequestsKeepItAlive()
    {
        var host = new ServiceTestHost();
        Session session = host.Sessions.TryCreate(ServiceTestHost.Channel, "s", 10_000)!;
        session.Activate(ServiceTestHost.Channel, null);

        host.Time.Advance(TimeSpan.FromSeconds(9));
        StatusCode kept = host.Sessions.Validate(session.AuthenticationToken, ServiceTestHost.Channel, true, out _);
        host.Time.Advance(TimeSpan.FromSeconds(10.001));
        StatusCode expired = host.Sessions.Validate(session.AuthenticationToken, ServiceTestHost.Channel, true, out _);

        Assert.Equal((StatusCode.Good, StatusCode.BadSessionIdInvalid), (kept, expired));
        Assert.Equal(0, host.Sessions.Count);
    }

    [Fact]
    public void CreateSession_PastMaxSessions_BadTooManySessions()
    {
        var host = new ServiceTestHost(maxSessions: 2);
        var request = new CreateSessionRequest { RequestHeader = new RequestHeader(), RequestedSessionTimeout = 60_000 };
        host.SessionServices.CreateSession(host.ContextWithoutSession(), request);
        host.SessionServices.CreateSession(host.ContextWithoutSession(), request);

        Assert.Equal(StatusCode.BadTooManySessions, StatusOf(() => host.SessionServices.CreateSession(host.ContextWithoutSession(), request)));
    }

    [Fact]
    public void CreateSession_Response_NonceOf32BytesRevisedTimeoutAndSameEndpointsAsGetEndpoints()
    {
        var host = new ServiceTestHost();

        CreateSessionResponse response = host.SessionServices.CreateSession(host.ContextWithoutSession(), new CreateSessionRequest { RequestHeader = new RequestHeader(), RequestedSessionTimeout = 1, EndpointUrl = "opc.tcp://sorter:4840" });

        Assert.Equal(32, response.ServerNonce!.Length);
        Assert.Equal(10_000, response.RevisedSessionTimeout);
        Assert.Equal("opc.tcp://sorter:4840", Assert.Single(response.ServerEndpoints!).EndpointUrl);
        Assert.NotEqual(response.SessionId, response.AuthenticationToken);
    }

    [Fact]
    public void ActivateSession_FirstActivationFromAnotherChannel_BadSecureChannelIdInvalid()
    {
        var host = new ServiceTestHost();
        Session session = host.Sessions.TryCreate(ServiceTestHost.Channel + 5, "s", 60_000)!;

        Assert.Equal(StatusCode.BadSecureChannelIdInvalid, StatusOf(() => host.SessionServices.ActivateSession(host.Context(session), Activate(session, Anonymous()))));
    }

    [Fact]
    public void ActivateSession_NewNonceEachTime()
    {
        var host = new ServiceTestHost();
        Session session = host.Sessions.TryCreate(ServiceTestHost.Channel, "s", 60_000)!;
        byte[] created = session.ServerNonce;

        byte[] first = host.SessionServices.ActivateSession(host.Context(session), Activate(session, Anonymous())).ServerNonce!;
        byte[] second = host.SessionServices.ActivateSession(host.Context(session), Activate(session, Anonymous())).ServerNonce!;

        Assert.Equal(32, first.Length);
        Assert.NotEqual(created, first);
        Assert.NotEqual(first, second);
    }

    [Fact]
    public void ActivateSession_UserNamePassword_RightAcceptedWrongRejected()
    {
        var host = new ServiceTestHost(allowAnonymous: true, users: Account);
        Session session = host.Sessions.TryCreate(ServiceTestHost.Channel, "s", 60_000)!;

        Assert.Equal(StatusCode.BadIdentityTokenRejected, StatusOf(() => host.SessionServices.ActivateSession(host.Context(session), Activate(session, UserName(User, "wrong")))));
        Assert.Equal(StatusCode.BadIdentityTokenRejected, StatusOf(() => host.SessionServices.ActivateSession(host.Context(session), Activate(session, UserName("nobody", Password)))));
        Assert.False(session.IsActivated);
        host.SessionServices.ActivateSession(host.Context(session), Activate(session, UserName(User, Password)));
        Assert.Equal((true, User), (session.IsActivated, session.UserName));
    }

    [Theory]
    [InlineData(false, "anonymous")]
    [InlineData(true, "not-offered")]
    public void ActivateSession_AnonymousOffOrWrongPolicy_BadIdentityTokenInvalid(bool allowAnonymous, string policyId)
    {
        var host = new ServiceTestHost(allowAnonymous: allowAnonymous, users: Account);
        Session session = host.Sessions.TryCreate(ServiceTestHost.Channel, "s", 60_000)!;

        Assert.Equal(StatusCode.BadIdentityTokenInvalid, StatusOf(() => host.SessionServices.ActivateSession(host.Context(session), Activate(session, Anonymous(policyId)))));
    }

    [Fact]
    public void ActivateSession_NullTokenWithAnonymousOff_BadIdentityTokenInvalid()
    {
        var host = new ServiceTestHost(allowAnonymous: false, users: Account);
        Session session = host.Sessions.TryCreate(ServiceTestHost.Channel, "s", 60_000)!;

        Assert.Equal(StatusCode.BadIdentityTokenInvalid, StatusOf(() => host.SessionServices.ActivateSession(host.Context(session), Activate(session, default))));
    }

    [Fact]
    public void ActivateSession_EncryptedPasswordUnderNone_BadIdentityTokenInvalid()
    {
        var host = new ServiceTestHost(users: Account);
        Session session = host.Sessions.TryCreate(ServiceTestHost.Channel, "s", 60_000)!;

        Assert.Equal(StatusCode.BadIdentityTokenInvalid, StatusOf(() => host.SessionServices.ActivateSession(host.Context(session), Activate(session, UserName(User, Password, "http://www.w3.org/2001/04/xmlenc#rsa-oaep")))));
    }

    [Fact]
    public void GetEndpoints_AnonymousOff_OnlyUserNamePolicy()
    {
        var validator = new IdentityValidator(false, [Account]);
        var endpoints = new EndpointConfiguration("opc.tcp://localhost:4840", "urn:a", "urn:p", "n", validator);

        EndpointDescription endpoint = Assert.Single(endpoints.GetEndpoints(null));

        Assert.Equal([UserTokenType.UserName], endpoint.UserIdentityTokens!.Select(p => p.TokenType));
        Assert.Equal((MessageSecurityMode.None, NoneSecurityPolicy.PolicyUri), (endpoint.SecurityMode, endpoint.SecurityPolicyUri));
    }
}
