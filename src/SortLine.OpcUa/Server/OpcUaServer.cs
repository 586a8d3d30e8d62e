using System.Globalization;
using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SortLine.OpcUa.AddressSpace;
using SortLine.OpcUa.Encoding;
using SortLine.OpcUa.SecureChannel;
using SortLine.OpcUa.Services;
using SortLine.OpcUa.Sessions;
using SortLine.OpcUa.Subscriptions;
using SortLine.OpcUa.Transport;

namespace SortLine.OpcUa.Server;

/// <summary>
/// The OPC UA server's composition root: builds the node store (namespace 0 plus the host's namespaces through
/// <see cref="AddressSpace"/>), the session manager, the service dispatcher table and the TCP listener.
/// SecurityPolicy None, UA Binary over opc.tcp.
/// </summary>
/// <example>
/// <code>
/// await using var server = new OpcUaServer(new OpcUaServerOptions { Port = 4840 }, loggerFactory);
/// ushort ns = server.AddressSpace.RegisterNamespace("urn:sortline");
/// var line = server.AddressSpace.AddFolder(ObjectIds.ObjectsFolder, NodeId.FromString(ns, "Line1"), "Line1");
/// await server.StartAsync(ct);
/// </code>
/// </example>
public sealed partial class OpcUaServer : IAsyncDisposable
{
    private readonly OpcUaServerOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly InMemoryNodeStore _store = new();
    private readonly ServerObjectBinder _serverObject;
    private readonly ServiceDispatcher _dispatcher;
    private readonly UaTcpListener _listener;
    private ITimer? _sessionSweep;
    private int _state; // 0 created, 1 started, 2 stopped

    /// <summary>Creates the server (nothing listens until <see cref="StartAsync"/>).</summary>
    /// <param name="options">Validated here.</param>
    /// <param name="loggerFactory">Logging; none when null.</param>
    /// <param name="timeProvider">Clock; the system clock when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public OpcUaServer(OpcUaServerOptions options, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _time = timeProvider ?? TimeProvider.System;
        loggerFactory ??= NullLoggerFactory.Instance;
        _logger = loggerFactory.CreateLogger("SortLine.OpcUa.Server");

        _store.AddNamespace(options.ApplicationUri);
        Namespace0.AddTo(_store);
        _serverObject = new ServerObjectBinder(_store, options, _time);
        _serverObject.Bind();
        AddressSpace = new AddressSpaceBuilder(_store);

        var limits = new UaEncodingLimits
        {
            MaxStringLength = options.MaxStringLength,
            MaxByteStringLength = options.MaxStringLength,
            MaxArrayLength = options.MaxArrayLength,
            MaxMessageSize = options.MaxMessageSize,
        };
        var identity = new IdentityValidator(options.AllowAnonymous, options.Users);
        Sessions = new SessionManager(
            new SessionOptions
            {
                MaxSessions = options.MaxSessions,
                MinSessionTimeout = options.MinSessionTimeout,
                MaxSessionTimeout = options.MaxSessionTimeout,
                MaxBrowseContinuationPoints = options.MaxBrowseContinuationPoints,
            },
            _time,
            loggerFactory.CreateLogger("SortLine.OpcUa.Sessions"));
        var serviceLimits = new ServiceLimits
        {
            MaxNodesPerRead = options.MaxNodesPerRead,
            MaxNodesPerWrite = options.MaxNodesPerWrite,
            MaxNodesPerBrowse = options.MaxNodesPerBrowse,
            MaxNodesPerTranslateBrowsePathsToNodeIds = options.MaxNodesPerTranslateBrowsePathsToNodeIds,
            MaxReferencesPerNode = options.MaxReferencesPerNode,
        };
        Subscriptions = new SubscriptionManager(
            new SubscriptionLimits
            {
                MaxSubscriptions = options.MaxSubscriptions,
                MaxSubscriptionsPerSession = options.MaxSubscriptionsPerSession,
                MaxMonitoredItems = options.MaxMonitoredItems,
                MaxMonitoredItemsPerSubscription = options.MaxMonitoredItemsPerSubscription,
                MaxMonitoredItemsPerCall = options.MaxMonitoredItemsPerCall,
                MaxPublishRequestsPerSession = options.MaxPublishRequestsPerSession,
                MinPublishingInterval = options.MinPublishingInterval.TotalMilliseconds,
                MinSamplingInterval = options.MinSamplingInterval.TotalMilliseconds,
                MaxNotificationsPerPublish = options.MaxNotificationsPerPublish,
                MaxQueueSize = options.MaxMonitoredItemQueueSize,
                MaxRetransmissionQueueSize = options.MaxRetransmissionQueueSize,
            },
            _time,
            loggerFactory.CreateLogger("SortLine.OpcUa.Subscriptions"));
        Sessions.SessionRemoved += session => Subscriptions.CloseSession(session.SessionId);
        var access = new UserAccessPolicy(options.AnonymousMayWrite, options.AnonymousMayCall);
        var attributes = new AttributeServices(_store, serviceLimits, access);
        var bindAddress = IPAddress.Parse(options.BindAddress);
        Endpoints = new EndpointConfiguration(
            options.EndpointUrl ?? string.Create(CultureInfo.InvariantCulture, $"opc.tcp://localhost:{options.Port}"),
            options.ApplicationUri,
            options.ProductUri,
            options.ApplicationName,
            identity);
        _dispatcher = new ServiceDispatcher(
            [
                .. new DiscoveryServices(Endpoints).Describe(),
                .. new SessionServices(Sessions, identity, Endpoints, (uint)options.MaxMessageSize).Describe(),
                .. new ViewServices(_store, serviceLimits).Describe(),
                .. attributes.Describe(),
                .. new SubscriptionServices(Subscriptions).Describe(),
                .. new MonitoredItemServices(_store, attributes, Subscriptions).Describe(),
                .. new MethodServices(_store, access, options.MaxNodesPerMethodCall, loggerFactory.CreateLogger("SortLine.OpcUa.Methods")).Describe(),
            ],
            Sessions,
            limits,
            _time,
            loggerFactory.CreateLogger("SortLine.OpcUa.Services"));
        _listener = new UaTcpListener(
            new IPEndPoint(bindAddress, options.Port),
            new ConnectionSettings
            {
                Limits = new TransportLimits((uint)options.ReceiveBufferSize, (uint)options.SendBufferSize, (uint)options.MaxMessageSize, (uint)options.MaxChunkCount),
                SecurityPolicy = NoneSecurityPolicy.Instance,
                Handler = _dispatcher,
                MinTokenLifetime = options.MinTokenLifetime,
                MaxTokenLifetime = options.MaxTokenLifetime,
                HelloTimeout = options.HelloTimeout,
                ReassemblyBudget = new ReassemblyBudget(options.MaxReassemblyBytes),
                ChannelClosed = channelId => Sessions.RemoveUnactivated(channelId),
            },
            options.MaxConnections,
            _time,
            loggerFactory.CreateLogger("SortLine.OpcUa.Transport"));
    }

    /// <summary>Adds the host's namespaces and nodes.</summary>
    public AddressSpaceBuilder AddressSpace { get; }

    /// <summary>The bound endpoint after <see cref="StartAsync"/> (the real port when 0 was configured).</summary>
    public IPEndPoint? LocalEndPoint => _listener.LocalEndPoint;

    /// <summary>The advertised endpoint URL (with the bound port once started, unless configured explicitly).</summary>
    public string EndpointUrl => Endpoints.EndpointUrl;

    /// <summary>Number of live sessions.</summary>
    public int SessionCount => Sessions.Count;

    /// <summary>Number of live, activated sessions (the host's session gauge).</summary>
    public int ActivatedSessionCount => Sessions.CountActivated();

    /// <summary>
    /// Notifications waiting for a Publish request over all subscriptions (values held by Reporting monitored items of
    /// publishing subscriptions). Walks every session under its lock: sample it periodically, not per request.
    /// </summary>
    public int QueuedNotificationCount => Subscriptions.CountQueuedNotifications();

    /// <summary>Number of open TCP connections.</summary>
    internal int ConnectionCount => _listener.ConnectionCount;

    /// <summary>Subscriptions in the server.</summary>
    public int SubscriptionCount => Subscriptions.SubscriptionCount;

    /// <summary>Monitored items in the server.</summary>
    public int MonitoredItemCount => Subscriptions.MonitoredItemCount;

    /// <summary>Notifications discarded by monitored item queue overflow since start (clients not keeping up; a metric for the host).</summary>
    public long DiscardedNotificationCount => Subscriptions.DiscardedNotificationCount;

    internal SessionManager Sessions { get; }

    internal SubscriptionManager Subscriptions { get; }

    internal EndpointConfiguration Endpoints { get; }

    internal INodeStore NodeStore => _store;

    /// <summary>Binds and starts accepting connections.</summary>
    /// <exception cref="InvalidOperationException">Already started or stopped.</exception>
    /// <exception cref="System.Net.Sockets.SocketException">The address cannot be bound.</exception>
    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.CompareExchange(ref _state, 1, 0) != 0)
        {
            throw new InvalidOperationException("The server was already started");
        }

        cancellationToken.ThrowIfCancellationRequested();
        _listener.Start();
        if (_options.EndpointUrl is null)
        {
            Endpoints.SetEndpointUrl(string.Create(CultureInfo.InvariantCulture, $"opc.tcp://localhost:{LocalEndPoint!.Port}"));
        }

        TimeSpan sweep = TimeSpan.FromTicks(Math.Max(_options.MinSessionTimeout.Ticks / 2, TimeSpan.TicksPerSecond));
        _sessionSweep = _time.CreateTimer(_ => Sessions.RemoveExpired(), null, sweep, sweep);
        LogStarted(_logger, EndpointUrl);
        return Task.CompletedTask;
    }

    /// <summary>Stops accepting, closes every connection gracefully (ERR Bad_ServerHalted) and waits for them.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _state, 2) != 1)
        {
            return;
        }

        _serverObject.MarkShutdown();
        if (_sessionSweep is not null)
        {
            await _sessionSweep.DisposeAsync().ConfigureAwait(false);
        }

        await _listener.StopAsync(cancellationToken).ConfigureAwait(false);
        LogStopped(_logger);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        await _listener.DisposeAsync().ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "OPC UA server started at {EndpointUrl}")]
    private static partial void LogStarted(ILogger logger, string endpointUrl);

    [LoggerMessage(Level = LogLevel.Information, Message = "OPC UA server stopped")]
    private static partial void LogStopped(ILogger logger);
}
