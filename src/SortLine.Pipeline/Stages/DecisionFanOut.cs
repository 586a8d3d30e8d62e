using System.Threading.Channels;
using SortLine.Pipeline.Scheduling;
using SortLine.Pipeline.Sinks;

namespace SortLine.Pipeline.Stages;

/// <summary>
/// The last stage: delivers every ejection command to several <see cref="IDecisionSink"/>s. Each sink has its own
/// bounded drop-oldest queue and its own task, so a slow or stuck sink loses its own oldest commands (counted) and
/// never stalls the pipeline or the other sinks.
/// </summary>
/// <remarks>
/// <para><b>Deadline.</b> A command whose start the belt has already passed when it reaches the fan-out (clock read
/// with the command's <see cref="EjectionCommand.IssuedAt"/>) is dropped for every sink and counted
/// (<c>stage="fanout"</c>, <c>reason="deadline"</c>).</para>
/// <para><b>Completion.</b> When the input completes (normally or with an error), the sink queues are completed and
/// drained, each sink's <see cref="IDecisionSink.CompleteAsync"/> is called, and then an upstream error is rethrown.
/// Cancellation aborts the sinks without draining.</para>
/// <para><b>Counters:</b> <c>stage="fanout"</c>: items processed, drops <c>deadline</c>; per sink
/// (<c>stage</c> = <see cref="IDecisionSink.Name"/>): delivered, drops <c>queue_full</c> and <c>sink_error</c> (a
/// throwing sink keeps receiving later commands).</para>
/// </remarks>
public sealed class DecisionFanOut
{
    /// <summary>The stage's metrics label.</summary>
    public const string StageName = "fanout";

    private readonly ChannelReader<EjectionCommand> _input;
    private readonly SinkLane[] _lanes;
    private readonly IBeltClock _clock;
    private readonly IPipelineCounter _processed;
    private readonly IPipelineCounter _late;
    private int _started;

    /// <summary>Creates the fan-out.</summary>
    /// <param name="input">Commands (see <see cref="PipelineChannels.CreateCommandChannel"/>).</param>
    /// <param name="sinks">The sinks (at least one; distinct names).</param>
    /// <param name="sinkQueueCapacity">Each sink's queue capacity (≥ 1).</param>
    /// <param name="clock">The belt clock for the deadline check.</param>
    /// <param name="metrics">Where the stage counts.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">No sinks, or two sinks share a name.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="sinkQueueCapacity"/> is less than 1.</exception>
    public DecisionFanOut(ChannelReader<EjectionCommand> input, IReadOnlyList<IDecisionSink> sinks, int sinkQueueCapacity, IBeltClock clock,
        IPipelineMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(sinks);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentOutOfRangeException.ThrowIfLessThan(sinkQueueCapacity, 1);
        if (sinks.Count == 0)
        {
            throw new ArgumentException("The fan-out needs at least one sink.", nameof(sinks));
        }

        _input = input;
        _clock = clock;
        _lanes = new SinkLane[sinks.Count];
        var names = new HashSet<string>(StringComparer.Ordinal);
        const string DroppedHelp = "Items dropped by a pipeline stage or channel.";
        for (int i = 0; i < sinks.Count; i++)
        {
            IDecisionSink sink = sinks[i] ?? throw new ArgumentNullException(nameof(sinks), $"Sink {i} is null.");
            if (!names.Add(sink.Name))
            {
                throw new ArgumentException($"Two sinks are named '{sink.Name}'.", nameof(sinks));
            }

            IPipelineCounter full = metrics.GetCounter(PipelineMetrics.ItemsDropped, DroppedHelp, sink.Name, DropReasons.QueueFull);
            _lanes[i] = new SinkLane(
                sink,
                PipelineChannels.CreateSinkQueue(sinkQueueCapacity, full),
                metrics.GetCounter(PipelineMetrics.SinkDelivered, "Commands a decision sink accepted.", sink.Name, ""),
                metrics.GetCounter(PipelineMetrics.ItemsDropped, DroppedHelp, sink.Name, DropReasons.SinkError));
        }

        _processed = metrics.GetCounter(PipelineMetrics.ItemsProcessed, "Items a pipeline stage consumed.", StageName, "");
        _late = metrics.GetCounter(PipelineMetrics.ItemsDropped, DroppedHelp, StageName, DropReasons.Deadline);
    }

    /// <summary>Runs the fan-out until the input completes and every sink has drained and completed.</summary>
    /// <param name="cancellationToken">Aborts the fan-out and the sinks.</param>
    /// <returns>A task that completes when all sinks are done; faults with the upstream error, if any.</returns>
    /// <exception cref="InvalidOperationException">The fan-out was already started.</exception>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _started, 1) != 0)
        {
            throw new InvalidOperationException("The fan-out runs once.");
        }

        var workers = new Task[_lanes.Length];
        for (int i = 0; i < _lanes.Length; i++)
        {
            SinkLane lane = _lanes[i];

            // Own task per sink: a sink that blocks synchronously must not block the fan-out either.
            workers[i] = Task.Run(() => lane.RunAsync(cancellationToken), CancellationToken.None);
        }

        Exception? upstream = null;
        using var input = new ChannelReadWaiter<EjectionCommand>(_input, cancellationToken);
        try
        {
            while (await input.WaitAsync().ConfigureAwait(false) == ChannelWaitResult.Ready)
            {
                while (_input.TryRead(out EjectionCommand command))
                {
                    _processed.Add(1);
                    if (_clock.Read(command.IssuedAt).Position > command.Start)
                    {
                        _late.Add(1);
                        continue;
                    }

                    foreach (SinkLane lane in _lanes)
                    {
                        lane.Queue.Writer.TryWrite(command);
                    }
                }
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            upstream = ex;
        }
        finally
        {
            foreach (SinkLane lane in _lanes)
            {
                lane.Queue.Writer.TryComplete();
            }
        }

        await Task.WhenAll(workers).ConfigureAwait(false);
        if (upstream is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(upstream);
        }
    }

    /// <summary>One sink with its queue and counters.</summary>
    private sealed class SinkLane(IDecisionSink sink, Channel<EjectionCommand> queue, IPipelineCounter delivered, IPipelineCounter errors)
    {
        public Channel<EjectionCommand> Queue { get; } = queue;

        public async Task RunAsync(CancellationToken cancellationToken)
        {
            ChannelReader<EjectionCommand> reader = Queue.Reader;
            using var queued = new ChannelReadWaiter<EjectionCommand>(reader, cancellationToken);
            while (await queued.WaitAsync().ConfigureAwait(false) == ChannelWaitResult.Ready)
            {
                while (reader.TryRead(out EjectionCommand command))
                {
                    try
                    {
                        await sink.WriteAsync(command, cancellationToken).ConfigureAwait(false);
                        delivered.Add(1);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                    {
                        // A failing sink loses this command; the others are unaffected (counted, not logged per command).
                        errors.Add(1);
                    }
                }
            }

            await sink.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
