using Microsoft.Extensions.Logging;

namespace SortLine.Service.Tests.Infrastructure;

/// <summary>An <see cref="ILogger"/> that keeps every entry: level, formatted message and the structured properties.</summary>
internal sealed class CapturingLogger : ILogger
{
    private readonly List<Entry> _entries = [];

    public IReadOnlyList<Entry> Entries
    {
        get
        {
            lock (_entries)
            {
                return [.. _entries];
            }
        }
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var properties = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (state is IEnumerable<KeyValuePair<string, object?>> pairs)
        {
            foreach (KeyValuePair<string, object?> pair in pairs)
            {
                properties[pair.Key] = pair.Value;
            }
        }

        lock (_entries)
        {
            _entries.Add(new Entry(logLevel, formatter(state, exception), properties));
        }
    }

    internal sealed record Entry(LogLevel Level, string Message, IReadOnlyDictionary<string, object?> Properties);
}
