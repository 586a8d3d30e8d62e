using SortLine.Learning.Pairing;
using SortLine.Sensors;

namespace SortLine.Service.Line;

/// <summary>
/// The SWIR lines that LIBS points are paired with (MSKD, methods brief §4), shared between the classification stage
/// (writer) and the learning worker (reader) under one lock. Held raw with each line's preprocessing
/// (<see cref="SwirLineHistory.ForRawLines"/>): pairing preprocesses the few pixels it reads, so the classification stage
/// preprocesses only the particle pixels it classifies, and the ring takes half the memory of float spectra.
/// </summary>
/// <remarks>
/// <para>Lines are only appended while <see cref="IsCollecting"/> is set, so sorting pays nothing once training data is complete.</para>
/// <para><b>Sorting never waits for learning.</b> <see cref="Append"/> is called by the classification stage under its ordering
/// lock; it does not wait for the history's lock: a line that arrives while the learning side holds it (pairing a point,
/// writing the training buffer, or the teacher's bootstrap fit, which runs inside the session's point handling) is not
/// appended, and the caller counts it. Pairing then uses the nearest line still held.</para>
/// </remarks>
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
            _history = SwirLineHistory.ForRawLines(capacity, pixels, bands);
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

    /// <summary>Appends a raw line with its preprocessing (ignored when not collecting or the shape differs). Never waits.</summary>
    /// <returns>False when the line was skipped because the learning side holds the history; true otherwise.</returns>
    public bool Append(ReadOnlySpan<ushort> rawLine, SampleStamp stamp, ReadOnlySpan<bool> foreground, ISwirPixelPreprocessor preprocessing)
    {
        if (!_gate.TryEnter())
        {
            return false;
        }

        try
        {
            if (_history is { } h && rawLine.Length == h.Pixels * h.Bands && preprocessing.Pixels == h.Pixels && preprocessing.Bands == h.Bands)
            {
                h.AppendRaw(rawLine, stamp, preprocessing, foreground);
            }

            return true;
        }
        finally
        {
            _gate.Exit();
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
