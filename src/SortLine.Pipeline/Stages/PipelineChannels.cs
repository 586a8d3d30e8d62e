using System.Threading.Channels;
using SortLine.Pipeline.Items;
using SortLine.Pipeline.Particles;
using SortLine.Pipeline.Scheduling;

namespace SortLine.Pipeline.Stages;

/// <summary>
/// Creates the pipeline's edges, each a bounded channel with a deliberately chosen full mode.
/// </summary>
/// <remarks>
/// <list type="table">
/// <item><term>lines (classifier → <see cref="ParticleStage"/>)</term><description><see cref="BoundedChannelFullMode.DropOldest"/>:
/// if tracking falls behind, the oldest line (the one nearest its deadline) is dropped, disposed (returned to its
/// pool) and counted (<c>reason="queue_full"</c>); the tracker sees the gap in the sequence and handles it. The
/// camera must never be blocked.</description></item>
/// <item><term>decisions (<see cref="ParticleStage"/> → <see cref="SchedulingStage"/>)</term><description><see cref="BoundedChannelFullMode.Wait"/>:
/// lossless; the scheduler is pure computation and never blocks (its output never blocks either), so the wait is
/// bounded, and a lost eject decision would be a missed particle.</description></item>
/// <item><term>commands (<see cref="SchedulingStage"/> → <see cref="DecisionFanOut"/>)</term><description><see cref="BoundedChannelFullMode.Wait"/>:
/// lossless; the fan-out only enqueues into the sinks' own queues and never blocks.</description></item>
/// <item><term>sink queues (inside <see cref="DecisionFanOut"/>)</term><description><see cref="BoundedChannelFullMode.DropOldest"/>:
/// a slow sink loses its oldest commands (counted per sink) and never stalls the pipeline.</description></item>
/// </list>
/// Every edge has a single reader and a single writer.
/// </remarks>
public static class PipelineChannels
{
    /// <summary>The <c>stage</c> label of drops on the line edge (counted against the particle stage).</summary>
    public const string LineEdgeStage = ParticleStage.StageName;

    /// <summary>Creates the line edge: drop-oldest, dropped lines disposed and counted.</summary>
    /// <param name="capacity">Lines buffered (≥ 1).</param>
    /// <param name="metrics">Where drops are counted.</param>
    /// <returns>The channel.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is less than 1.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="metrics"/> is null.</exception>
    public static Channel<ClassifiedLine> CreateLineChannel(int capacity, IPipelineMetrics metrics)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ArgumentNullException.ThrowIfNull(metrics);
        IPipelineCounter dropped = metrics.GetCounter(PipelineMetrics.ItemsDropped, "Items dropped by a pipeline stage or channel.", LineEdgeStage, DropReasons.QueueFull);
        var options = new BoundedChannelOptions(capacity)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
            SingleWriter = true,
        };
        return Channel.CreateBounded<ClassifiedLine>(options, line =>
        {
            line.Dispose();
            dropped.Add(1);
        });
    }

    /// <summary>Creates the decision edge: lossless (wait when full).</summary>
    /// <param name="capacity">Decisions buffered (≥ 1).</param>
    /// <returns>The channel.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is less than 1.</exception>
    public static Channel<ParticleDecision> CreateDecisionChannel(int capacity) => CreateWaiting<ParticleDecision>(capacity);

    /// <summary>Creates the command edge: lossless (wait when full).</summary>
    /// <param name="capacity">Commands buffered (≥ 1).</param>
    /// <returns>The channel.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is less than 1.</exception>
    public static Channel<EjectionCommand> CreateCommandChannel(int capacity) => CreateWaiting<EjectionCommand>(capacity);

    /// <summary>Creates a sink queue: drop-oldest, drops counted.</summary>
    internal static Channel<EjectionCommand> CreateSinkQueue(int capacity, IPipelineCounter dropped)
    {
        var options = new BoundedChannelOptions(capacity)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
            SingleWriter = true,
        };
        return Channel.CreateBounded<EjectionCommand>(options, _ => dropped.Add(1));
    }

    private static Channel<T> CreateWaiting<T>(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        return Channel.CreateBounded<T>(new BoundedChannelOptions(capacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
            SingleWriter = true,
        });
    }
}
