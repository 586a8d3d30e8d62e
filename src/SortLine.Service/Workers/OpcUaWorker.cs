using Microsoft.Extensions.Options;
using SortLine.OpcUa.AddressSpace;
using SortLine.OpcUa.Server;
using SortLine.Pipeline;
using SortLine.Pipeline.Inference;
using SortLine.Service.Line;
using SortLine.Service.Options;

namespace SortLine.Service.Workers;

/// <summary>
/// Runs the OPC UA server (PLC link) with the sorter address space (<see cref="SortLineNodeSet"/>): decisions are published
/// through <see cref="OpcUaDecisionSink"/>; line state, encoder position, line rate, dropped lines, late decisions, model
/// version and per-class counts are refreshed once per second.
/// </summary>
/// <remarks>Registered before the sorting worker, so it starts first and stops last (after the pipeline drained).</remarks>
internal sealed partial class OpcUaWorker(
    IOptions<OpcUaServerOptions> options,
    IOptions<SortingOptions> sorting,
    IOptions<ParticleOptions> particles,
    OpcUaDecisionSink sink,
    DecisionJournal journal,
    SortLine.Service.Telemetry.PipelineCounterAdapter counters,
    ModelSlot models,
    SimulatedLineProvider lines,
    TimeProvider time,
    ILoggerFactory loggerFactory) : IHostedService, IAsyncDisposable
{
    /// <summary>Pipeline class names by class id, as published in <c>Line/ClassNames</c>.</summary>
    public static readonly IReadOnlyList<string> ClassNames = ["background", "lepidolite", "albite", "quartz", "muscovite", "unknown"];

    private readonly ILogger _logger = loggerFactory.CreateLogger<OpcUaWorker>();
    private OpcUaServer? _server;
    private SortLineNodeSet? _nodes;
    private ITimer? _timer;
    private long _lastLines;

    /// <summary>Gets the endpoint URL once started.</summary>
    public string? EndpointUrl => _server?.EndpointUrl;

    /// <summary>Gets the bound endpoint once started.</summary>
    public System.Net.IPEndPoint? LocalEndPoint => _server?.LocalEndPoint;

    /// <inheritdoc/>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var server = new OpcUaServer(options.Value, loggerFactory, time);
        ParticleOptions p = particles.Value;
        var nodes = SortLineNodeSet.Create(server.AddressSpace, new SortLineNodeSetOptions
        {
            ClassNames = ClassNames,
            InitialConfiguration = new SortLineConfiguration([.. p.TargetClasses.Select(c => ClassNames[c])], p.TargetFractionThreshold, (uint)p.MinParticlePixels),
        }, new SortLineMethodHandlers(), time);
        await server.StartAsync(cancellationToken).ConfigureAwait(false);
        _server = server;
        _nodes = nodes;
        nodes.SetState(sorting.Value.Enabled ? SortLineState.Starting : SortLineState.Stopped);
        sink.Attach(nodes);
        _timer = time.CreateTimer(_ => Refresh(), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        LogStarted(_logger, server.EndpointUrl);
    }

    private void Refresh()
    {
        SortLineNodeSet? nodes = _nodes;
        if (nodes is null || !sorting.Value.Enabled)
        {
            return;
        }

        long linesNow = journal.LinesReceived;
        nodes.SetLinesPerSecond(linesNow - _lastLines);
        _lastLines = linesNow;
        nodes.SetDroppedLines((ulong)journal.LinesDropped);
        long late = counters.Inner.Value(PipelineMetrics.ItemsDropped, SortLine.Pipeline.Stages.SchedulingStage.StageName, DropReasons.Deadline)
            + counters.Inner.Value(PipelineMetrics.ItemsDropped, SortLine.Pipeline.Stages.DecisionFanOut.StageName, DropReasons.Deadline);
        nodes.SetLateDecisions((ulong)late);
        nodes.SetEncoderPosition(lines.Encoder.Read().Counts);
        if (models.Model is { } model)
        {
            nodes.SetModelVersion(model.Version);
            nodes.SetState(SortLineState.Running);
        }

        for (int c = 0; c < ClassNames.Count; c++)
        {
            nodes.SetParticleCount(c, (ulong)journal.ParticleCount(c));
            nodes.SetEjectionCount(c, (ulong)journal.EjectionCount(c));
        }
    }

    /// <inheritdoc/>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_timer is not null)
        {
            await _timer.DisposeAsync().ConfigureAwait(false);
            _timer = null;
        }

        sink.Attach(null);
        _nodes?.SetState(SortLineState.Stopped);
        if (_server is not null)
        {
            await _server.StopAsync(cancellationToken).ConfigureAwait(false);
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

    [LoggerMessage(Level = LogLevel.Information, Message = "OPC UA server listening on {EndpointUrl}")]
    private static partial void LogStarted(ILogger logger, string endpointUrl);
}
