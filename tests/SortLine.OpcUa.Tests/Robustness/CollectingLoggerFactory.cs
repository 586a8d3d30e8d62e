using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace SortLine.OpcUa.Tests.Robustness;

/// <summary>
/// Records every log entry at <see cref="LogLevel.Error"/> or above. The server logs at Error only from its catch-alls
/// (a connection task or a service handler failed unexpectedly), so any entry here is an unhandled exception.
/// </summary>
internal sealed class CollectingLoggerFactory : ILoggerFactory
{
    private readonly ConcurrentQueue<string> _errors = new();

    public IReadOnlyCollection<string> Errors => _errors;

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    private sealed class Logger(CollectingLoggerFactory owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                owner._errors.Enqueue(category + ": " + formatter(state, exception) + (exception is null ? string.Empty : Environment.NewLine + exception));
            }
        }
    }
}
