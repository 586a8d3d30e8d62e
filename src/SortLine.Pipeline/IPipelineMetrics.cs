namespace SortLine.Pipeline;

/// <summary>
/// Where pipeline stages get their counters. The in-process <see cref="PipelineMetrics"/> keeps the values for the
/// host to export (e.g. to Prometheus); a host may supply its own implementation instead.
/// </summary>
/// <remarks>
/// Stages create their counters once, when they are constructed, and only call <see cref="IPipelineCounter.Add"/>
/// on the hot path. Names follow <c>sortline_pipeline_&lt;what&gt;_total</c>; the label set is fixed to
/// <c>stage</c> and <c>reason</c> (low cardinality: never a particle id or encoder position).
/// </remarks>
public interface IPipelineMetrics
{
    /// <summary>Gets (or creates) the counter for a name and label values.</summary>
    /// <param name="name">Metric name, <c>^[a-zA-Z_][a-zA-Z0-9_]*$</c>, ending in <c>_total</c>.</param>
    /// <param name="help">One-line description for the exporter.</param>
    /// <param name="stage">The <c>stage</c> label value.</param>
    /// <param name="reason">The <c>reason</c> label value, or empty when the counter has none.</param>
    /// <exception cref="ArgumentException">The name is not a valid counter name.</exception>
    IPipelineCounter GetCounter(string name, string help, string stage, string reason);
}
