using System.Threading.Channels;
using SortLine.Pipeline;
using SortLine.Pipeline.Inference;
using SortLine.Pipeline.Items;
using SortLine.Pipeline.Particles;
using SortLine.Pipeline.Scheduling;
using SortLine.Pipeline.Sinks;
using SortLine.Pipeline.Stages;
using SortLine.Sensors.Encoder;
using SortLine.Sensors.Swir;
using SortLine.Service.Line;

namespace SortLine.Service.Workers;

/// <summary>
/// The sorting pipeline of one calibrated line, from raw camera lines to decision sinks: camera edge →
/// <see cref="ClassificationStage"/> (N workers, the <see cref="ModelSlot"/>'s current plan) → lines → <see cref="ParticleStage"/>
/// → decisions → <see cref="DecisionTapStage"/> → <see cref="SchedulingStage"/> → commands → <see cref="DecisionFanOut"/> → sinks.
/// Used by <see cref="SortingWorker"/> (live) and by replays.
/// </summary>
/// <remarks>
/// <para><b>Camera edge.</b> Live: <see cref="BoundedChannelFullMode.DropOldest"/> (the camera is never blocked; a dropped
/// raw line is disposed and counted as classification/queue_full). Replay: <see cref="BoundedChannelFullMode.Wait"/>, so
/// nothing depends on timing and the same recording gives the same decisions. The other edges are the pipeline's
/// (<see cref="PipelineChannels"/>); the tap's output edge is lossless like the decision edge it extends.</para>
/// <para><b>Classification.</b> The slot must be calibrated (its plan gives the line's shape); before the first model, lines
/// are only preprocessed for the MSKD pairing history (<see cref="ClassificationRecorder"/>); belt pixels are class 0 by
/// brightness; a line older than the deadline (with a model in service) is dropped and counted
/// (classification/deadline); recalibrations and model swaps published on the slot take over at a line boundary.</para>
/// <para><b>Draining.</b> <see cref="CompleteAsync"/> completes the camera edge; every stage then drains in order: open
/// particles are closed and decided, pending commands flushed, sinks completed.</para>
/// </remarks>
internal sealed class SortingPipeline : IDisposable
{
    /// <summary>Lines queued per classification worker.</summary>
    public const int WorkerQueueCapacity = 2;

    private readonly Channel<SwirLine> _cameraEdge;
    private readonly Channel<ClassifiedLine> _lineEdge;
    private readonly CancellationTokenSource _abort = new();
    private readonly Task[] _stages;
    private readonly ParticleTracker _tracker;
    private readonly EjectionScheduler _scheduler;

    /// <summary>Builds and starts the stages.</summary>
    /// <remarks>The particle decisions follow <paramref name="rules"/> (swappable while the pipeline runs); particle ids and
    /// command sequence numbers start at <paramref name="seed"/> (a restarted line continues them).</remarks>
    /// <exception cref="InvalidOperationException">The slot is not calibrated.</exception>
    public SortingPipeline(ModelSlot models, int classificationWorkers, PipelineOptions pipeline, ParticleOptions particles, EjectionOptions ejection,
        EncoderScale scale, IBeltClock clock, int cameraCapacity, TimeSpan lineDeadline, bool isReplay, IReadOnlyList<IDecisionSink> sinks,
        PairingHistory history, DecisionJournal journal, PipelineCounterMetrics metrics, TimeProvider time, ParticleRulesSlot rules, PipelineSeed seed = default)
    {
        ArgumentNullException.ThrowIfNull(models);
        ArgumentNullException.ThrowIfNull(metrics);
        ClassificationPlan plan = models.Current ?? throw new InvalidOperationException("The line is not calibrated: the model slot has no plan.");
        var counters = new JournalDropCounting(metrics.Counters, journal);
        IPipelineCounter cameraDrops = counters.GetCounter(PipelineMetrics.ItemsDropped, "Items dropped by a pipeline stage or channel.",
            ClassificationStage.StageName, DropReasons.QueueFull);
        _cameraEdge = Channel.CreateBounded<SwirLine>(
            new BoundedChannelOptions(cameraCapacity)
            {
                FullMode = isReplay ? BoundedChannelFullMode.Wait : BoundedChannelFullMode.DropOldest,
                SingleReader = true,
                SingleWriter = true,
            },
            dropped =>
            {
                dropped.Dispose();
                cameraDrops.Add(1);
            });
        _lineEdge = PipelineChannels.CreateLineChannel(pipeline.LineChannelCapacity, metrics.Counters);
        Channel<ParticleDecision> decisionEdge = PipelineChannels.CreateDecisionChannel(pipeline.DecisionChannelCapacity);
        Channel<ParticleDecision> tappedEdge = PipelineChannels.CreateDecisionChannel(pipeline.DecisionChannelCapacity);
        Channel<EjectionCommand> commandEdge = PipelineChannels.CreateCommandChannel(pipeline.CommandChannelCapacity);
        var timestamps = new LineTimestamps();

        var options = new ClassificationOptions
        {
            WorkerCount = classificationWorkers,
            WorkerQueueCapacity = WorkerQueueCapacity,
            InputChannelCapacity = cameraCapacity,
            MaxLineAge = lineDeadline,
        };

        // Lines in flight inside the stage, plus the line edge, plus one being tracked.
        int poolCapacity = ((WorkerQueueCapacity + 3) * classificationWorkers) + pipeline.LineChannelCapacity + 2;
        var classification = new ClassificationStage(_cameraEdge.Reader, _lineEdge.Writer, models,
            ClassifiedLine.CreatePool(poolCapacity, plan.Pixels, hasConfidence: false), options, counters, time,
            new ClassificationRecorder(history, timestamps, metrics.Telemetry), (plan.Pixels, plan.Bands));
        _tracker = new ParticleTracker(plan.Pixels, particles, seed.NextParticleId);
        _scheduler = new EjectionScheduler(ejection, scale, plan.Pixels, seed.NextCommandSequence);
        var particleStage = new ParticleStage(_lineEdge.Reader, decisionEdge.Writer, _tracker, new ParticleDecider(rules), metrics.Counters);
        var tap = new DecisionTapStage(decisionEdge.Reader, tappedEdge.Writer, journal, models, timestamps, metrics.Telemetry, time);
        var scheduling = new SchedulingStage(tappedEdge.Reader, commandEdge.Writer, _scheduler, clock, time,
            metrics.Counters);
        var fanOut = new DecisionFanOut(commandEdge.Reader, sinks, pipeline.SinkQueueCapacity, clock, metrics.Counters);
        CancellationToken token = _abort.Token;
        _stages =
        [
            Task.Run(() => classification.RunAsync(token), CancellationToken.None),
            Task.Run(() => particleStage.RunAsync(token), CancellationToken.None),
            Task.Run(() => tap.RunAsync(token), CancellationToken.None),
            Task.Run(() => scheduling.RunAsync(token), CancellationToken.None),
            Task.Run(() => fanOut.RunAsync(token), CancellationToken.None),
        ];
    }

    /// <summary>Gets the camera edge's writer (the acquisition loop or a replay writes raw lines here).</summary>
    public ChannelWriter<SwirLine> Input => _cameraEdge.Writer;

    /// <summary>Gets the raw lines waiting for classification.</summary>
    public int CameraQueueDepth => _cameraEdge.Reader.Count;

    /// <summary>Gets the classified lines waiting for the particle stage.</summary>
    public int LineQueueDepth => _lineEdge.Reader.Count;

    /// <summary>Gets where a next pipeline continues (read after <see cref="CompleteAsync"/>: the stages own the counters while they run).</summary>
    public PipelineSeed Seed => new(_tracker.NextParticleId, _scheduler.NextSequence);

    /// <summary>Completes the input and waits until every stage has drained (cancels them after <paramref name="timeout"/>).</summary>
    /// <returns>True when the pipeline drained; false when it had to be cancelled.</returns>
    /// <exception cref="Exception">A stage failed (its exception).</exception>
    public async Task<bool> CompleteAsync(TimeSpan timeout)
    {
        _cameraEdge.Writer.TryComplete();
        Task all = Task.WhenAll(_stages);
        try
        {
            await all.WaitAsync(timeout, CancellationToken.None).ConfigureAwait(false);
            return true;
        }
        catch (TimeoutException)
        {
            await _abort.CancelAsync().ConfigureAwait(false);
            return false;
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _abort.Dispose();
}
