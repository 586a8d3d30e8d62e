namespace SortLine.Pipeline;

/// <summary>One counter's current value, as <see cref="PipelineMetrics.Snapshot"/> reports it.</summary>
/// <param name="Name">Metric name.</param>
/// <param name="Help">One-line description.</param>
/// <param name="Stage">The <c>stage</c> label value.</param>
/// <param name="Reason">The <c>reason</c> label value, or empty.</param>
/// <param name="Value">The count.</param>
public readonly record struct PipelineCounterSample(string Name, string Help, string Stage, string Reason, long Value);
