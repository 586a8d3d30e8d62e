using System.Threading.Channels;
using SortLine.Pipeline.Inference;
using SortLine.Pipeline.Particles;
using SortLine.Service.Line;
using SortLine.Telemetry;

namespace SortLine.Service.Workers;

/// <summary>
/// Sits on the decision edge between the particle and the scheduling stage and passes every decision on unchanged,
/// after recording it: the <see cref="DecisionJournal"/>, particles and ejections per class, and the decision latency
/// (acquisition of the line that closed the particle to now).
/// </summary>
/// <remarks>Both edges are lossless (wait); this stage does O(1) work per particle and never blocks otherwise.</remarks>
internal sealed class DecisionTapStage(ChannelReader<ParticleDecision> input, ChannelWriter<ParticleDecision> output, DecisionJournal journal,
    ModelSlot models, LineTimestamps timestamps, IPipelineTelemetry telemetry, TimeProvider time)
    : SortLine.Pipeline.Stages.PipelineStage<ParticleDecision, ParticleDecision>("decisions", input, output)
{
    /// <inheritdoc/>
    protected override async Task ProcessAsync(CancellationToken cancellationToken)
    {
        using var input = new SortLine.Pipeline.Stages.ChannelReadWaiter<ParticleDecision>(Input, cancellationToken);
        while (await input.WaitAsync().ConfigureAwait(false) == SortLine.Pipeline.Stages.ChannelWaitResult.Ready)
        {
            while (Input.TryRead(out ParticleDecision decision))
            {
                if (timestamps.TryFind(decision.DecidedAt.Counts, out long acquired))
                {
                    telemetry.RecordDecisionLatency(time.GetElapsedTime(acquired).TotalSeconds);
                }

                string className = models.Model?.LineClassName(decision.Class) ?? "unknown";
                telemetry.ParticleClassified(className);
                if (decision.Eject)
                {
                    telemetry.EjectionCommanded(className);
                }

                journal.Record(decision);
                await Output.WriteAsync(decision, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
