namespace SortLine.Telemetry;

/// <summary>What the OPC UA server reports (implemented by the service's metrics).</summary>
/// <remarks>Implementations are thread-safe and allocation-free. Never report per-session identities.</remarks>
public interface IOpcUaTelemetry
{
    /// <summary>Publishes the number of activated sessions.</summary>
    /// <param name="count">Sessions (&gt;= 0).</param>
    void SetSessions(int count);

    /// <summary>Publishes the number of subscriptions over all sessions.</summary>
    /// <param name="count">Subscriptions (&gt;= 0).</param>
    void SetSubscriptions(int count);

    /// <summary>Publishes the number of notifications waiting for a Publish request, over all subscriptions.</summary>
    /// <param name="count">Queued notifications (&gt;= 0).</param>
    void SetPublishQueueDepth(int count);
}
