using SortLine.Sensors;
using SortLine.Sensors.Swir;
using SortLine.Service.Line;
using SortLine.Telemetry;
using TelemetryStage = SortLine.Telemetry.PipelineStage;

namespace SortLine.Service.Workers;

/// <summary>
/// The calibrated line while the service runs: the only reader of the camera, it feeds camera lines into a
/// <see cref="SortingPipeline"/> and carries out the operator's commands: <see cref="StartAsync"/>,
/// <see cref="StopAsync"/> and <see cref="CaptureReferenceAsync"/>.
/// </summary>
/// <remarks>
/// <para><b>Stop and start.</b> Stop ends the feed (the camera stays connected but is not read), completes the pipeline
/// and waits until it drained: open particles are closed and decided, pending commands flushed, sinks completed; then
/// the state is <see cref="LineState.Stopped"/> and no further decision comes. Start builds a new pipeline with the
/// current calibration plan, continuing the particle ids and command sequence numbers of the previous run (the PLC sees
/// no repeat and no gap), and resumes the feed.</para>
/// <para><b>Capture.</b> Sorting pauses (the feed ends; the pipeline stays, and the tracker closes the particles that
/// were open across the gap), the camera averages the reference view, returns to the belt, and the new plan is
/// published on <see cref="CalibrationState"/>; then the feed resumes if the line was sorting.</para>
/// <para><b>Concurrency.</b> Commands run one at a time (a semaphore); a command that finds the line in the wrong state
/// answers <see cref="ControlOutcome.InvalidState"/> (start while running, stop while stopped, capture with the camera
/// down). After <see cref="ShutdownAsync"/> every command answers <see cref="ControlOutcome.InvalidState"/>.</para>
/// <para><b>Faults.</b> A camera fault during the feed sets the line <see cref="LineState.Faulted"/> and reconnects with
/// back-off; sorting resumes with the next line (the pipeline keeps running). A camera that stays connected but delivers
/// no line within <see cref="SensorConnector.ReadTimeout"/> is a timeout fault, handled the same way.</para>
/// <para><b>End of stream.</b> When the camera's stream ends without a fault (a replay reached its end), there is nothing
/// more to sort: the camera is marked disconnected, readiness withdrawn, and the line stops as on
/// <see cref="StopAsync"/> (drained, then <see cref="LineState.Stopped"/>); <see cref="StartAsync"/> reconnects and
/// sorts again.</para>
/// </remarks>
internal sealed partial class SortingLine : IAsyncDisposable
{
    private readonly ISwirCamera _camera;
    private readonly SensorConnector _connector;
    private readonly Func<PipelineSeed, ISortingRun> _createPipeline;
    private readonly CalibrationState _calibration;
    private readonly LineStatus _status;
    private readonly DecisionJournal _journal;
    private readonly IPipelineTelemetry _telemetry;
    private readonly IReadinessReporter _readiness;
    private readonly TimeSpan _drainTimeout;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly CancellationTokenSource _lifetime = new();
    private ISortingRun? _pipeline;
    private Task? _feed;
    private CancellationTokenSource? _feedStop;
    private int _feedGeneration;
    private PipelineSeed _seed;
    private bool _shutDown;

    /// <summary>Creates the line (stopped; call <see cref="StartAsync"/>).</summary>
    /// <param name="camera">The connected, calibrated camera.</param>
    /// <param name="connector">Its connector (state and reconnects).</param>
    /// <param name="createPipeline">Builds a pipeline with the current plan, continuing from the seed.</param>
    /// <param name="calibration">Where recalibrated plans are published.</param>
    /// <param name="status">The line state.</param>
    /// <param name="journal">Line counts.</param>
    /// <param name="telemetry">Pipeline metrics.</param>
    /// <param name="readiness">Readiness conditions (sensors up).</param>
    /// <param name="drainTimeout">How long a stop waits for the pipeline to drain before cancelling its stages.</param>
    /// <param name="logger">The log.</param>
    public SortingLine(ISwirCamera camera, SensorConnector connector, Func<PipelineSeed, SortingPipeline> createPipeline, CalibrationState calibration,
        LineStatus status, DecisionJournal journal, IPipelineTelemetry telemetry, IReadinessReporter readiness, TimeSpan drainTimeout, ILogger logger)
        : this(camera, connector, seed => new SortingPipelineRun(createPipeline(seed)), calibration, status, journal, telemetry, readiness, drainTimeout, logger)
    {
    }

    /// <summary>Creates the line over any <see cref="ISortingRun"/> (stopped; call <see cref="StartAsync"/>).</summary>
    /// <param name="camera">The connected, calibrated camera.</param>
    /// <param name="connector">Its connector (state and reconnects).</param>
    /// <param name="createPipeline">Builds a run's pipeline, continuing from the seed.</param>
    /// <param name="calibration">Where recalibrated plans are published.</param>
    /// <param name="status">The line state.</param>
    /// <param name="journal">Line counts.</param>
    /// <param name="telemetry">Pipeline metrics.</param>
    /// <param name="readiness">Readiness conditions (sensors up).</param>
    /// <param name="drainTimeout">How long a stop waits for the pipeline to drain before cancelling its stages.</param>
    /// <param name="logger">The log.</param>
    public SortingLine(ISwirCamera camera, SensorConnector connector, Func<PipelineSeed, ISortingRun> createPipeline, CalibrationState calibration,
        LineStatus status, DecisionJournal journal, IPipelineTelemetry telemetry, IReadinessReporter readiness, TimeSpan drainTimeout, ILogger logger)
    {
        _camera = camera;
        _connector = connector;
        _createPipeline = createPipeline;
        _calibration = calibration;
        _status = status;
        _journal = journal;
        _telemetry = telemetry;
        _readiness = readiness;
        _drainTimeout = drainTimeout;
        _logger = logger;
    }

    /// <summary>Gets whether the line is sorting (a pipeline exists; also while a capture pauses the feed).</summary>
    public bool IsSorting => Volatile.Read(ref _pipeline) is not null;

    /// <summary>Gets a task that completes when the current feed ends (a replay reached its end, or a stop); for the worker.</summary>
    public Task Feed => Volatile.Read(ref _feed) ?? Task.CompletedTask;

    /// <summary>Starts sorting: a new pipeline with the current plan, and the camera feed.</summary>
    /// <param name="cancellationToken">Stops waiting for a running command.</param>
    /// <returns><see cref="ControlOutcome.Done"/>, or <see cref="ControlOutcome.InvalidState"/> when already sorting or shut down.</returns>
    public async Task<ControlOutcome> StartAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_shutDown || _pipeline is not null)
            {
                return ControlOutcome.InvalidState;
            }

            _status.Set(LineState.Starting);
            ISortingRun pipeline = _createPipeline(_seed);
            Volatile.Write(ref _pipeline, pipeline);
            StartFeed(pipeline);
            LogStarted(_logger, _seed.NextCommandSequence);
            return ControlOutcome.Done;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Stops sorting: ends the feed, then drains the pipeline (open particles are decided).</summary>
    /// <param name="cancellationToken">Stops waiting for a running command (the stop itself is not cancelled once begun).</param>
    /// <returns><see cref="ControlOutcome.Done"/> once drained, or <see cref="ControlOutcome.InvalidState"/> when not sorting.</returns>
    public async Task<ControlOutcome> StopAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_shutDown || _pipeline is null)
            {
                return ControlOutcome.InvalidState;
            }

            await StopSortingAsync().ConfigureAwait(false);
            return ControlOutcome.Done;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Captures a new dark or white reference and publishes the recalibrated plan.</summary>
    /// <param name="view">The reference view.</param>
    /// <param name="lineCount">Lines to average (≥ 1).</param>
    /// <param name="cancellationToken">Aborts the capture (the feed resumes and the plan stays).</param>
    /// <returns><see cref="ControlOutcome.Done"/> after the new plan is published, or <see cref="ControlOutcome.InvalidState"/>
    /// when the camera is not connected (or fails meanwhile) or the line shut down.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired.</exception>
    public async Task<ControlOutcome> CaptureReferenceAsync(CameraView view, int lineCount, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_shutDown || _connector.State != SensorState.Running || _calibration.Current is null)
            {
                return ControlOutcome.InvalidState;
            }

            LineState before = _status.State;
            bool sorting = _pipeline is not null;
            _status.Set(LineState.Calibrating);
            await StopFeedAsync().ConfigureAwait(false);
            try
            {
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _lifetime.Token);
                SpectralPreprocessing current = _calibration.Current;
                Spectra.Calibration.ReferenceFrameAccumulator reference =
                    await CameraCalibration.CaptureReferenceAsync(_camera, view, lineCount, _connector, linked.Token).ConfigureAwait(false);
                SpectralPreprocessing plan = CameraCalibration.WithReference(current, view, reference);
                _calibration.Publish(plan);
                LogCaptured(_logger, view, lineCount, _calibration.Version, plan.Calibration.DeadCellCount);
                return ControlOutcome.Done;
            }
            catch (SensorFaultException ex)
            {
                _connector.SetState(SensorState.Faulted, ex);
                return ControlOutcome.InvalidState;
            }
            finally
            {
                if (sorting && !_shutDown)
                {
                    StartFeed(_pipeline!);
                }
                else
                {
                    _status.Set(before == LineState.Calibrating ? LineState.Stopped : before);
                }
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Stops for good (service shutdown): ends the feed and drains the pipeline; later commands are refused.</summary>
    public async Task ShutdownAsync()
    {
        await _lifetime.CancelAsync().ConfigureAwait(false);
        await _gate.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            if (_shutDown)
            {
                return;
            }

            _shutDown = true;
            if (_pipeline is not null)
            {
                await StopSortingAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await ShutdownAsync().ConfigureAwait(false);
        _lifetime.Dispose();
        _gate.Dispose();
    }

    private void StartFeed(ISortingRun pipeline)
    {
        var stop = CancellationTokenSource.CreateLinkedTokenSource(_lifetime.Token);
        _feedStop = stop;
        int generation = ++_feedGeneration;
        _status.Set(_connector.State == SensorState.Running ? LineState.Running : LineState.Faulted);
        Volatile.Write(ref _feed, Task.Run(async () =>
        {
            if (await FeedAsync(pipeline, stop.Token).ConfigureAwait(false))
            {
                // Not awaited: the stop waits for this feed task, which must finish first.
                _ = StopAtEndOfStreamAsync(generation);
            }
        }, CancellationToken.None));
    }

    /// <summary>Stops the line after its feed <paramref name="generation"/> reached the end of the camera stream, unless a
    /// command stopped or restarted the feed meanwhile.</summary>
    private async Task StopAtEndOfStreamAsync(int generation)
    {
        await _gate.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            if (_shutDown || _pipeline is null || generation != _feedGeneration)
            {
                return;
            }

            LogEndOfStream(_logger);
            await StopSortingAsync().ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task StopFeedAsync()
    {
        if (_feedStop is not { } stop)
        {
            return;
        }

        await stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _feed!.ConfigureAwait(false);
        }
        finally
        {
            stop.Dispose();
            _feedStop = null;
        }
    }

    /// <summary>Ends the feed and drains the pipeline; the caller holds the gate.</summary>
    private async Task StopSortingAsync()
    {
        _status.Set(LineState.Stopping);
        await StopFeedAsync().ConfigureAwait(false);
        ISortingRun pipeline = _pipeline!;
        try
        {
            if (await pipeline.CompleteAsync(_drainTimeout).ConfigureAwait(false))
            {
                LogDrained(_logger, _journal.DecisionCount, _journal.CommandCount);
            }
            else
            {
                LogDrainTimeout(_logger, _drainTimeout);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogPipelineFailed(_logger, ex);
        }
        finally
        {
            _seed = pipeline.Seed;
            pipeline.Dispose();
            Volatile.Write(ref _pipeline, null);
            _status.Set(LineState.Stopped);
        }
    }

    /// <summary>Reads the camera into the pipeline until <paramref name="stop"/> fires; reconnects after faults.</summary>
    /// <returns>True when the camera stream ended by itself (end of a replay); false when stopped.</returns>
    private async Task<bool> FeedAsync(ISortingRun pipeline, CancellationToken stop)
    {
        long lastSequence = -1;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                if (_connector.State != SensorState.Running)
                {
                    _status.Set(LineState.Faulted);
                    await _connector.ConnectAsync(_camera.ConnectAsync, stop).ConfigureAwait(false);
                    _readiness.SetCondition(ReadinessCondition.SensorsUp, true);
                    _status.Set(LineState.Running);
                }

                await _camera.SelectViewAsync(CameraView.Belt, stop).ConfigureAwait(false);
                await foreach (SwirLine l in _connector.ReadAsync(_camera.ReadLinesAsync, stop).ConfigureAwait(false))
                {
                    long sequence = l.Stamp.Sequence;
                    if (lastSequence >= 0 && sequence > lastSequence + 1)
                    {
                        _telemetry.ItemsDropped(TelemetryStage.Acquisition, DropReason.Sensor, (int)Math.Min(sequence - lastSequence - 1, int.MaxValue));
                        _journal.CountDroppedLines(sequence - lastSequence - 1);
                    }

                    lastSequence = sequence;
                    _telemetry.LinesReceived(1);
                    _journal.CountLines(1);
                    if (!pipeline.Input.TryWrite(l))
                    {
                        l.Dispose();
                    }

                    _telemetry.SetQueueDepth(TelemetryStage.Classification, pipeline.CameraQueueDepth);
                    _telemetry.SetQueueDepth(TelemetryStage.Particles, pipeline.LineQueueDepth);
                }

                // The stream ended without a fault (a replay reached its end): nothing more to sort.
                _connector.SetState(SensorState.Disconnected);
                _readiness.SetCondition(ReadinessCondition.SensorsUp, false);
                return !stop.IsCancellationRequested;
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return false;
            }
            catch (SensorFaultException ex)
            {
                _connector.SetState(SensorState.Faulted, ex);
                _readiness.SetCondition(ReadinessCondition.SensorsUp, false);
                _status.Set(LineState.Faulted);

                // Lines after the reconnect are not counted as dropped against the last line before the fault.
                lastSequence = -1;
                try
                {
                    await _connector.BackOffAsync(stop).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    return false;
                }
            }
        }

        return false;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The camera stream ended: sorting stops (StartLine reconnects)")]
    private static partial void LogEndOfStream(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sorting started (next command sequence {Sequence})")]
    private static partial void LogStarted(ILogger logger, long sequence);

    [LoggerMessage(Level = LogLevel.Information, Message = "Captured the {View} reference from {Lines} lines: calibration version {Version}, {DeadCells} dead cells")]
    private static partial void LogCaptured(ILogger logger, CameraView view, int lines, long version, int deadCells);

    [LoggerMessage(Level = LogLevel.Information, Message = "Pipeline drained: {Decisions} particle decisions, {Commands} ejection commands")]
    private static partial void LogDrained(ILogger logger, long decisions, long commands);

    [LoggerMessage(Level = LogLevel.Error, Message = "Pipeline did not drain within {Timeout}; stages cancelled")]
    private static partial void LogDrainTimeout(ILogger logger, TimeSpan timeout);

    [LoggerMessage(Level = LogLevel.Error, Message = "Pipeline failed")]
    private static partial void LogPipelineFailed(ILogger logger, Exception exception);
}
