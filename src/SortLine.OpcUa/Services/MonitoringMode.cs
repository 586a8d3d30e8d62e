namespace SortLine.OpcUa.Services;

/// <summary>MonitoringMode (OPC 10000-4 §7.23).</summary>
internal enum MonitoringMode
{
    /// <summary>No sampling, no reporting.</summary>
    Disabled = 0,

    /// <summary>Sampling and queueing, no reporting.</summary>
    Sampling = 1,

    /// <summary>Sampling, queueing and reporting.</summary>
    Reporting = 2,
}
