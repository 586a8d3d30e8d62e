using System.Text.RegularExpressions;

namespace SortLine.Pipeline;

/// <summary>
/// The pipeline's counters, kept in process: stages count, the host reads <see cref="Snapshot"/> and exports.
/// </summary>
/// <remarks>
/// Thread-safe. Counter creation takes a lock (done once per stage); <see cref="IPipelineCounter.Add"/> is an
/// interlocked add. The metric names below are the ones the stages use.
/// </remarks>
public sealed partial class PipelineMetrics : IPipelineMetrics
{
    /// <summary>Items a stage consumed (<c>stage</c>).</summary>
    public const string ItemsProcessed = "sortline_pipeline_items_processed_total";

    /// <summary>Items a stage or channel dropped (<c>stage</c>, <c>reason</c>: see <see cref="DropReasons"/>).</summary>
    public const string ItemsDropped = "sortline_pipeline_items_dropped_total";

    /// <summary>Particles closed by the tracker (<c>stage</c>; <c>reason</c> = <c>ended</c>, <c>max_length</c>, <c>gap</c>, <c>flush</c>).</summary>
    public const string ParticlesClosed = "sortline_pipeline_particles_closed_total";

    /// <summary>Particle decisions (<c>stage</c>; <c>reason</c> = <c>eject</c> or <c>pass</c>).</summary>
    public const string Decisions = "sortline_pipeline_decisions_total";

    /// <summary>Ejection commands emitted (<c>stage</c>).</summary>
    public const string CommandsEmitted = "sortline_pipeline_commands_emitted_total";

    /// <summary>Pulses merged into another pulse on the same valve (<c>stage</c>).</summary>
    public const string PulsesMerged = "sortline_pipeline_pulses_merged_total";

    /// <summary>Commands a sink accepted (<c>stage</c> = the sink's name).</summary>
    public const string SinkDelivered = "sortline_pipeline_sink_delivered_total";

    private readonly Lock _gate = new();
    private readonly Dictionary<(string Name, string Stage, string Reason), Counter> _counters = [];

    /// <inheritdoc/>
    public IPipelineCounter GetCounter(string name, string help, string stage, string reason)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(help);
        ArgumentNullException.ThrowIfNull(stage);
        ArgumentNullException.ThrowIfNull(reason);
        if (!MetricName().IsMatch(name) || !name.EndsWith("_total", StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{name}' is not a counter name (^[a-zA-Z_][a-zA-Z0-9_]*_total$).", nameof(name));
        }

        lock (_gate)
        {
            if (!_counters.TryGetValue((name, stage, reason), out Counter? counter))
            {
                counter = new Counter(help);
                _counters.Add((name, stage, reason), counter);
            }

            return counter;
        }
    }

    /// <summary>Gets a counter's value, or 0 when it was never created.</summary>
    /// <param name="name">Metric name.</param>
    /// <param name="stage">The <c>stage</c> label value.</param>
    /// <param name="reason">The <c>reason</c> label value, or empty.</param>
    public long Value(string name, string stage, string reason = "")
    {
        lock (_gate)
        {
            return _counters.TryGetValue((name, stage, reason), out Counter? counter) ? counter.Value : 0;
        }
    }

    /// <summary>Gets every counter's current value, ordered by name, stage and reason.</summary>
    public IReadOnlyList<PipelineCounterSample> Snapshot()
    {
        lock (_gate)
        {
            return [.. _counters
                .Select(pair => new PipelineCounterSample(pair.Key.Name, pair.Value.Help, pair.Key.Stage, pair.Key.Reason, pair.Value.Value))
                .OrderBy(sample => sample.Name, StringComparer.Ordinal)
                .ThenBy(sample => sample.Stage, StringComparer.Ordinal)
                .ThenBy(sample => sample.Reason, StringComparer.Ordinal)];
        }
    }

    [GeneratedRegex("^[a-zA-Z_][a-zA-Z0-9_]*$")]
    private static partial Regex MetricName();

    /// <summary>One in-process counter.</summary>
    private sealed class Counter(string help) : IPipelineCounter
    {
        private long _value;

        public string Help { get; } = help;

        public long Value => Volatile.Read(ref _value);

        public void Add(long value)
        {
            if (value > 0)
            {
                Interlocked.Add(ref _value, value);
            }
        }
    }
}
