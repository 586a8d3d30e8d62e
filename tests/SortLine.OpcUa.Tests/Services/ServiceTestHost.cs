using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SortLine.OpcUa.AddressSpace;
using SortLine.OpcUa.Encoding;
using SortLine.OpcUa.SecureChannel;
using SortLine.OpcUa.Services;
using SortLine.OpcUa.Sessions;

namespace SortLine.OpcUa.Tests.Services;

/// <summary>Services over a real namespace 0 store plus a few test variables, with a fake clock and one activated session.</summary>
internal sealed class ServiceTestHost
{
    public const uint Channel = 11;

    public ServiceTestHost(int maxContinuationPoints = 2, int maxSessions = 3, bool allowAnonymous = true, params OpcUaUserAccount[] users)
    {
        Store.AddNamespace("urn:test:server");
        Namespace0.AddTo(Store);
        new SortLine.OpcUa.Server.ServerObjectBinder(Store, new SortLine.OpcUa.Server.OpcUaServerOptions(), Time).Bind();
        Builder = new AddressSpaceBuilder(Store);
        Ns = Builder.RegisterNamespace("urn:test");
        Folder = Builder.AddFolder(ObjectIds.ObjectsFolder, NodeId.FromString(Ns, "Line"), "Line");
        Speed = Builder.AddVariable(Folder.NodeId, NodeId.FromString(Ns, "Speed"), "Speed", DataTypeIds.Double, new Variant(1.0), accessLevel: AccessLevels.CurrentReadOrWrite);
        Speed.WriteValidator = static (_, v) => v.Value is double d && d <= 5 ? StatusCode.Good : StatusCode.BadOutOfRange;
        ReadOnly = Builder.AddVariable(Folder.NodeId, NodeId.FromString(Ns, "Count"), "Count", DataTypeIds.UInt32, new Variant(3u));
        Interval = Builder.AddVariable(Folder.NodeId, NodeId.FromString(Ns, "Interval"), "Interval", DataTypeIds.Duration, new Variant(2.0), accessLevel: AccessLevels.CurrentReadOrWrite);
        Samples = Builder.AddVariable(Folder.NodeId, NodeId.FromString(Ns, "Samples"), "Samples", DataTypeIds.Int32, Variant.FromArray(new[] { 10, 11, 12, 13 }), ValueRanks.OneDimension);
        Sessions = new SessionManager(new SessionOptions { MaxSessions = maxSessions, MaxBrowseContinuationPoints = maxContinuationPoints }, Time, NullLogger.Instance);
        Identity = new IdentityValidator(allowAnonymous, users);
        Endpoints = new EndpointConfiguration("opc.tcp://localhost:4840", "urn:test:server", "urn:test", "Test", Identity);
        Limits = new ServiceLimits { MaxNodesPerRead = 50, MaxNodesPerBrowse = 50, MaxReferencesPerNode = 100 };
        View = new ViewServices(Store, Limits);
        Attributes = new AttributeServices(Store, Limits);
        SessionServices = new SessionServices(Sessions, Identity, Endpoints, 0);
        Dispatcher = new ServiceDispatcher(
            [.. new DiscoveryServices(Endpoints).Describe(), .. SessionServices.Describe(), .. View.Describe(), .. Attributes.Describe()],
            Sessions, UaEncodingLimits.Default, Time, NullLogger.Instance);
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public InMemoryNodeStore Store { get; } = new();

    public AddressSpaceBuilder Builder { get; }

    public ushort Ns { get; }

    public ObjectNode Folder { get; }

    public VariableNode Speed { get; }

    public VariableNode ReadOnly { get; }

    public VariableNode Interval { get; }

    public VariableNode Samples { get; }

    public SessionManager Sessions { get; }

    public IdentityValidator Identity { get; }

    public EndpointConfiguration Endpoints { get; }

    public ServiceLimits Limits { get; }

    public ViewServices View { get; }

    public AttributeServices Attributes { get; }

    public SessionServices SessionServices { get; }

    public ServiceDispatcher Dispatcher { get; }

    public ChannelContext ChannelContext { get; } = new(Channel, "opc.tcp://localhost:4840", NoneSecurityPolicy.PolicyUri);

    public Session ActivatedSession()
    {
        Session session = Sessions.TryCreate(Channel, "test", 60_000)!;
        session.Activate(Channel, null);
        return session;
    }

    public ServiceContext Context(Session? session = null) =>
        new(ChannelContext, session ?? ActivatedSession(), new RequestHeader { RequestHandle = 1 }, Time.GetUtcNow().UtcDateTime);

    public ServiceContext ContextWithoutSession() =>
        new(ChannelContext, null, new RequestHeader { RequestHandle = 1 }, Time.GetUtcNow().UtcDateTime);

    public static RequestHeader Header(NodeId token, uint handle = 1) => new() { AuthenticationToken = token, RequestHandle = handle };
}
