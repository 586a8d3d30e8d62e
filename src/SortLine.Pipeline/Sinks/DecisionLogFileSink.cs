using System.Text;
using SortLine.Pipeline.Scheduling;

namespace SortLine.Pipeline.Sinks;

/// <summary>
/// Writes the decision log (<see cref="DecisionLogFormat"/>) to a stream or file: one line per command, so a replay can
/// be compared byte for byte.
/// </summary>
/// <remarks>The header is written with the first command, or at completion if there was none. Not thread-safe (the fan-out
/// calls a sink sequentially).</remarks>
public sealed class DecisionLogFileSink : IDecisionSink, IAsyncDisposable
{
    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly byte[] _line = new byte[DecisionLogFormat.MaxLineBytes];
    private bool _headerWritten;

    /// <summary>Creates a sink over a writable stream.</summary>
    /// <param name="stream">The stream (writable).</param>
    /// <param name="leaveOpen">Whether <see cref="DisposeAsync"/> leaves the stream open.</param>
    /// <param name="name">The sink name (metrics <c>stage</c> label).</param>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
    /// <exception cref="ArgumentException">The stream is not writable, or <paramref name="name"/> is empty.</exception>
    public DecisionLogFileSink(Stream stream, bool leaveOpen = false, string name = "sink_decision_log")
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!stream.CanWrite)
        {
            throw new ArgumentException("The decision log stream must be writable.", nameof(stream));
        }

        _stream = stream;
        _leaveOpen = leaveOpen;
        Name = name;
    }

    /// <inheritdoc/>
    public string Name { get; }

    /// <summary>Creates (or truncates) a decision log file.</summary>
    /// <param name="path">The file path.</param>
    /// <returns>The sink, owning the file.</returns>
    /// <exception cref="IOException">The file cannot be created.</exception>
    public static DecisionLogFileSink Create(string path)
    {
        var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, bufferSize: 64 * 1024, useAsync: true);
        return new DecisionLogFileSink(stream);
    }

    /// <inheritdoc/>
    public async ValueTask WriteAsync(EjectionCommand command, CancellationToken cancellationToken)
    {
        await WriteHeaderAsync(cancellationToken).ConfigureAwait(false);
        DecisionLogFormat.TryFormat(command, _line, out int written);
        await _stream.WriteAsync(_line.AsMemory(0, written), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async ValueTask CompleteAsync(CancellationToken cancellationToken)
    {
        await WriteHeaderAsync(cancellationToken).ConfigureAwait(false);
        await _stream.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (!_leaveOpen)
        {
            await _stream.DisposeAsync().ConfigureAwait(false);
        }
    }

    private ValueTask WriteHeaderAsync(CancellationToken cancellationToken)
    {
        if (_headerWritten)
        {
            return ValueTask.CompletedTask;
        }

        _headerWritten = true;
        return _stream.WriteAsync(Encoding.UTF8.GetBytes(DecisionLogFormat.Header + "\n"), cancellationToken);
    }
}
