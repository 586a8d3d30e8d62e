using System.Diagnostics;
using System.Threading.Channels;
using SortLine.Pipeline.Items;
using SortLine.Sensors;
using SortLine.Sensors.Swir;
using SortLine.Service.Line;
using SortLine.Spectra;
using SortLine.Telemetry;
using TelemetryStage = SortLine.Telemetry.PipelineStage;

namespace SortLine.Service.Workers;

/// <summary>
/// The host's interim classification stage: one worker, per line
/// reflectance → Savitzky-Golay → hull quotient per pixel (<see cref="LinePreprocessor"/>), then the active student
/// (<see cref="ModelSlot"/>, read once per line, so a new model takes over at a line boundary) → <see cref="ClassifiedLine"/>.
/// </summary>
/// <remarks>
/// <para><b>Why interim.</b> The pipeline's <c>SortLine.Pipeline.Stages.ClassificationStage</c> (N workers, fused kernel,
/// reject rule) landed after this host was wired. It plugs in at one place (<see cref="SortingPipeline"/>'s constructor)
/// once three things are bridged: its classes are the student's output indices, while the particle stage needs the
/// line's class ids (0 = belt, 1 = lepidolite, ...); it needs a model at construction, while the line starts without one;
/// and the MSKD session needs every preprocessed line in its history, which this stage feeds.</para>
/// <para><b>Ownership.</b> This stage is the last reader of a <see cref="SwirLine"/>: it disposes each line after
/// preprocessing. It rents <see cref="ClassifiedLine"/>s from its own pool; the particle stage disposes them.</para>
/// <para><b>Rules.</b> Pixels darker than the belt threshold are class 0 without asking the model; a pixel the model
/// cannot classify (non-finite scores) gets <see cref="RejectClass"/>. Before the first model, lines are only preprocessed
/// (for MSKD pairing) and not classified; while no pairing data is being collected and no model is active, lines are
/// only counted.</para>
/// <para><b>Deadline.</b> A line older than the latency budget when it is taken is dropped and counted
/// (<c>stage="classification"</c>, <c>reason="deadline"</c>): its particle would reach the valves before the decision.</para>
/// </remarks>
internal sealed class HostClassificationStage : SortLine.Pipeline.Stages.PipelineStage<SwirLine, ClassifiedLine>
{
    private readonly LinePreprocessor _preprocessor;
    private readonly ModelSlot _models;
    private readonly PairingHistory _history;
    private readonly LineTimestamps _timestamps;
    private readonly DecisionJournal _journal;
    private readonly IPipelineTelemetry _telemetry;
    private readonly TimeProvider _time;
    private readonly TimeSpan _deadline;
    private readonly SamplePool<ClassifiedLine> _pool;
    private readonly int[] _classIds;
    private float[] _scores = [];

    /// <summary>Creates the stage.</summary>
    public HostClassificationStage(ChannelReader<SwirLine> input, ChannelWriter<ClassifiedLine> output, SpectralPreprocessing plan,
        int poolCapacity, ModelSlot models, PairingHistory history, LineTimestamps timestamps, DecisionJournal journal, IPipelineTelemetry telemetry,
        TimeProvider time, TimeSpan deadline)
        : base("classification", input, output)
    {
        _preprocessor = new LinePreprocessor(plan);
        _models = models;
        _history = history;
        _timestamps = timestamps;
        _journal = journal;
        _telemetry = telemetry;
        _time = time;
        _deadline = deadline;
        _pool = ClassifiedLine.CreatePool(poolCapacity, plan.Pixels, hasConfidence: false);
        _classIds = new int[plan.Pixels];
    }

    /// <summary>The pipeline's reject/unknown class id.</summary>
    public const byte RejectClass = 5;

    /// <inheritdoc/>
    protected override async Task ProcessAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (await Input.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                while (Input.TryRead(out SwirLine? line))
                {
                    ClassifiedLine? classified;
                    try
                    {
                        classified = Process(line);
                    }
                    finally
                    {
                        line.Dispose();
                    }

                    if (classified is not null)
                    {
                        // The line edge is drop-oldest: this never waits.
                        await Output.WriteAsync(classified, cancellationToken).ConfigureAwait(false);
                    }
                }
            }
        }
        finally
        {
            while (Input.TryRead(out SwirLine? left))
            {
                left.Dispose();
            }
        }
    }

    private ClassifiedLine? Process(SwirLine line)
    {
        SampleStamp stamp = line.Stamp;
        LineModel? model = _models.Current;
        bool collecting = _history.IsCollecting;
        if (model is not null && _time.GetElapsedTime(stamp.Timestamp) > _deadline)
        {
            _telemetry.ItemsDropped(TelemetryStage.Classification, DropReason.Deadline, 1);
            _journal.CountDroppedLines(1);
            if (!collecting)
            {
                return null;
            }

            model = null; // still useful for pairing, not for sorting
        }

        if (model is null && !collecting)
        {
            return null;
        }

        LinePreprocessor pre = _preprocessor;
        pre.Apply(line.Data);
        if (collecting)
        {
            _history.Append(pre.Features, stamp, pre.Foreground);
        }

        if (model is null)
        {
            return null;
        }

        if (!_pool.TryRent(out ClassifiedLine classified))
        {
            _telemetry.ItemsDropped(TelemetryStage.Classification, DropReason.QueueFull, 1);
            _journal.CountDroppedLines(1);
            return null;
        }

        if (_scores.Length < model.Classifier.ClassCount)
        {
            _scores = new float[model.Classifier.ClassCount];
        }

        long started = Stopwatch.GetTimestamp();
        model.Classifier.ClassifyLine(new ReadOnlyMatrixSpan<float>(pre.Features, pre.Plan.Pixels, pre.Plan.Bands), _classIds, _scores);
        _telemetry.RecordInferenceTime(Stopwatch.GetElapsedTime(started).TotalSeconds);
        Span<byte> classes = classified.Classes;
        byte[] map = model.OutputToClass;
        for (int p = 0; p < classes.Length; p++)
        {
            int id = _classIds[p];
            classes[p] = !pre.Foreground[p] ? (byte)0 : (uint)id < (uint)map.Length ? map[id] : RejectClass;
        }

        classified.Stamp = stamp;
        _timestamps.Add(stamp.Encoder.Counts, stamp.Timestamp);
        return classified;
    }
}
