using Microsoft.Extensions.Logging;
using SortLine.Pipeline.Scheduling;

namespace SortLine.Pipeline.Sinks;

/// <summary>
/// Writes every command as a structured log event (constant template, source-generated). Commands are per
/// particle, so they log at <see cref="LogLevel.Debug"/> by default (style: nothing per particle at Information or
/// above); completion logs once at Information.
/// </summary>
public sealed partial class LoggingDecisionSink : IDecisionSink
{
    private readonly ILogger _logger;
    private readonly LogLevel _level;
    private long _count;

    /// <summary>Creates the sink.</summary>
    /// <param name="logger">The logger.</param>
    /// <param name="level">The level of the per-command events (default <see cref="LogLevel.Debug"/>).</param>
    /// <param name="name">The sink name (metrics <c>stage</c> label).</param>
    /// <exception cref="ArgumentNullException"><paramref name="logger"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty.</exception>
    public LoggingDecisionSink(ILogger logger, LogLevel level = LogLevel.Debug, string name = "sink_log")
    {
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        _logger = logger;
        _level = level;
        Name = name;
    }

    /// <inheritdoc/>
    public string Name { get; }

    /// <inheritdoc/>
    public ValueTask WriteAsync(EjectionCommand command, CancellationToken cancellationToken)
    {
        _count++;
        LogCommand(_logger, _level, command.Sequence, command.FirstValve, command.LastValve, command.Start.Counts, command.End.Counts,
            command.Class, command.Confidence, command.ParticleId);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc/>
    public ValueTask CompleteAsync(CancellationToken cancellationToken)
    {
        LogCompleted(_logger, Name, _count);
        return ValueTask.CompletedTask;
    }

    [LoggerMessage(EventId = 4100, Message = "Ejection command {Sequence}: valves {FirstValve}-{LastValve}, encoder {StartEncoderPosition}-{EndEncoderPosition}, class {Class}, confidence {Confidence}, particle {ParticleId}")]
    private static partial void LogCommand(ILogger logger, LogLevel level, long sequence, int firstValve, int lastValve,
        long startEncoderPosition, long endEncoderPosition, int @class, double confidence, long particleId);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Decision sink {Stage} completed after {Count} commands")]
    private static partial void LogCompleted(ILogger logger, string stage, long count);
}
