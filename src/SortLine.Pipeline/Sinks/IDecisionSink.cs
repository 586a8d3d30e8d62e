using SortLine.Pipeline.Scheduling;

namespace SortLine.Pipeline.Sinks;

/// <summary>
/// A consumer of ejection commands (the PLC adapter, a log, a recorder). <see cref="Stages.DecisionFanOut"/> gives each
/// sink its own bounded queue and task, so a slow sink loses its own oldest commands but never stalls the pipeline
/// or the other sinks.
/// </summary>
/// <remarks>Calls to one sink are sequential (never concurrent). The fan-out does not dispose sinks; their creator does.</remarks>
public interface IDecisionSink
{
    /// <summary>Gets the sink's name: the metrics <c>stage</c> label of its counters (a fixed, low-cardinality name such as <c>sink_log</c>).</summary>
    string Name { get; }

    /// <summary>Delivers one command.</summary>
    /// <param name="command">The command.</param>
    /// <param name="cancellationToken">Aborts the write (pipeline shutdown).</param>
    /// <returns>A task that completes when the command is accepted.</returns>
    ValueTask WriteAsync(EjectionCommand command, CancellationToken cancellationToken);

    /// <summary>Called once after the last command (the stream ended): flush buffered output.</summary>
    /// <param name="cancellationToken">Aborts the flush.</param>
    /// <returns>A task that completes when flushed.</returns>
    ValueTask CompleteAsync(CancellationToken cancellationToken);
}
