using SortLine.OpcUa.SecureChannel;

namespace SortLine.OpcUa.Transport;

/// <summary>What every connection of a listener shares.</summary>
internal sealed record ConnectionSettings
{
    /// <summary>The server's transport limits (negotiated down per connection in HEL/ACK).</summary>
    public required TransportLimits Limits { get; init; }

    /// <summary>The security policy of the endpoint.</summary>
    public required ISecurityPolicy SecurityPolicy { get; init; }

    /// <summary>Where complete requests go.</summary>
    public required IServiceRequestHandler Handler { get; init; }

    /// <summary>The server-wide budget for partial (multi-chunk) requests, shared by every connection; null for none.</summary>
    public SecureChannel.ReassemblyBudget? ReassemblyBudget { get; init; }

    /// <summary>Shortest token lifetime granted.</summary>
    public TimeSpan MinTokenLifetime { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Longest token lifetime granted.</summary>
    public TimeSpan MaxTokenLifetime { get; init; } = TimeSpan.FromHours(1);

    /// <summary>How long a new connection may take to send HEL and OPN.</summary>
    public TimeSpan HelloTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Called with the channel id when a connection ends, before its socket closes.</summary>
    public Action<uint>? ChannelClosed { get; init; }

    /// <summary>
    /// Most requests of one connection whose replies are still pending (queued Publish requests, method calls awaiting
    /// the host); at the limit the connection stops reading until one completes.
    /// </summary>
    public int MaxPendingRequests { get; init; } = 64;
}
