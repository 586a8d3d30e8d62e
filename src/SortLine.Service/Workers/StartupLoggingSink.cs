using SortLine.Pipeline.Scheduling;
using SortLine.Pipeline.Sinks;

namespace SortLine.Service.Workers;

/// <summary>
/// Logs the first <c>informationCount</c> ejection commands at Information (so a start on the simulator shows the line
/// sorting), every later one at Debug (style B8: nothing per particle at Information in steady state).
/// </summary>
internal sealed partial class StartupLoggingSink(ILogger logger, int informationCount) : IDecisionSink
{
    private long _count;

    /// <inheritdoc/>
    public string Name => "sink_log";

    /// <inheritdoc/>
    public ValueTask WriteAsync(EjectionCommand command, CancellationToken cancellationToken)
    {
        LogLevel level = _count++ < informationCount ? LogLevel.Information : LogLevel.Debug;
        LogCommand(logger, level, command.Sequence, command.FirstValve, command.LastValve, command.Start.Counts, command.End.Counts,
            command.Class, command.Confidence, command.ParticleId);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc/>
    public ValueTask CompleteAsync(CancellationToken cancellationToken)
    {
        LogCompleted(logger, Name, _count);
        return ValueTask.CompletedTask;
    }

    [LoggerMessage(Message = "Eject {Sequence}: valves {FirstValve}-{LastValve}, encoder {EncoderPosition}-{EndEncoderPosition}, class {ClassId}, confidence {Confidence:F3}, particle {ParticleId}")]
    private static partial void LogCommand(ILogger logger, LogLevel level, long sequence, int firstValve, int lastValve,
        long encoderPosition, long endEncoderPosition, int classId, double confidence, long particleId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Decision sink {Stage} completed after {Count} commands")]
    private static partial void LogCompleted(ILogger logger, string stage, long count);
}
