namespace SortLine.Service.Telemetry;

/// <summary>The Prometheus metric type of a catalogue entry.</summary>
internal enum MetricKind
{
    /// <summary>Monotonic counter; name ends in <c>_total</c>.</summary>
    Counter,

    /// <summary>Value that goes up and down.</summary>
    Gauge,

    /// <summary>Distribution with buckets; name ends in a base unit.</summary>
    Histogram,
}
