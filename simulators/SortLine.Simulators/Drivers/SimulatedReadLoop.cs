using System.Runtime.CompilerServices;
using SortLine.Sensors;

namespace SortLine.Simulators.Drivers;

/// <summary>
/// The read loop of a simulated sensor: paced slots (<see cref="PacingClock"/>), simulated drops and disconnects,
/// samples rented from a pool and filled by the sensor (<see cref="ISimulatedSampleSource{T}"/>), numbered by a
/// <see cref="SampleSequence"/> with gaps for every dropped slot.
/// </summary>
/// <remarks>
/// A real-time reader that is late receives the due samples at once while pool buffers are free; slots beyond the free
/// buffers are dropped oldest first. In burst mode a sample is made whenever the reader asks; when the pool is empty
/// the slot is dropped and the loop yields. Steady-state reading allocates nothing per sample (burst mode, and real time
/// through the reusable <see cref="TimerDelay"/>).
/// </remarks>
/// <typeparam name="T">The pooled sample type.</typeparam>
internal sealed class SimulatedReadLoop<T>
    where T : PooledSample
{
    private readonly SensorConnection _connection;
    private readonly PacingClock _clock;
    private readonly SamplePool<T> _pool;
    private readonly ISimulatedSampleSource<T> _source;
    private readonly long? _disconnectAfter;
    private readonly long? _stallAfter;
    private readonly string _samplesNoun;

    /// <summary>Creates the loop, which owns the connection and the clock.</summary>
    /// <param name="source">The sensor: drops and fills samples.</param>
    /// <param name="connection">The sensor's connection.</param>
    /// <param name="clock">The sensor's pacing.</param>
    /// <param name="pool">The sample buffers.</param>
    /// <param name="disconnectAfter">Samples after which the simulated link drops, or null.</param>
    /// <param name="samplesNoun">What the samples are called in messages ("lines").</param>
    /// <param name="stallAfter">Samples after which the simulated device stops delivering without closing the link, or null.</param>
    public SimulatedReadLoop(ISimulatedSampleSource<T> source, SensorConnection connection, PacingClock clock, SamplePool<T> pool,
        long? disconnectAfter, string samplesNoun, long? stallAfter = null)
    {
        _stallAfter = stallAfter;
        _source = source;
        _connection = connection;
        _clock = clock;
        _pool = pool;
        _disconnectAfter = disconnectAfter;
        _samplesNoun = samplesNoun;
        Sequence = new SampleSequence(connection);
    }

    /// <summary>Gets the sensor's connection.</summary>
    public SensorConnection Connection => _connection;

    /// <summary>Gets the sample numbering and drop count.</summary>
    public SampleSequence Sequence { get; }

    /// <summary>Closes the sensor for good (Disconnected) and releases the clock's timer; idempotent.</summary>
    public ValueTask CloseAsync()
    {
        if (_connection.Dispose())
        {
            _clock.Dispose();
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Streams samples until cancelled or the sensor stops (see remarks).</summary>
    /// <exception cref="ObjectDisposedException">The sensor is disposed.</exception>
    /// <exception cref="InvalidOperationException">Not connected, or another read is running.</exception>
    /// <exception cref="SensorFaultException">The sensor stopped streaming, or its simulated link dropped.</exception>
    /// <exception cref="OperationCanceledException">The token is cancelled (also the only way out of a simulated stall).</exception>
    public async IAsyncEnumerable<T> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        _connection.BeginRead();
        _clock.Start(cancellationToken);
        try
        {
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                _connection.ThrowIfNotStreaming();
                _connection.ThrowIfDisconnectDue(_disconnectAfter, _samplesNoun);
                if (_stallAfter is long stall && _connection.SamplesSinceConnect >= stall)
                {
                    // A hung device: the link stays up (the state stays Running) but nothing more arrives until the
                    // reader gives up (its read timeout cancels) and reconnects, which restarts the count.
                    await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken).ConfigureAwait(false);
                }

                long late = _clock.Poll(_pool.Available, out ValueTask wait);
                if (!wait.IsCompleted)
                {
                    await wait.ConfigureAwait(false);
                }
                else if (late > 0)
                {
                    Sequence.Drop(late);
                    _clock.Skip(late);
                    continue;
                }

                long timestamp = _clock.Take();
                long sequence = Sequence.Next;
                if (_source.IsDropped(sequence))
                {
                    Sequence.Drop(1);
                    continue;
                }

                if (!_pool.TryRent(out T sample))
                {
                    Sequence.Drop(1);
                    if (!_clock.IsRealTime)
                    {
                        await Task.Yield();
                    }

                    continue;
                }

                Sequence.Take();
                _source.Fill(sequence, _clock.PositionAt(timestamp), timestamp, sample);
                _connection.CountSample();
                yield return sample;
            }
        }
        finally
        {
            _clock.Stop();
            _connection.EndRead();
        }
    }
}
