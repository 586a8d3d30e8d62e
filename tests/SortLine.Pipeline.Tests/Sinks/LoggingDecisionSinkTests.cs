using Microsoft.Extensions.Logging;
using SortLine.Pipeline.Scheduling;
using SortLine.Pipeline.Sinks;
using SortLine.Sensors.Encoder;

namespace SortLine.Pipeline.Tests.Sinks;

public sealed class LoggingDecisionSinkTests
{
    [Fact]
    public async Task WriteAsync_Command_LogsEveryFieldWithItsValue()
    {
        var logger = new CapturingLogger();
        var sink = new LoggingDecisionSink(logger, LogLevel.Information);
        var command = new EjectionCommand(7, 3, 5, new EncoderPosition(1_370), new EncoderPosition(1_430), 2, 0.75, 41, new EncoderPosition(1_000));

        await sink.WriteAsync(command, CancellationToken.None);

        string message = Assert.Single(logger.Messages);
        Assert.DoesNotContain("{", message, StringComparison.Ordinal);
        Assert.Contains("command 7", message, StringComparison.Ordinal);
        Assert.Contains("valves 3-5", message, StringComparison.Ordinal);
        Assert.Contains("encoder 1370-1430", message, StringComparison.Ordinal);
        Assert.Contains("class 2", message, StringComparison.Ordinal);
        Assert.Contains("particle 41", message, StringComparison.Ordinal);
    }

    private sealed class CapturingLogger : ILogger
    {
        public List<string> Messages { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Messages.Add(formatter(state, exception));
    }
}
