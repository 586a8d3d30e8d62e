using System.Runtime.CompilerServices;
using SortLine.Sensors;
using SortLine.Sensors.Encoder;
using SortLine.Simulators.Drivers;

namespace SortLine.Simulators.Recording.Replay;

/// <summary>
/// The read loop of a replayer: walks the recording (<see cref="IReplayCursor{T}"/>) pass after pass, waits for each
/// sample's due time (<see cref="ReplayTimeline"/>, <see cref="TimerDelay"/>), rents a pooled sample (dropped and counted
/// when the pool is empty), stamps it and yields it; ends the stream at the end of the recording unless looping, and
/// turns damage into a <see cref="SensorFaultException"/> after the samples before it.
/// </summary>
/// <remarks>
/// <see cref="SampleStamp.Sequence"/> counts from 0 on every read, with gaps only for dropped samples;
/// <see cref="SampleStamp.Timestamp"/> is the replayer's clock at delivery. Steady-state replay allocates nothing per sample.
/// </remarks>
/// <typeparam name="T">The pooled sample type.</typeparam>
internal sealed class ReplayReadLoop<T> : IDisposable
    where T : PooledSample
{
    private readonly SensorConnection _connection;
    private readonly TimeProvider _time;
    private readonly ReplayOptions _options;
    private readonly SamplePool<T> _pool;
    private readonly IReplayCursor<T> _cursor;
    private readonly TimerDelay _delay;
    private readonly long _recordedFrequency;
    private readonly double _nominalPeriodSeconds;

    /// <summary>Creates the loop, which owns the replayer's connection (named after <paramref name="model"/>).</summary>
    /// <param name="cursor">The replayer: walks the recording (and is named when it is disposed).</param>
    /// <param name="model">The replayed sensor's model name.</param>
    /// <param name="time">The clock for pacing and timestamps.</param>
    /// <param name="options">Pacing, looping and encoder options.</param>
    /// <param name="pool">The sample buffers.</param>
    /// <param name="recordedFrequency">Ticks per second of the recorded timestamps, or 0 when there are none.</param>
    /// <param name="nominalPeriodSeconds">The sample period used without recorded timestamps.</param>
    public ReplayReadLoop(IReplayCursor<T> cursor, string model, TimeProvider time, ReplayOptions options, SamplePool<T> pool,
        long recordedFrequency, double nominalPeriodSeconds)
    {
        _cursor = cursor;
        _connection = new SensorConnection(cursor, model, "replayer");
        _time = time;
        _options = options;
        _pool = pool;
        _delay = new TimerDelay(time);
        _recordedFrequency = recordedFrequency;
        _nominalPeriodSeconds = nominalPeriodSeconds;
        Sequence = new SampleSequence(_connection);
    }

    /// <summary>Gets the replayer's connection.</summary>
    public SensorConnection Connection => _connection;

    /// <summary>Gets the sample numbering and drop count.</summary>
    public SampleSequence Sequence { get; }

    /// <summary>Closes the replayer for good (Disconnected) and releases the timer; true the first time only, when the
    /// caller closes the recording.</summary>
    public bool Close()
    {
        if (!_connection.Dispose())
        {
            return false;
        }

        _delay.Dispose();
        return true;
    }

    /// <inheritdoc/>
    public void Dispose() => Close();

    /// <summary>Streams the recording (see remarks).</summary>
    /// <exception cref="ObjectDisposedException">The replayer is disposed.</exception>
    /// <exception cref="InvalidOperationException">Not connected, or another read is running.</exception>
    /// <exception cref="SensorFaultException">The recording is damaged (<see cref="SensorFaultKind.DataError"/>).</exception>
    public async IAsyncEnumerable<T> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        _connection.BeginRead();
        var timeline = new ReplayTimeline(_time, _options, _recordedFrequency, _nominalPeriodSeconds);
        _delay.BeginRun(cancellationToken);
        try
        {
            Sequence.Restart();
            _cursor.Rewind();
            timeline.Start();
            while (true)
            {
                int index = 0;
                while (TryMoveNextOrFault(out long? recordedTimestamp, out EncoderPosition? recordedEncoder))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    long due = timeline.Due(index++, recordedTimestamp);
                    EncoderPosition encoder = timeline.Encoder(Sequence.Next, recordedEncoder);
                    if (timeline.IsPaced)
                    {
                        await _delay.DelayUntilAsync(due).ConfigureAwait(false);
                    }

                    if (!_pool.TryRent(out T sample))
                    {
                        Sequence.Drop(1);
                        continue;
                    }

                    FillOrFault(sample, new SampleStamp(Sequence.Take(), encoder, _time.GetTimestamp()));
                    yield return sample;
                }

                if (!_options.Loop || index == 0)
                {
                    _connection.Disconnect();
                    break;
                }

                timeline.EndPass();
                _cursor.Rewind();
            }
        }
        finally
        {
            _delay.EndRun();
            _connection.EndRead();
        }
    }

    private bool TryMoveNextOrFault(out long? recordedTimestamp, out EncoderPosition? recordedEncoder)
    {
        try
        {
            return _cursor.TryMoveNext(out recordedTimestamp, out recordedEncoder);
        }
        catch (RecordingFormatException ex)
        {
            throw _connection.DataFault(ex);
        }
    }

    private void FillOrFault(T sample, SampleStamp stamp)
    {
        try
        {
            _cursor.Fill(sample, stamp);
        }
        catch (RecordingFormatException ex)
        {
            sample.Dispose();
            throw _connection.DataFault(ex);
        }
    }
}
