using SortLine.Pipeline;
using SortLine.Pipeline.Stages;
using SortLine.Telemetry;
using TelemetryStage = SortLine.Telemetry.PipelineStage;

namespace SortLine.Service.Telemetry;

/// <summary>
/// The pipeline's counter source for the host: keeps every pipeline counter (<see cref="PipelineMetrics"/>, readable by
/// tests and tools) and forwards the drops the service catalogue knows to <see cref="IPipelineTelemetry"/>
/// (<c>sortline_pipeline_items_dropped_total{stage,reason}</c>, <c>sortline_pipeline_late_decisions_total</c>).
/// </summary>
/// <remarks>
/// Mapping: classification stage <c>deadline</c> → classification/deadline, <c>queue_full</c> (camera edge full, no free
/// classified line) → classification/queue_full; particle stage <c>queue_full</c>/<c>overflow</c> → particles/queue_full; scheduling and fan-out <c>deadline</c> →
/// ejection/deadline and a late decision; scheduling <c>outside_valves</c> → ejection/invalid, <c>overflow</c> →
/// ejection/queue_full; sink <c>queue_full</c> → ejection/queue_full, <c>sink_error</c> → ejection/fault. Particles too small
/// to decide and pulses covered by a merge are not drops of the line's data and stay pipeline-internal counters.
/// </remarks>
internal sealed class PipelineCounterAdapter(IPipelineTelemetry telemetry) : IPipelineMetrics
{
    /// <summary>Gets every pipeline counter.</summary>
    public PipelineMetrics Inner { get; } = new();

    /// <inheritdoc/>
    public IPipelineCounter GetCounter(string name, string help, string stage, string reason)
    {
        IPipelineCounter inner = Inner.GetCounter(name, help, stage, reason);
        if (name != PipelineMetrics.ItemsDropped)
        {
            return inner;
        }

        (TelemetryStage Stage, DropReason Reason, bool Late)? target = (stage, reason) switch
        {
            (ClassificationStage.StageName, DropReasons.Deadline) => (TelemetryStage.Classification, DropReason.Deadline, false),
            (ClassificationStage.StageName, DropReasons.QueueFull) => (TelemetryStage.Classification, DropReason.QueueFull, false),
            (ParticleStage.StageName, DropReasons.QueueFull or DropReasons.Overflow) => (TelemetryStage.Particles, DropReason.QueueFull, false),
            (SchedulingStage.StageName or DecisionFanOut.StageName, DropReasons.Deadline) => (TelemetryStage.Ejection, DropReason.Deadline, true),
            (SchedulingStage.StageName, DropReasons.OutsideValves) => (TelemetryStage.Ejection, DropReason.Invalid, false),
            (SchedulingStage.StageName, DropReasons.Overflow) => (TelemetryStage.Ejection, DropReason.QueueFull, false),
            (_, DropReasons.QueueFull) when stage.StartsWith("sink", StringComparison.Ordinal) => (TelemetryStage.Ejection, DropReason.QueueFull, false),
            (_, DropReasons.SinkError) => (TelemetryStage.Ejection, DropReason.Fault, false),
            _ => null,
        };
        return target is { } t ? new Forwarding(inner, telemetry, t.Stage, t.Reason, t.Late) : inner;
    }

    private sealed class Forwarding(IPipelineCounter inner, IPipelineTelemetry telemetry, TelemetryStage stage, DropReason reason, bool late) : IPipelineCounter
    {
        public void Add(long value)
        {
            inner.Add(value);
            int count = (int)Math.Min(value, int.MaxValue);
            telemetry.ItemsDropped(stage, reason, count);
            if (late)
            {
                telemetry.LateDecisions(count);
            }
        }
    }
}
