using System.Threading.Channels;
using Microsoft.Extensions.Options;
using SortLine.Pipeline;
using SortLine.Pipeline.Inference;
using SortLine.Pipeline.Items;
using SortLine.Pipeline.Particles;
using SortLine.Pipeline.Scheduling;
using SortLine.Pipeline.Sinks;
using SortLine.Pipeline.Stages;
using SortLine.Sensors;
using SortLine.Sensors.Encoder;
using SortLine.Sensors.Swir;
using SortLine.Service.Line;
using SortLine.Service.Options;
using SortLine.Service.Telemetry;
using SortLine.Spectra.Calibration;
using SortLine.Spectra.Smoothing;
using SortLine.Telemetry;
using TelemetryStage = SortLine.Telemetry.PipelineStage;

namespace SortLine.Service.Workers;

/// <summary>
/// Runs the line: connects the SWIR camera (reconnecting with back-off), calibrates (dark and white references), then
/// feeds camera lines through the pipeline: camera edge → classification → lines → <see cref="ParticleStage"/> →
/// decisions → <see cref="DecisionTapStage"/> → <see cref="SchedulingStage"/> → commands → <see cref="DecisionFanOut"/> → sinks.
/// </summary>
/// <remarks>
/// <para><b>Edges.</b> Camera edge: bounded, <see cref="BoundedChannelFullMode.DropOldest"/> (the camera is never blocked;
/// a dropped raw line is disposed and counted as classification/queue_full). The others are the pipeline's
/// (<see cref="PipelineChannels"/>); the tap's output edge is lossless like the decision edge it extends.</para>
/// <para><b>Faults.</b> A camera fault sets the camera Faulted, withdraws readiness, and reconnects with back-off; the
/// pipeline keeps running (the tracker closes particles across the gap), so sorting resumes with the next line.</para>
/// <para><b>Shutdown.</b> On stop the camera read ends, the camera edge is completed, and every stage drains in order: open
/// particles are closed and decided, pending commands are flushed, sinks are completed (the decision log is flushed).
/// The stages are cancelled only if draining outlasts <see cref="DrainTimeout"/>.</para>
/// </remarks>
internal sealed partial class SortingWorker(
    SimulatedLineProvider lines,
    CalibrationState calibration,
    ModelSlot models,
    PairingHistory history,
    DecisionJournal journal,
    IEnumerable<IDecisionSink> extraSinks,
    PipelineCounterAdapter counters,
    IPipelineTelemetry pipelineTelemetry,
    ISensorTelemetry sensorTelemetry,
    IReadinessReporter readiness,
    IOptions<LineOptions> lineOptions,
    IOptions<SortingOptions> sortingOptions,
    IOptions<ParticleOptions> particleOptions,
    IOptions<EjectionOptions> ejectionOptions,
    IOptions<PipelineOptions> pipelineOptions,
    TimeProvider time,
    ILoggerFactory loggerFactory) : BackgroundService
{
    /// <summary>How long the stages may take to drain at shutdown before they are cancelled.</summary>
    public static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(15);

    private readonly ILogger _logger = loggerFactory.CreateLogger<SortingWorker>();

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        SortingOptions sorting = sortingOptions.Value;
        LineOptions line = lineOptions.Value;
        if (!sortingOptions.Value.Enabled)
        {
            return;
        }

        ISwirCamera camera = lines.Camera;
        IBeltEncoder encoder = lines.Encoder;
        var connector = new SensorConnector(SensorKind.Swir, sensorTelemetry, sorting, time, _logger);
        sensorTelemetry.SetSensorState(SensorKind.Encoder, SensorState.Running);
        await connector.ConnectAsync(camera.ConnectAsync, stoppingToken).ConfigureAwait(false);
        readiness.SetCondition(ReadinessCondition.SensorsUp, true);
        sensorTelemetry.SetSwirNominalLineRate(camera.Info.LineRateHz);

        SpectralPreprocessing plan = await CalibrateAsync(camera, connector, sorting, stoppingToken).ConfigureAwait(false);
        calibration.Publish(plan);
        readiness.SetCondition(ReadinessCondition.Calibrated, true);
        LogCalibrated(_logger, sorting.DarkLines, sorting.WhiteLines, plan.Calibration.DeadCellCount);

        await RunPipelineAsync(camera, encoder, connector, plan, line, sorting, stoppingToken).ConfigureAwait(false);
    }

    private async Task<SpectralPreprocessing> CalibrateAsync(ISwirCamera camera, SensorConnector connector, SortingOptions sorting,
        CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                return await CameraCalibration.CalibrateAsync(camera, sorting, cancellationToken).ConfigureAwait(false);
            }
            catch (SensorFaultException ex)
            {
                connector.SetState(SensorState.Faulted, ex);
                readiness.SetCondition(ReadinessCondition.SensorsUp, false);
                await connector.BackOffAsync(cancellationToken).ConfigureAwait(false);
                await connector.ConnectAsync(camera.ConnectAsync, cancellationToken).ConfigureAwait(false);
                readiness.SetCondition(ReadinessCondition.SensorsUp, true);
            }
        }
    }

    private async Task RunPipelineAsync(ISwirCamera camera, IBeltEncoder encoder, SensorConnector connector, SpectralPreprocessing plan,
        LineOptions line, SortingOptions sorting, CancellationToken stoppingToken)
    {
        PipelineOptions pipeline = pipelineOptions.Value;
        ParticleOptions particles = particleOptions.Value;
        EjectionOptions ejection = ejectionOptions.Value;
        var scale = new EncoderScale(line.EncoderCountsPerMeter);
        IBeltClock clock = new EncoderBeltClock(encoder, time, line.BeltSpeedMetersPerSecond * line.EncoderCountsPerMeter);

        DecisionLogFileSink? logFile = CreateDecisionLog(sorting.DecisionLogPath);
        var sinks = new List<IDecisionSink> { new StartupLoggingSink(loggerFactory.CreateLogger("SortLine.Decisions"), sorting.InformationCommands), new JournalSink(journal) };
        if (logFile is not null)
        {
            sinks.Add(logFile);
        }

        sinks.AddRange(extraSinks);
        using var sortingPipeline = new SortingPipeline(models, sorting.ClassificationWorkers, pipeline, particles, ejection, scale, clock,
            sorting.CameraChannelCapacity, TimeSpan.FromMilliseconds(line.LatencyBudgetMilliseconds), isReplay: false, sinks, history, journal,
            new PipelineCounterMetrics(counters, pipelineTelemetry), time);
        LogSorting(_logger, camera.Info.LineRateHz, plan.Pixels, plan.Bands);
        try
        {
            await AcquireAsync(camera, connector, sortingPipeline, stoppingToken).ConfigureAwait(false);
        }
        finally
        {
            try
            {
                if (await sortingPipeline.CompleteAsync(DrainTimeout).ConfigureAwait(false))
                {
                    LogDrained(_logger, journal.DecisionCount, journal.CommandCount);
                }
                else
                {
                    LogDrainTimeout(_logger, DrainTimeout);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogPipelineFailed(_logger, ex);
            }

            if (logFile is not null)
            {
                await logFile.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private async Task AcquireAsync(ISwirCamera camera, SensorConnector connector, SortingPipeline sortingPipeline, CancellationToken stoppingToken)
    {
        long lastSequence = -1;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await foreach (SwirLine l in camera.ReadLinesAsync(stoppingToken).ConfigureAwait(false))
                {
                    long sequence = l.Stamp.Sequence;
                    if (lastSequence >= 0 && sequence > lastSequence + 1)
                    {
                        pipelineTelemetry.ItemsDropped(TelemetryStage.Acquisition, DropReason.Sensor, (int)Math.Min(sequence - lastSequence - 1, int.MaxValue));
                        journal.CountDroppedLines(sequence - lastSequence - 1);
                    }

                    lastSequence = sequence;
                    pipelineTelemetry.LinesReceived(1);
                    journal.CountLines(1);
                    if (!sortingPipeline.Input.TryWrite(l))
                    {
                        l.Dispose();
                    }

                    pipelineTelemetry.SetQueueDepth(TelemetryStage.Classification, sortingPipeline.CameraQueueDepth);
                    pipelineTelemetry.SetQueueDepth(TelemetryStage.Particles, sortingPipeline.LineQueueDepth);
                }

                // The stream ended without a fault (a replay reached its end): nothing more to sort.
                connector.SetState(SensorState.Disconnected);
                return;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (SensorFaultException ex)
            {
                connector.SetState(SensorState.Faulted, ex);
                readiness.SetCondition(ReadinessCondition.SensorsUp, false);
                lastSequence = -1;
                try
                {
                    await connector.BackOffAsync(stoppingToken).ConfigureAwait(false);
                    await connector.ConnectAsync(camera.ConnectAsync, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }

                readiness.SetCondition(ReadinessCondition.SensorsUp, true);
            }
        }
    }

    private DecisionLogFileSink? CreateDecisionLog(string path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return null;
        }

        string full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        LogDecisionLog(_logger, full);
        return DecisionLogFileSink.Create(full);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Calibrated: dark {DarkLines} lines, white {WhiteLines} lines, {DeadCells} dead cells")]
    private static partial void LogCalibrated(ILogger logger, int darkLines, int whiteLines, int deadCells);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sorting pipeline running at {LineRateHz} lines/s ({Pixels} px x {Bands} bands); waiting for a model")]
    private static partial void LogSorting(ILogger logger, double lineRateHz, int pixels, int bands);

    [LoggerMessage(Level = LogLevel.Information, Message = "Decision log {Path}")]
    private static partial void LogDecisionLog(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "Pipeline drained: {Decisions} particle decisions, {Commands} ejection commands")]
    private static partial void LogDrained(ILogger logger, long decisions, long commands);

    [LoggerMessage(Level = LogLevel.Error, Message = "Pipeline did not drain within {Timeout}; stages cancelled")]
    private static partial void LogDrainTimeout(ILogger logger, TimeSpan timeout);

    [LoggerMessage(Level = LogLevel.Error, Message = "Pipeline failed")]
    private static partial void LogPipelineFailed(ILogger logger, Exception exception);
}
