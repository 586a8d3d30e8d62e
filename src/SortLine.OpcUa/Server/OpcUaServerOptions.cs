using System.Globalization;
using System.Net;
using SortLine.OpcUa.Sessions;

namespace SortLine.OpcUa.Server;

/// <summary>
/// Configuration of <see cref="OpcUaServer"/>. <see cref="Validate"/> is called by the server's constructor, so an
/// invalid configuration fails at startup.
/// </summary>
public sealed class OpcUaServerOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "SortLine:OpcUa";

    /// <summary>Address to bind (IPv4 or IPv6 literal). Loopback by default: SecurityPolicy None must be exposed on purpose.</summary>
    public string BindAddress { get; set; } = "127.0.0.1";

    /// <summary>TCP port; 0 picks a free port (read it from <see cref="OpcUaServer.LocalEndPoint"/>).</summary>
    public int Port { get; set; } = 4840;

    /// <summary>Advertised endpoint URL; null = <c>opc.tcp://localhost:&lt;bound port&gt;</c>.</summary>
    public string? EndpointUrl { get; set; }

    /// <summary>Application URI (also namespace index 1).</summary>
    public string ApplicationUri { get; set; } = "urn:sortline:opcua";

    /// <summary>Product URI (BuildInfo.ProductUri).</summary>
    public string ProductUri { get; set; } = "urn:sortline";

    /// <summary>Application and product name.</summary>
    public string ApplicationName { get; set; } = "SortLine OPC UA Server";

    /// <summary>BuildInfo.ManufacturerName.</summary>
    public string ManufacturerName { get; set; } = "SortLine";

    /// <summary>BuildInfo.SoftwareVersion.</summary>
    public string SoftwareVersion { get; set; } = typeof(OpcUaServerOptions).Assembly.GetName().Version?.ToString() ?? "0.0.0";

    /// <summary>BuildInfo.BuildNumber.</summary>
    public string BuildNumber { get; set; } = "0";

    /// <summary>Accept anonymous sessions.</summary>
    public bool AllowAnonymous { get; set; } = true;

    /// <summary>Users for user name/password sessions (hashes from <see cref="OpcUaPasswordHasher.Hash"/>).</summary>
    public IList<OpcUaUserAccount> Users { get; } = [];

    /// <summary>Most concurrent sessions (at least 2 for the Micro profile).</summary>
    public int MaxSessions { get; set; } = 100;

    /// <summary>Most open TCP connections.</summary>
    public int MaxConnections { get; set; } = 200;

    /// <summary>Shortest session timeout granted.</summary>
    public TimeSpan MinSessionTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Longest session timeout granted.</summary>
    public TimeSpan MaxSessionTimeout { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Shortest secure channel token lifetime granted.</summary>
    public TimeSpan MinTokenLifetime { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Longest secure channel token lifetime granted.</summary>
    public TimeSpan MaxTokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long a new connection may take to send HEL and open its channel.</summary>
    public TimeSpan HelloTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Largest chunk received, bytes (≥ 8192).</summary>
    public int ReceiveBufferSize { get; set; } = 65536;

    /// <summary>Largest chunk sent, bytes (≥ 8192).</summary>
    public int SendBufferSize { get; set; } = 65536;

    /// <summary>Largest request or response message, bytes.</summary>
    public int MaxMessageSize { get; set; } = 16 << 20;

    /// <summary>
    /// Most bytes of partial (multi-chunk) requests held for reassembly by all connections together (≥ MaxMessageSize):
    /// a chunk beyond it fails its connection with Bad_TcpNotEnoughResources, and the other connections go on.
    /// </summary>
    public long MaxReassemblyBytes { get; set; } = 64L << 20;

    /// <summary>Most chunks per request.</summary>
    public int MaxChunkCount { get; set; } = 256;

    /// <summary>Longest string or byte string decoded, bytes.</summary>
    public int MaxStringLength { get; set; } = 1 << 20;

    /// <summary>Longest array decoded.</summary>
    public int MaxArrayLength { get; set; } = 1 << 16;

    /// <summary>Most operations per Read.</summary>
    public int MaxNodesPerRead { get; set; } = 1000;

    /// <summary>Most operations per Write.</summary>
    public int MaxNodesPerWrite { get; set; } = 1000;

    /// <summary>Most nodes per Browse.</summary>
    public int MaxNodesPerBrowse { get; set; } = 1000;

    /// <summary>Most browse paths per TranslateBrowsePathsToNodeIds.</summary>
    public int MaxNodesPerTranslateBrowsePathsToNodeIds { get; set; } = 1000;

    /// <summary>Most references per node in one Browse result.</summary>
    public int MaxReferencesPerNode { get; set; } = 1000;

    /// <summary>Browse continuation points per session.</summary>
    public int MaxBrowseContinuationPoints { get; set; } = 10;

    /// <summary>Anonymous sessions may write values (authenticated users always may). Off by default: anonymous clients read, browse and subscribe.</summary>
    public bool AnonymousMayWrite { get; set; }

    /// <summary>Anonymous sessions may call methods (authenticated users always may). Off by default.</summary>
    public bool AnonymousMayCall { get; set; }

    /// <summary>Most method calls per Call request.</summary>
    public int MaxNodesPerMethodCall { get; set; } = 100;

    /// <summary>Most subscriptions in the server.</summary>
    public int MaxSubscriptions { get; set; } = 1000;

    /// <summary>Most subscriptions per session (at least 1 for the Micro profile).</summary>
    public int MaxSubscriptionsPerSession { get; set; } = 10;

    /// <summary>Most monitored items in the server.</summary>
    public int MaxMonitoredItems { get; set; } = 100_000;

    /// <summary>Most monitored items per subscription (at least 2 for the Micro profile).</summary>
    public int MaxMonitoredItemsPerSubscription { get; set; } = 10_000;

    /// <summary>Most items per CreateMonitoredItems, ModifyMonitoredItems, SetMonitoringMode or DeleteMonitoredItems call.</summary>
    public int MaxMonitoredItemsPerCall { get; set; } = 1000;

    /// <summary>Most queued Publish requests per session (at least 2 for the Micro profile); beyond it the oldest gets Bad_TooManyPublishRequests.</summary>
    public int MaxPublishRequestsPerSession { get; set; } = 10;

    /// <summary>Fastest publishing interval granted.</summary>
    public TimeSpan MinPublishingInterval { get; set; } = TimeSpan.FromMilliseconds(20);

    /// <summary>Fastest timer sampling interval granted (sampling interval 0 on a stored variable reports every change instead).</summary>
    public TimeSpan MinSamplingInterval { get; set; } = TimeSpan.FromMilliseconds(10);

    /// <summary>Most notifications per Publish response (MoreNotifications announces the rest).</summary>
    public int MaxNotificationsPerPublish { get; set; } = 1000;

    /// <summary>
    /// Largest monitored item queue granted. Decisions/LastCommand at 10,000 decisions/s with a 100 ms publishing
    /// interval needs ≥ 1,000 per interval; the default leaves room for a second of client stall.
    /// </summary>
    public int MaxMonitoredItemQueueSize { get; set; } = 10_000;

    /// <summary>NotificationMessages kept per subscription for Republish until acknowledged.</summary>
    public int MaxRetransmissionQueueSize { get; set; } = 64;

    /// <summary>Checks every value.</summary>
    /// <exception cref="ArgumentException">One or more values are invalid; the message lists them.</exception>
    public void Validate()
    {
        var errors = new List<string>();
        void Check(bool ok, string message)
        {
            if (!ok)
            {
                errors.Add(message);
            }
        }

        Check(IPAddress.TryParse(BindAddress, out _), "BindAddress must be an IP address literal");
        Check(Port is >= 0 and <= 65535, "Port must be 0-65535");
        Check(EndpointUrl is null || EndpointUrl.StartsWith("opc.tcp://", StringComparison.OrdinalIgnoreCase), "EndpointUrl must start with opc.tcp://");
        Check(!string.IsNullOrWhiteSpace(ApplicationUri), "ApplicationUri is required");
        Check(!string.IsNullOrWhiteSpace(ProductUri), "ProductUri is required");
        Check(!string.IsNullOrWhiteSpace(ApplicationName), "ApplicationName is required");
        Check(AllowAnonymous || Users.Count > 0, "With anonymous access off at least one user is required");
        foreach (OpcUaUserAccount user in Users)
        {
            Check(!string.IsNullOrEmpty(user.UserName), "A user has no name");
            Check(OpcUaPasswordHasher.IsValidHash(user.PasswordHash), "User '" + user.UserName + "' has no valid password hash");
        }

        Check(Users.Select(u => u.UserName).Distinct(StringComparer.Ordinal).Count() == Users.Count, "User names must be unique");
        Check(MaxSessions >= 2, "MaxSessions must be at least 2");
        Check(MaxConnections >= 1, "MaxConnections must be at least 1");
        Check(MinSessionTimeout > TimeSpan.Zero && MinSessionTimeout <= MaxSessionTimeout, "Session timeouts must satisfy 0 < Min <= Max");
        Check(MinTokenLifetime > TimeSpan.Zero && MinTokenLifetime <= MaxTokenLifetime && MaxTokenLifetime.TotalMilliseconds <= uint.MaxValue, "Token lifetimes must satisfy 0 < Min <= Max <= UInt32.MaxValue ms");
        Check(HelloTimeout > TimeSpan.Zero, "HelloTimeout must be positive");
        Check(ReceiveBufferSize >= 8192 && SendBufferSize >= 8192, "Buffer sizes must be at least 8192");
        Check(MaxMessageSize >= Math.Max(ReceiveBufferSize, SendBufferSize), "MaxMessageSize must be at least the buffer sizes");
        Check(MaxChunkCount >= 1, "MaxChunkCount must be at least 1");
        Check(MaxReassemblyBytes >= MaxMessageSize, "MaxReassemblyBytes must be at least MaxMessageSize");
        Check(MaxStringLength >= 1 && MaxArrayLength >= 1, "String and array limits must be positive");
        Check(MaxNodesPerRead >= 1 && MaxNodesPerWrite >= 1 && MaxNodesPerBrowse >= 1 && MaxNodesPerTranslateBrowsePathsToNodeIds >= 1, "Operation limits must be positive");
        Check(MaxReferencesPerNode >= 1, "MaxReferencesPerNode must be positive");
        Check(MaxBrowseContinuationPoints is >= 1 and <= ushort.MaxValue, "MaxBrowseContinuationPoints must be 1-65535");
        Check(MaxNodesPerMethodCall >= 1, "MaxNodesPerMethodCall must be positive");
        Check(MaxSubscriptions >= 1 && MaxSubscriptionsPerSession >= 1 && MaxSubscriptionsPerSession <= MaxSubscriptions, "Subscription limits must satisfy 1 <= MaxSubscriptionsPerSession <= MaxSubscriptions");
        Check(MaxMonitoredItemsPerSubscription >= 2 && MaxMonitoredItemsPerSubscription <= MaxMonitoredItems, "Monitored item limits must satisfy 2 <= MaxMonitoredItemsPerSubscription <= MaxMonitoredItems");
        Check(MaxMonitoredItemsPerCall >= 1, "MaxMonitoredItemsPerCall must be positive");
        Check(MaxPublishRequestsPerSession >= 2, "MaxPublishRequestsPerSession must be at least 2");
        Check(MinPublishingInterval > TimeSpan.Zero && MinSamplingInterval > TimeSpan.Zero, "MinPublishingInterval and MinSamplingInterval must be positive");
        Check(MaxNotificationsPerPublish >= 1, "MaxNotificationsPerPublish must be positive");
        Check(MaxMonitoredItemQueueSize >= 1, "MaxMonitoredItemQueueSize must be positive");
        Check(MaxRetransmissionQueueSize >= 0, "MaxRetransmissionQueueSize must not be negative");
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Invalid {SectionName} options: {string.Join("; ", errors)}"));
        }
    }
}
