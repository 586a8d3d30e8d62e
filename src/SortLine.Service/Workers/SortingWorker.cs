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
/// <para><b>Control.</b> After the first calibration the worker starts a <see cref="SortingLine"/> (camera feed and pipeline)
/// and attaches it to <see cref="LineControl"/>, through which the PLC stops, starts and recalibrates the line; each run
/// from start to stop has its own pipeline, built with the latest calibration plan and the live
/// <see cref="ParticleRulesSlot"/>.</para>
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
    LineStatus status,
    LineControl control,
    ParticleRulesSlot rules,
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
            status.Set(LineState.Stopped);
            return;
        }

        int minThreads = LineThreadPool.Reserve(sorting.ClassificationWorkers);
        LogThreadPool(_logger, minThreads);
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
                return await CameraCalibration.CalibrateAsync(camera, sorting, connector, cancellationToken).ConfigureAwait(false);
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
        var metrics = new PipelineCounterMetrics(counters, pipelineTelemetry);

        // One pipeline per run (StartLine .. StopLine); each classifies with the slot's latest plan (the model slot follows
        // recalibrations) and decides with the live rules.
        SortingPipeline Create(PipelineSeed seed) => new(models, sorting.ClassificationWorkers, pipeline, particles, ejection, scale, clock,
            sorting.CameraChannelCapacity, TimeSpan.FromMilliseconds(line.LatencyBudgetMilliseconds), isReplay: false, sinks, history, journal, metrics,
            time, rules, seed);

        var sortingLine = new SortingLine(camera, connector, Create, calibration, status, journal, pipelineTelemetry, readiness, DrainTimeout, _logger);
        try
        {
            await sortingLine.StartAsync(stoppingToken).ConfigureAwait(false);
            control.Attach(sortingLine);
            LogSorting(_logger, camera.Info.LineRateHz, plan.Pixels, plan.Bands);
            await Task.Delay(Timeout.InfiniteTimeSpan, time, stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutdown.
        }
        finally
        {
            control.Attach(null);
            await sortingLine.DisposeAsync().ConfigureAwait(false);
            if (logFile is not null)
            {
                await logFile.DisposeAsync().ConfigureAwait(false);
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Thread pool: at least {MinThreads} worker threads for the line's loops")]
    private static partial void LogThreadPool(ILogger logger, int minThreads);

    [LoggerMessage(Level = LogLevel.Information, Message = "Calibrated: dark {DarkLines} lines, white {WhiteLines} lines, {DeadCells} dead cells")]
    private static partial void LogCalibrated(ILogger logger, int darkLines, int whiteLines, int deadCells);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sorting pipeline running at {LineRateHz} lines/s ({Pixels} px x {Bands} bands); waiting for a model")]
    private static partial void LogSorting(ILogger logger, double lineRateHz, int pixels, int bands);

    [LoggerMessage(Level = LogLevel.Information, Message = "Decision log {Path}")]
    private static partial void LogDecisionLog(ILogger logger, string path);
}
