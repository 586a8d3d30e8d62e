using SortLine.OpcUa.Server;
using SortLine.Telemetry;

namespace SortLine.Service.Telemetry;

/// <summary>
/// Copies the OPC UA server's load (activated sessions, subscriptions, notifications waiting for a Publish request)
/// into the <see cref="IOpcUaTelemetry"/> gauges.
/// </summary>
/// <remarks>
/// The server depends on nothing in SortLine, so it does not report; the host samples it instead
/// (<see cref="Workers.OpcUaWorker"/> once per second, and <see cref="Reset"/> once the server has stopped).
/// </remarks>
internal sealed class OpcUaServerSampler(IOpcUaTelemetry telemetry)
{
    /// <summary>Publishes the server's current session, subscription and queued-notification counts.</summary>
    /// <param name="server">A started server.</param>
    /// <exception cref="ArgumentNullException"><paramref name="server"/> is null.</exception>
    public void Sample(OpcUaServer server)
    {
        ArgumentNullException.ThrowIfNull(server);
        telemetry.SetSessions(server.ActivatedSessionCount);
        telemetry.SetSubscriptions(server.SubscriptionCount);
        telemetry.SetPublishQueueDepth(server.QueuedNotificationCount);
    }

    /// <summary>Publishes zero for every gauge (the server stopped: no session, subscription or queue is left).</summary>
    public void Reset()
    {
        telemetry.SetSessions(0);
        telemetry.SetSubscriptions(0);
        telemetry.SetPublishQueueDepth(0);
    }
}
