using System.Runtime.CompilerServices;
using SortLine.Sensors;
using SortLine.Sensors.Encoder;
using SortLine.Sensors.Libs;
using SortLine.Simulators.Recording.Libs;

namespace SortLine.Simulators.Recording.Replay;

/// <summary>
/// A LIBS spectrometer that replays a SortLine LIBS recording.
/// </summary>
/// <remarks>
/// <para><b>Stamps.</b> <see cref="SampleStamp.Sequence"/> is the replayer's running point number from 0 (gaps only for
/// points it dropped); <see cref="SampleStamp.Timestamp"/> is the injected <see cref="TimeProvider"/>'s timestamp at
/// delivery; the encoder position is the recorded one or synthetic (<see cref="ReplayOptions.EncoderMode"/>). Scan
/// positions and spectra are delivered as recorded.</para>
/// <para><b>Pacing</b> follows the recorded timestamps (<see cref="ReplayOptions.Pacing"/>). At the end of the recording
/// the stream completes (state <see cref="SensorState.Disconnected"/>) unless <see cref="ReplayOptions.Loop"/> is set.</para>
/// <para><b>Damage.</b> Every point before a damaged record (bad length, CRC mismatch, cut short) is delivered; then the
/// stream throws <see cref="SensorFaultException"/> with <see cref="SensorFaultKind.DataError"/> naming the file and the
/// record's byte offset, and the state becomes <see cref="SensorState.Faulted"/>.</para>
/// <para>Points come from a pool; the consumer disposes each. Steady state allocates nothing per point. One reader at a time.</para>
/// </remarks>
public sealed class LibsRecordingReplayer : ILibsSpectrometer
{
    private readonly LibsRecordingReader _reader;
    private readonly ReplayOptions _options;
    private readonly TimeProvider _time;
    private readonly SamplePool<LibsPoint> _pool;
    private readonly ReplayPacer _pacer;
    private long _dropped;
    private int _state;
    private int _reading;
    private bool _disposed;

    private LibsRecordingReplayer(LibsRecordingReader reader, ReplayOptions options, TimeProvider time)
    {
        _reader = reader;
        _options = options;
        _time = time;
        _pool = LibsPoint.CreatePool(options.PoolCapacity, reader.Info.Channels);
        _pacer = new ReplayPacer(time);
    }

    /// <inheritdoc/>
    public LibsSpectrometerInfo Info => _reader.Info;

    /// <inheritdoc/>
    public SensorState State => (SensorState)Volatile.Read(ref _state);

    /// <inheritdoc/>
    public long DroppedPoints => Interlocked.Read(ref _dropped);

    /// <summary>Opens a LIBS recording for replay.</summary>
    /// <param name="path">The recording.</param>
    /// <param name="options">Replay options (copied), or null for the defaults.</param>
    /// <param name="timeProvider">The clock for pacing and timestamps, or null for <see cref="TimeProvider.System"/>.</param>
    /// <exception cref="RecordingFormatException">The file header is damaged.</exception>
    public static LibsRecordingReplayer Open(string path, ReplayOptions? options = null, TimeProvider? timeProvider = null) =>
        new(LibsRecordingReader.Open(path), options?.Clone() ?? new ReplayOptions(), timeProvider ?? TimeProvider.System);

    /// <summary>Makes the replayer ready to stream (the file is already open).</summary>
    /// <exception cref="ObjectDisposedException">The replayer is disposed.</exception>
    public ValueTask ConnectAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        cancellationToken.ThrowIfCancellationRequested();
        SetState(SensorState.Running);
        return ValueTask.CompletedTask;
    }

    /// <summary>Streams the recorded points (see remarks for stamps, pacing, end and damage).</summary>
    /// <exception cref="InvalidOperationException">Not connected, or another enumeration is running (thrown when enumeration starts).</exception>
    /// <exception cref="SensorFaultException">The recording is damaged; points before the damage were delivered.</exception>
    public IAsyncEnumerable<LibsPoint> ReadPointsAsync(CancellationToken cancellationToken) => Stream(cancellationToken);

    /// <inheritdoc/>
    public ValueTask DisposeAsync()
    {
        if (!_disposed)
        {
            _disposed = true;
            _pacer.Dispose();
            _reader.Dispose();
            SetState(SensorState.Disconnected);
        }

        return ValueTask.CompletedTask;
    }

    private async IAsyncEnumerable<LibsPoint> Stream([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (State is not (SensorState.Running or SensorState.Degraded))
        {
            throw new InvalidOperationException($"The replayer is {State}; call ConnectAsync first.");
        }

        if (Interlocked.Exchange(ref _reading, 1) == 1)
        {
            throw new InvalidOperationException("Another enumeration of this replayer is running; a spectrometer has one reader.");
        }

        var timeline = new ReplayTimeline(_time, _options, _reader.TimestampFrequency, 1.0 / Info.MaxPointRateHz);
        _pacer.BeginRun(cancellationToken);
        try
        {
            _reader.Rewind();
            timeline.Start();
            long sequence = 0;
            while (true)
            {
                int index = 0;
                while (TryReadOrFault(out LibsRecordHeader record))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    long due = timeline.Due(index++, record.Stamp.Timestamp);
                    EncoderPosition encoder = timeline.Encoder(sequence, record.Stamp.Encoder);
                    if (timeline.IsPaced)
                    {
                        while (true)
                        {
                            ValueTask wait = _pacer.DelayUntilAsync(due);
                            if (wait.IsCompletedSuccessfully)
                            {
                                break;
                            }

                            await wait.ConfigureAwait(false);
                        }
                    }

                    if (!_pool.TryRent(out LibsPoint point))
                    {
                        Interlocked.Increment(ref _dropped);
                        SetState(SensorState.Degraded);
                        sequence++;
                        continue;
                    }

                    _reader.CopySpectrumTo(point.Spectrum);
                    point.ScanXMm = record.ScanXMm;
                    point.ScanYMm = record.ScanYMm;
                    point.Stamp = new SampleStamp(sequence++, encoder, _time.GetTimestamp());
                    yield return point;
                }

                if (!_options.Loop || index == 0)
                {
                    SetState(SensorState.Disconnected);
                    break;
                }

                timeline.EndPass();
                _reader.Rewind();
            }
        }
        finally
        {
            _pacer.EndRun();
            Volatile.Write(ref _reading, 0);
        }
    }

    private bool TryReadOrFault(out LibsRecordHeader record)
    {
        try
        {
            return _reader.TryReadNext(out record);
        }
        catch (RecordingFormatException ex)
        {
            SetState(SensorState.Faulted);
            throw new SensorFaultException(Info.Model, SensorFaultKind.DataError, "Replay stopped at damaged data: " + ex.Message, ex);
        }
    }

    private void SetState(SensorState state) => Volatile.Write(ref _state, (int)state);
}
