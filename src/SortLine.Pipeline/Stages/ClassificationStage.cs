using System.Diagnostics;
using System.Runtime.ExceptionServices;
using System.Threading.Channels;
using SortLine.Pipeline.Inference;
using SortLine.Pipeline.Items;
using SortLine.Sensors;
using SortLine.Sensors.Swir;

namespace SortLine.Pipeline.Stages;

/// <summary>
/// The classification stage: reads camera lines, preprocesses and classifies each on one of N workers with the current
/// <see cref="ClassificationPlan"/> of a <see cref="ModelSlot"/> (the line's references, belt-brightness rule and model),
/// and writes the <see cref="ClassifiedLine"/>s (line class ids: 0 = belt, 1.. = minerals, the line's reject class) in the
/// order the lines arrived (their <see cref="SampleStamp.Sequence"/> order) to the particle stage's channel.
/// </summary>
/// <remarks>
/// <para><b>Flow.</b> One dispatcher (<see cref="PipelineStage{TIn, TOut}.RunAsync"/>) reads the input, drops lines older
/// than <see cref="ClassificationOptions.MaxLineAge"/> while a model is in service, numbers the others 0, 1, 2, … and hands
/// them round-robin to the workers through small bounded queues (a busy worker back-pressures the dispatcher, which bounds
/// the lines in flight). Each worker owns its <see cref="LineClassificationScratch"/>, processes the line into a
/// <see cref="ClassifiedLine"/> rented from the pool, and puts it into a reorder ring; whoever completes the next number in
/// line writes it and every consecutive finished line after it (under one short lock), so lines leave in input order
/// whatever the completion order.</para>
/// <para><b>Per line</b> (<see cref="ClassificationPlan.Process"/>): belt pixels (darker than the plan's threshold) are class
/// 0 without asking the model; the others get the model's class mapped to the line's ids. Only those foreground pixels are
/// smoothed and hull-quotiented. Before the first model a line only gets its foreground mask when the
/// <see cref="IClassificationObserver"/> collects lines (MSKD pairing), and nothing is written downstream; with neither, the
/// line is only disposed.</para>
/// <para><b>Observer.</b> In line order, under the ordering lock: <see cref="IClassificationObserver.OnCollected"/> with
/// every collected line's raw counts, foreground mask and preprocessing (so the MSKD history can compute exactly the features
/// the classifier saw, with the references of that line, for the few pixels it pairs), then
/// <see cref="IClassificationObserver.OnClassified"/> for every classified line. The raw copies live in the reorder ring (one
/// buffer per slot, because the camera line goes back to its pool before the line's turn comes), so collecting allocates
/// nothing per line.</para>
/// <para><b>Hot swap and recalibration.</b> The dispatcher reads <see cref="ModelSlot.Current"/> once per line, in input
/// order, and hands it to the worker with the line: a new plan takes over exactly at a line boundary (every later line uses
/// it, every earlier one the old), and every pixel of a line is processed with one plan (one model version, recorded in <see cref="ClassifiedLine.ModelVersion"/>, and one set
/// of references). Swapping never pauses the stage.</para>
/// <para><b>Ownership.</b> This stage is the last reader of a <see cref="SwirLine"/>: it disposes every line it reads (after
/// classifying it, when dropping it, or when aborting). A <see cref="ClassifiedLine"/> belongs to the output channel once
/// written (then to the particle stage).</para>
/// <para><b>Drops</b> (<c>sortline_pipeline_items_dropped_total</c>, <c>stage="classify"</c>): <c>deadline</c> (line too old);
/// <c>queue_full</c>: the input channel was full (<see cref="CreateInputChannel"/>: the oldest line goes), the
/// classified-line pool was exhausted (downstream holds every line), or the output refused the line (a
/// <see cref="BoundedChannelFullMode.Wait"/> channel that is full: the stage never blocks on its output). With the
/// standard line channel (<see cref="PipelineChannels.CreateLineChannel"/>, drop-oldest) the output never refuses; that
/// channel counts its own drops against the particle stage.</para>
/// <para><b>Allocations.</b> None per line in steady state (each reorder slot's foreground buffer is allocated on its first
/// line; raw-line buffers with the observer, at construction): the work queues hold structs, the workers and the queue writes
/// wait without a cancellable token (cancellation completes the queues instead), the output is written synchronously.
/// The one exception is the runtime's channel waiter when the dispatcher waits on an empty input with the (cancellable)
/// stage token: one small object per wait while idle, none while lines are queued.</para>
/// </remarks>
public sealed class ClassificationStage : PipelineStage<SwirLine, ClassifiedLine>
{
    /// <summary>The stage's metrics label.</summary>
    public const string StageName = "classify";

    private readonly ModelSlot _models;
    private readonly SamplePool<ClassifiedLine> _pool;
    private readonly TimeProvider _time;
    private readonly TimeSpan _maxLineAge;
    private readonly Channel<WorkItem>[] _queues;
    private readonly ClassifiedLine?[] _ring;
    private readonly bool[] _finished;
    private readonly LineRecord[] _records;
    private readonly bool[][] _foreground;
    private readonly ushort[][]? _collected;
    private readonly IClassificationObserver? _observer;
    private readonly Lock _gate = new();
    private readonly IPipelineCounter _processed;
    private readonly IPipelineCounter _deadline;
    private readonly IPipelineCounter _queueFull;
    private long _nextToWrite;
    private volatile bool _stopping;
    private Exception? _failure;
    private CancellationTokenSource? _stop;

    /// <summary>Creates the stage.</summary>
    /// <param name="input">Camera lines (see <see cref="CreateInputChannel"/>).</param>
    /// <param name="output">Classified lines (see <see cref="PipelineChannels.CreateLineChannel"/>).</param>
    /// <param name="models">The model slot (the current classifier, swappable at any time).</param>
    /// <param name="linePool">Where classified lines are rented (pixels = the models' pixels); size it for the lines in
    /// flight (workers × (queue + 3)) plus the output channel's capacity plus one.</param>
    /// <param name="options">Worker count, queue size, deadline.</param>
    /// <param name="metrics">Where the stage counts.</param>
    /// <param name="timeProvider">The clock of the line timestamps (<see cref="SampleStamp.Timestamp"/>).</param>
    /// <param name="observer">Sees collected and classified lines in order (e.g. the MSKD pairing history), or null.</param>
    /// <param name="lineShape">Line shape (pixels × bands) of the raw-line buffers the observer needs; required with an
    /// observer (one buffer per reorder slot is allocated here), ignored without.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option or the line shape is out of range.</exception>
    public ClassificationStage(ChannelReader<SwirLine> input, ChannelWriter<ClassifiedLine> output, ModelSlot models, SamplePool<ClassifiedLine> linePool,
        ClassificationOptions options, IPipelineMetrics metrics, TimeProvider timeProvider, IClassificationObserver? observer = null,
        (int Pixels, int Bands) lineShape = default)
        : base(StageName, input, output)
    {
        ArgumentNullException.ThrowIfNull(models);
        ArgumentNullException.ThrowIfNull(linePool);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.WorkerCount, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.WorkerQueueCapacity, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxLineAge, TimeSpan.Zero, nameof(options));
        _models = models;
        _pool = linePool;
        _time = timeProvider;
        _maxLineAge = options.MaxLineAge;
        _queues = new Channel<WorkItem>[options.WorkerCount];
        for (int k = 0; k < _queues.Length; k++)
        {
            _queues[k] = Channel.CreateBounded<WorkItem>(new BoundedChannelOptions(options.WorkerQueueCapacity)
            {
                FullMode = BoundedChannelFullMode.Wait,
                SingleReader = true,
                SingleWriter = true,
            });
        }

        // While line t is the oldest unwritten one, its worker holds at most t + (queue + 1)·N tickets, and the others are
        // behind the dispatcher, which waits on that worker's full queue: fewer than (queue + 2)·N lines are in flight.
        _ring = new ClassifiedLine?[(options.WorkerQueueCapacity + 3) * options.WorkerCount];
        _finished = new bool[_ring.Length];
        _records = new LineRecord[_ring.Length];
        _foreground = new bool[_ring.Length][];
        _observer = observer;
        if (observer is not null)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(lineShape.Pixels, 1, nameof(lineShape));
            ArgumentOutOfRangeException.ThrowIfLessThan(lineShape.Bands, 1, nameof(lineShape));
            _collected = new ushort[_ring.Length][];
            for (int i = 0; i < _collected.Length; i++)
            {
                _collected[i] = new ushort[lineShape.Pixels * lineShape.Bands];
            }
        }

        _processed = metrics.GetCounter(PipelineMetrics.ItemsProcessed, "Items a pipeline stage consumed.", StageName, "");
        const string DroppedHelp = "Items dropped by a pipeline stage or channel.";
        _deadline = metrics.GetCounter(PipelineMetrics.ItemsDropped, DroppedHelp, StageName, DropReasons.Deadline);
        _queueFull = metrics.GetCounter(PipelineMetrics.ItemsDropped, DroppedHelp, StageName, DropReasons.QueueFull);
    }

    /// <summary>Gets the number of workers.</summary>
    public int WorkerCount => _queues.Length;

    /// <summary>Test hook: called on the worker with a line's number after it is classified and before it is ordered.</summary>
    internal Action<long>? OnClassified { get; set; }

    /// <summary>
    /// Creates the camera → classification edge: <see cref="BoundedChannelFullMode.DropOldest"/> (the camera is never
    /// blocked; if classification falls behind, the oldest queued line, the one nearest its deadline, is dropped, disposed
    /// (returned to the camera's pool) and counted as <c>queue_full</c> against this stage). Single reader and writer.
    /// </summary>
    /// <param name="capacity">Lines buffered (≥ 1).</param>
    /// <param name="metrics">Where drops are counted.</param>
    /// <returns>The channel.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is less than 1.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="metrics"/> is null.</exception>
    public static Channel<SwirLine> CreateInputChannel(int capacity, IPipelineMetrics metrics)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ArgumentNullException.ThrowIfNull(metrics);
        IPipelineCounter dropped = metrics.GetCounter(PipelineMetrics.ItemsDropped, "Items dropped by a pipeline stage or channel.", StageName, DropReasons.QueueFull);
        var options = new BoundedChannelOptions(capacity)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
            SingleWriter = true,
        };
        return Channel.CreateBounded<SwirLine>(options, line =>
        {
            line.Dispose();
            dropped.Add(1);
        });
    }

    /// <inheritdoc/>
    protected override async Task ProcessAsync(CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _stop = stop;
        var workers = new Task[_queues.Length];
        for (int k = 0; k < workers.Length; k++)
        {
            ChannelReader<WorkItem> queue = _queues[k].Reader;
            workers[k] = Task.Run(() => WorkAsync(queue), CancellationToken.None);
        }

        Exception? error = null;
        try
        {
            using CancellationTokenRegistration registration = stop.Token.UnsafeRegister(static state => ((ClassificationStage)state!).Abort(), this);
            await DispatchAsync(stop.Token).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            error = ex;
            _stopping = true;
        }
        finally
        {
            CompleteQueues();
            await Task.WhenAll(workers).ConfigureAwait(false);
            if (_stopping)
            {
                ReleaseLeftovers();
            }
        }

        if (Volatile.Read(ref _failure) is { } failure)
        {
            ExceptionDispatchInfo.Throw(failure);
        }

        if (error is not null)
        {
            ExceptionDispatchInfo.Throw(error);
        }

        Debug.Assert(Array.TrueForAll(_finished, f => !f), "Every classified line was written.");
    }

    private async Task DispatchAsync(CancellationToken cancellationToken)
    {
        long ticket = 0;
        int workers = _queues.Length;
        using var input = new ChannelReadWaiter<SwirLine>(Input, cancellationToken);
        while (await input.WaitAsync().ConfigureAwait(false) == ChannelWaitResult.Ready)
        {
            while (Input.TryRead(out SwirLine? line))
            {
                // The plan is taken here, in input order, so a swap or recalibration takes over exactly at a line boundary.
                ClassificationPlan? plan = _models.Current;
                if (_maxLineAge > TimeSpan.Zero && plan?.Model is not null && _time.GetElapsedTime(line.Stamp.Timestamp) > _maxLineAge)
                {
                    line.Dispose();
                    _deadline.Add(1);
                    continue;
                }

                var item = new WorkItem(line, ticket, plan);
                ChannelWriter<WorkItem> queue = _queues[(int)(ticket % workers)].Writer;
                if (!queue.TryWrite(item))
                {
                    try
                    {
                        // No token: cancellation completes the queues (Abort), which ends this wait without allocating a waiter.
                        await queue.WriteAsync(item, CancellationToken.None).ConfigureAwait(false);
                    }
                    catch (ChannelClosedException)
                    {
                        line.Dispose();
                        cancellationToken.ThrowIfCancellationRequested();
                        throw;
                    }
                }

                ticket++;
            }
        }
    }

    private async Task WorkAsync(ChannelReader<WorkItem> queue)
    {
        LineClassificationScratch? scratch = null;
        try
        {
            while (await queue.WaitToReadAsync(CancellationToken.None).ConfigureAwait(false))
            {
                while (queue.TryRead(out WorkItem item))
                {
                    if (_stopping)
                    {
                        item.Line.Dispose();
                        continue;
                    }

                    ClassifiedLine? result;
                    try
                    {
                        result = Classify(item, ref scratch);
                    }
                    finally
                    {
                        item.Line.Dispose();
                    }

                    OnClassified?.Invoke(item.Ticket);
                    Write(item.Ticket, result);
                }
            }
        }
        catch (Exception ex)
        {
            Interlocked.CompareExchange(ref _failure, ex, null);
            _stopping = true;
            CompleteQueues();
            try
            {
                _stop?.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // The dispatcher has already finished.
            }

            while (queue.TryRead(out WorkItem left))
            {
                left.Line.Dispose();
            }
        }
    }

    /// <summary>Processes one line with the plan current when it was dispatched (one model version and one set of references for the whole line).</summary>
    private ClassifiedLine? Classify(in WorkItem item, ref LineClassificationScratch? scratch)
    {
        SwirLine line = item.Line;
        int slot = (int)(item.Ticket % _ring.Length);
        _records[slot] = default;
        ClassificationPlan? plan = item.Plan;
        if (plan is null)
        {
            return null; // not calibrated: nothing to do with the line
        }

        bool collect = _collected is not null && _observer!.IsCollectingLines && _collected[0].Length == line.Data.Length;
        bool classify = plan.Model is not null;
        if (!collect && !classify)
        {
            return null;
        }

        if (scratch is null || !scratch.Fits(plan))
        {
            // First line, or a swap to a model with more classes: the only allocation, once per such change.
            scratch = plan.CreateScratch();
        }

        ClassifiedLine? result = null;
        if (classify && !_pool.TryRent(out result))
        {
            _queueFull.Add(1);
            result = null;
            if (!collect)
            {
                return null;
            }
        }

        bool[] foreground = _foreground[slot] is { } f && f.Length == plan.Pixels ? f : (_foreground[slot] = new bool[plan.Pixels]);
        long started = Stopwatch.GetTimestamp();
        try
        {
            // No features: only the foreground pixels are preprocessed (fused with their classification); the history
            // preprocesses the pixels it pairs from the raw copy.
            plan.Process(line.Data, default, foreground, result is null ? default : result.Classes,
                result is null ? default : result.Confidence, scratch);
            if (collect)
            {
                line.Data.CopyTo(_collected![slot]);
            }
        }
        catch
        {
            result?.Dispose();
            throw;
        }

        _records[slot] = new LineRecord(line.Stamp, collect ? plan.Preprocessing : null, Stopwatch.GetElapsedTime(started));
        if (result is not null)
        {
            result.Stamp = line.Stamp;
            result.ModelVersion = plan.Model!.Version;
            _processed.Add(1);
        }

        return result;
    }

    /// <summary>Puts a finished line (or null for a dropped one) in the ring and writes every line that is now in order.</summary>
    private void Write(long ticket, ClassifiedLine? line)
    {
        lock (_gate)
        {
            int slot = (int)(ticket % _ring.Length);
            Debug.Assert(!_finished[slot], "The ring is sized for every line in flight.");
            _ring[slot] = line;
            _finished[slot] = true;
            while (true)
            {
                int next = (int)(_nextToWrite % _ring.Length);
                if (!_finished[next])
                {
                    break;
                }

                ClassifiedLine? ready = _ring[next];
                _ring[next] = null;
                _finished[next] = false;
                _nextToWrite++;
                LineRecord record = _records[next];
                if (record.Collected is { } preprocessing)
                {
                    _observer!.OnCollected(_collected![next], _foreground[next], preprocessing, record.Stamp);
                }

                if (ready is not null)
                {
                    _observer?.OnClassified(record.Stamp, ready.ModelVersion!, record.Elapsed);
                }

                if (ready is not null && !Output.TryWrite(ready))
                {
                    ready.Dispose();
                    _queueFull.Add(1);
                }
            }
        }
    }

    private void Abort()
    {
        _stopping = true;
        CompleteQueues();
    }

    private void CompleteQueues()
    {
        foreach (Channel<WorkItem> queue in _queues)
        {
            queue.Writer.TryComplete();
        }
    }

    /// <summary>After an abort: returns the lines still in the input and the classified lines stranded in the ring.</summary>
    private void ReleaseLeftovers()
    {
        while (Input.TryRead(out SwirLine? left))
        {
            left.Dispose();
        }

        lock (_gate)
        {
            for (int i = 0; i < _ring.Length; i++)
            {
                _ring[i]?.Dispose();
                _ring[i] = null;
                _finished[i] = false;
            }
        }
    }

    /// <summary>A line, its position in the input order and the plan current when it was dispatched.</summary>
    private readonly record struct WorkItem(SwirLine Line, long Ticket, ClassificationPlan? Plan);

    /// <summary>What the ordered write needs of a processed line; <paramref name="Collected"/> is the line's preprocessing when the observer collects it.</summary>
    private readonly record struct LineRecord(SampleStamp Stamp, LinePreprocessing? Collected, TimeSpan Elapsed);
}
