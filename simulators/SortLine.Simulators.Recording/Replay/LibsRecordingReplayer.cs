using SortLine.Sensors;
using SortLine.Sensors.Encoder;
using SortLine.Sensors.Libs;
using SortLine.Simulators.Drivers;
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
public sealed class LibsRecordingReplayer : ILibsSpectrometer, IReplayCursor<LibsPoint>
{
    private readonly LibsRecordingReader _reader;
    private readonly ReplayReadLoop<LibsPoint> _loop;
    private LibsRecordHeader _current;

    private LibsRecordingReplayer(LibsRecordingReader reader, ReplayOptions options, TimeProvider time)
    {
        LibsSpectrometerInfo info = reader.Info;
        _reader = reader;
        _loop = new ReplayReadLoop<LibsPoint>(this, info.Model, time, options, LibsPoint.CreatePool(options.PoolCapacity, info.Channels),
            reader.TimestampFrequency, 1.0 / info.MaxPointRateHz);
    }

    /// <inheritdoc/>
    public LibsSpectrometerInfo Info => _reader.Info;

    /// <inheritdoc/>
    public SensorState State => _loop.Connection.State;

    /// <inheritdoc/>
    public long DroppedPoints => _loop.Sequence.Dropped;

    /// <summary>Opens a LIBS recording for replay.</summary>
    /// <param name="path">The recording.</param>
    /// <param name="options">Replay options (copied), or null for the defaults.</param>
    /// <param name="timeProvider">The clock for pacing and timestamps, or null for <see cref="TimeProvider.System"/>.</param>
    /// <exception cref="RecordingFormatException">The file header is damaged.</exception>
    public static LibsRecordingReplayer Open(string path, ReplayOptions? options = null, TimeProvider? timeProvider = null) =>
        new(LibsRecordingReader.Open(path), options?.Clone() ?? new ReplayOptions(), timeProvider ?? TimeProvider.System);

    /// <summary>Makes the replayer ready to stream (the file is already open).</summary>
    /// <exception cref="ObjectDisposedException">The replayer is disposed.</exception>
    public ValueTask ConnectAsync(CancellationToken cancellationToken) => _loop.Connection.ConnectAsync(cancellationToken);

    /// <summary>Streams the recorded points (see remarks for stamps, pacing, end and damage).</summary>
    /// <exception cref="InvalidOperationException">Not connected, or another enumeration is running (thrown when enumeration starts).</exception>
    /// <exception cref="SensorFaultException">The recording is damaged; points before the damage were delivered.</exception>
    public IAsyncEnumerable<LibsPoint> ReadPointsAsync(CancellationToken cancellationToken) => _loop.ReadAsync(cancellationToken);

    /// <inheritdoc/>
    public ValueTask DisposeAsync()
    {
        if (_loop.Close())
        {
            _reader.Dispose();
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc/>
    void IReplayCursor<LibsPoint>.Rewind() => _reader.Rewind();

    /// <inheritdoc/>
    bool IReplayCursor<LibsPoint>.TryMoveNext(out long? recordedTimestamp, out EncoderPosition? recordedEncoder)
    {
        bool found = _reader.TryReadNext(out _current);
        recordedTimestamp = found ? _current.Stamp.Timestamp : null;
        recordedEncoder = found ? _current.Stamp.Encoder : null;
        return found;
    }

    /// <inheritdoc/>
    void IReplayCursor<LibsPoint>.Fill(LibsPoint sample, SampleStamp stamp)
    {
        _reader.CopySpectrumTo(sample.Spectrum);
        sample.ScanXMm = _current.ScanXMm;
        sample.ScanYMm = _current.ScanYMm;
        sample.Stamp = stamp;
    }
}
