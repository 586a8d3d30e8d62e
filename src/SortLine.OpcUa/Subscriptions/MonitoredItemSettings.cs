using SortLine.OpcUa.Services;

namespace SortLine.OpcUa.Subscriptions;

/// <summary>A monitored item's revised parameters.</summary>
/// <param name="ClientHandle">Echoed in notifications.</param>
/// <param name="Mode">Monitoring mode.</param>
/// <param name="SamplingInterval">Revised sampling interval, ms (0 = every change of the variable).</param>
/// <param name="QueueSize">Revised queue size (≥ 1).</param>
/// <param name="DiscardOldest">Overflow policy.</param>
/// <param name="Filter">Data change filter.</param>
/// <param name="Timestamps">Timestamps in notifications.</param>
internal sealed record MonitoredItemSettings(
    uint ClientHandle,
    MonitoringMode Mode,
    double SamplingInterval,
    int QueueSize,
    bool DiscardOldest,
    DataChangeFilter Filter,
    TimestampsToReturn Timestamps);
