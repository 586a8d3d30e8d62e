using Microsoft.Extensions.Options;
using SortLine.OpcUa.AddressSpace;
using SortLine.OpcUa.Server;
using SortLine.Pipeline;
using SortLine.Pipeline.Inference;
using SortLine.Pipeline.Particles;
using SortLine.Service.Line;
using SortLine.Service.Options;
using SortLine.Service.Telemetry;
using SortLine.Telemetry;

namespace SortLine.Service.Workers;

/// <summary>
/// Runs the OPC UA server (PLC link) with the sorter address space (<see cref="SortLineNodeSet"/>): decisions are published
/// through <see cref="OpcUaDecisionSink"/>; the line state follows <see cref="LineStatus"/>; belt speed (measured on the
/// encoder), encoder position, line rate,
/// dropped lines, late decisions, model version and per-class counts (<see cref="PlcCounters"/>) are refreshed once per
/// second. The methods act on the line through <see cref="PlcMethods"/>, and accepted configuration writes change the
/// running pipeline's rules through <see cref="PlcConfiguration"/>; every call and change is logged with the client's
/// user name. The server's sessions, subscriptions and queued notifications go to the metrics through
/// <see cref="OpcUaServerSampler"/> on the same one-second timer.
/// </summary>
/// <remarks>Registered before the sorting worker, so it starts first and stops last (after the pipeline drained).</remarks>
internal sealed partial class OpcUaWorker(
    IOptions<OpcUaServerOptions> options,
    IOptions<SortingOptions> sorting,
    IOptions<LineOptions> lineOptions,
    OpcUaDecisionSink sink,
    DecisionJournal journal,
    PlcCounters plcCounters,
    LineStatus status,
    LineControl line,
    RetrainingControl retraining,
    ParticleRulesSlot rules,
    ModelSlot models,
    SimulatedLineProvider lines,
    PipelineClasses classes,
    TimeProvider time,
    OpcUaServerSampler sampler,
    ILoggerFactory loggerFactory) : IHostedService, IAsyncDisposable
{
    private readonly ILogger _logger = loggerFactory.CreateLogger<OpcUaWorker>();
    private OpcUaServer? _server;
    private SortLineNodeSet? _nodes;
    private ITimer? _timer;
    private readonly Lock _refreshGate = new();
    private long _lastLines;
    private long _lastCounts;
    private long _lastRefresh;

    /// <summary>The largest <see cref="ParticleOptions.MinParticlePixels"/> the options validator accepts (its [Range] maximum).</summary>
    internal static readonly uint ParticleOptionsMaxMinParticlePixels = Convert.ToUInt32(
        typeof(ParticleOptions).GetProperty(nameof(ParticleOptions.MinParticlePixels))!
            .GetCustomAttributes(typeof(System.ComponentModel.DataAnnotations.RangeAttribute), false)
            .Cast<System.ComponentModel.DataAnnotations.RangeAttribute>().Single().Maximum, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Gets the pipeline class names by class id, as published in <c>Line/ClassNames</c> (from the configuration).</summary>
    public IReadOnlyList<string> ClassNames => classes.Names;

    /// <summary>Gets the endpoint URL once started.</summary>
    public string? EndpointUrl => _server?.EndpointUrl;

    /// <summary>Gets the bound endpoint once started.</summary>
    public System.Net.IPEndPoint? LocalEndPoint => _server?.LocalEndPoint;

    /// <inheritdoc/>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var server = new OpcUaServer(options.Value, loggerFactory, time);
        var configuration = new PlcConfiguration(rules, ClassNames, _logger);
        var methods = new PlcMethods(line, retraining, plcCounters, Refresh);
        var nodes = SortLineNodeSet.Create(server.AddressSpace, new SortLineNodeSetOptions
        {
            ClassNames = ClassNames,
            InitialConfiguration = configuration.Current,

            // The service options allow up to this size; the write rules must agree with them (PlcConfiguration.Validate).
            MaxMinParticlePixels = ParticleOptionsMaxMinParticlePixels,
            ConfigurationValidator = configuration.Validate,
        }, methods.CreateHandlers(), time);
        nodes.ConfigurationChanged += configuration.Apply;
        nodes.MethodCalled += OnMethodCalled;
        await server.StartAsync(cancellationToken).ConfigureAwait(false);
        _server = server;
        _nodes = nodes;
        status.Changed += OnLineStateChanged;
        nodes.SetState(ToNodeState(status.State));
        sink.Attach(nodes);
        sampler.Sample(server);
        _timer = time.CreateTimer(_ => OnTick(), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        LogStarted(_logger, server.EndpointUrl);
    }

    private void OnTick()
    {
        // The server's load is sampled whether or not the line sorts: the PLC link runs either way.
        if (_server is { } server)
        {
            sampler.Sample(server);
        }

        Refresh();
    }

    private void Refresh()
    {
        SortLineNodeSet? nodes = _nodes;
        if (nodes is null || !sorting.Value.Enabled)
        {
            return;
        }

        lock (_refreshGate)
        {
            long linesNow = journal.LinesReceived;
            long counts = lines.Encoder.Read().Counts;
            long elapsed = time.GetTimestamp();
            double seconds = _lastRefresh == 0 ? 1 : time.GetElapsedTime(_lastRefresh, elapsed).TotalSeconds;
            if (seconds >= 0.5)
            {
                // Only over a long enough window: an extra refresh (after ResetCounters) must not publish a spike.
                nodes.SetLinesPerSecond(Math.Max(0, linesNow - _lastLines) / seconds);
                if (_lastRefresh != 0)
                {
                    nodes.SetBeltSpeed(Math.Abs(counts - _lastCounts) / seconds / lineOptions.Value.EncoderCountsPerMeter);
                }

                _lastLines = linesNow;
                _lastCounts = counts;
                _lastRefresh = elapsed;
            }

            nodes.SetDroppedLines(plcCounters.DroppedLines);
            nodes.SetLateDecisions(plcCounters.LateDecisions);
            nodes.SetEncoderPosition(counts);
            if (models.Model is { } model)
            {
                nodes.SetModelVersion(model.Version);
            }

            if (retraining.TeacherAgreement is { } agreement)
            {
                nodes.SetTeacherAgreement(agreement);
            }

            for (int c = 0; c < ClassNames.Count; c++)
            {
                nodes.SetParticleCount(c, plcCounters.ParticleCount(c));
                nodes.SetEjectionCount(c, plcCounters.EjectionCount(c));
            }
        }
    }

    private void OnLineStateChanged(object? sender, LineState state) => _nodes?.SetState(ToNodeState(state));

    private void OnMethodCalled(object? sender, SortLineMethodCalledEventArgs e) =>
        LogMethodCalled(_logger, e.MethodName, e.UserName ?? "anonymous", e.Status);

    /// <summary>The PLC's name of a line state.</summary>
    public static SortLineState ToNodeState(LineState state) => state switch
    {
        LineState.Stopped => SortLineState.Stopped,
        LineState.Starting => SortLineState.Starting,
        LineState.Running => SortLineState.Running,
        LineState.Stopping => SortLineState.Stopping,
        LineState.Calibrating => SortLineState.Calibrating,
        _ => SortLineState.Faulted,
    };

    /// <inheritdoc/>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_timer is not null)
        {
            await _timer.DisposeAsync().ConfigureAwait(false);
            _timer = null;
        }

        sink.Attach(null);
        status.Changed -= OnLineStateChanged;
        _nodes?.SetState(SortLineState.Stopped);
        if (_server is not null)
        {
            await _server.StopAsync(cancellationToken).ConfigureAwait(false);
            sampler.Reset();
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (_nodes is not null)
        {
            await _nodes.DisposeAsync().ConfigureAwait(false);
        }

        if (_server is not null)
        {
            await _server.DisposeAsync().ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "PLC called {Method} as {User}: {StatusCode}")]
    private static partial void LogMethodCalled(ILogger logger, string method, string user, SortLine.OpcUa.Encoding.StatusCode statusCode);

    [LoggerMessage(Level = LogLevel.Information, Message = "OPC UA server listening on {EndpointUrl}")]
    private static partial void LogStarted(ILogger logger, string endpointUrl);
}
