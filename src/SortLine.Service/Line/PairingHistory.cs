using SortLine.Learning.Pairing;
using SortLine.Sensors;

namespace SortLine.Service.Line;

/// <summary>
/// The preprocessed SWIR lines that LIBS points are paired with (MSKD, methods brief §4), shared between the
/// classification stage (writer) and the learning worker (reader) under one lock.
/// </summary>
/// <remarks>Lines are only appended while <see cref="IsCollecting"/> is set, so sorting pays nothing once training data is complete.</remarks>
internal sealed class PairingHistory
{
    private readonly Lock _gate = new();
    private SwirLineHistory? _history;
    private volatile bool _collecting;

    /// <summary>Gets whether lines are being collected.</summary>
    public bool IsCollecting => _collecting;

    /// <summary>Starts collecting into a fresh history of <paramref name="capacity"/> lines.</summary>
    public void Start(int capacity, int pixels, int bands)
    {
        lock (_gate)
        {
            _history = new SwirLineHistory(capacity, pixels, bands);
            _collecting = true;
        }
    }

    /// <summary>Stops collecting and releases the history.</summary>
    public void Stop()
    {
        lock (_gate)
        {
            _collecting = false;
            _history = null;
        }
    }

    /// <summary>Appends a preprocessed line (ignored when not collecting or the shape differs).</summary>
    public void Append(ReadOnlySpan<float> features, SampleStamp stamp, ReadOnlySpan<bool> foreground)
    {
        lock (_gate)
        {
            if (_history is { } h && features.Length == h.Pixels * h.Bands)
            {
                h.Append(features, stamp, foreground);
            }
        }
    }

    /// <summary>Runs <paramref name="action"/> on the history under the lock; returns false when not collecting.</summary>
    public bool TryUse<TState>(TState state, Action<SwirLineHistory, TState> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        lock (_gate)
        {
            if (_history is null)
            {
                return false;
            }

            action(_history, state);
            return true;
        }
    }
}
