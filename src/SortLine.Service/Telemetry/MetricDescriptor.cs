namespace SortLine.Service.Telemetry;

/// <summary>One entry of the metric catalogue: what the service exports under which name.</summary>
/// <param name="Name">Metric family name (without the <c>_bucket</c>/<c>_sum</c>/<c>_count</c> suffixes of histograms).</param>
/// <param name="Kind">Prometheus type.</param>
/// <param name="Help">One-line meaning, exported as HELP.</param>
/// <param name="LabelNames">Label names (low cardinality only).</param>
/// <param name="Buckets">Histogram upper bounds in the metric's unit; empty for other kinds.</param>
internal sealed record MetricDescriptor(string Name, MetricKind Kind, string Help, IReadOnlyList<string> LabelNames, IReadOnlyList<double> Buckets)
{
    /// <summary>Creates a counter entry.</summary>
    public static MetricDescriptor Counter(string name, string help, params string[] labels) => new(name, MetricKind.Counter, help, labels, []);

    /// <summary>Creates a gauge entry.</summary>
    public static MetricDescriptor Gauge(string name, string help, params string[] labels) => new(name, MetricKind.Gauge, help, labels, []);

    /// <summary>Creates a histogram entry.</summary>
    public static MetricDescriptor Histogram(string name, string help, double[] buckets) => new(name, MetricKind.Histogram, help, [], buckets);

    /// <summary>Gets the series names Prometheus stores for this family.</summary>
    public IReadOnlyList<string> SeriesNames => Kind == MetricKind.Histogram
        ? [Name + "_bucket", Name + "_sum", Name + "_count"]
        : [Name];
}
