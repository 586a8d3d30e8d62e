using SortLine.Sensors;
using SortLine.Sensors.Encoder;
using SortLine.Sensors.Swir;
using SortLine.Simulators.Drivers;
using SortLine.Simulators.Recording.Envi;

namespace SortLine.Simulators.Recording.Replay;

/// <summary>
/// A SWIR camera that replays an ENVI file: a SortLine recording (with its recorded stamps) or any uint16 cube
/// (BSQ, BIL or BIP), one image line per push-broom line.
/// </summary>
/// <remarks>
/// <para><b>Stamps.</b> The replayer is a source in its own right: <see cref="SampleStamp.Sequence"/> is its running
/// line number from 0 (gaps only for lines it dropped), and <see cref="SampleStamp.Timestamp"/> is the injected
/// <see cref="TimeProvider"/>'s timestamp at delivery. The encoder position is the recorded one or synthetic
/// (<see cref="ReplayOptions.EncoderMode"/>); a file without stamps always gets synthetic positions.</para>
/// <para><b>Pacing</b> follows the recorded timestamps (or <see cref="SwirCameraInfo.LineRateHz"/> without them), see
/// <see cref="ReplayOptions.Pacing"/>. At the end of the recording the stream completes and <see cref="State"/> becomes
/// <see cref="SensorState.Disconnected"/>, unless <see cref="ReplayOptions.Loop"/> is set.</para>
/// <para><b>Damage.</b> Every line before the damage is delivered; then the stream throws
/// <see cref="SensorFaultException"/> with <see cref="SensorFaultKind.DataError"/>, whose message names the file and
/// byte offset (the inner <see cref="RecordingFormatException"/> carries them as properties), and the state becomes
/// <see cref="SensorState.Faulted"/>.</para>
/// <para>Lines come from a pool (<see cref="ReplayOptions.PoolCapacity"/>); the consumer disposes each. Steady-state
/// replay allocates nothing per line. One reader at a time. Only the belt view exists in a recording.</para>
/// </remarks>
public sealed class SwirRecordingReplayer : ISwirCamera, IReplayCursor<SwirLine>
{
    private readonly EnviSwirRecording _recording;
    private readonly ReplayReadLoop<SwirLine> _loop;
    private int _next;

    private SwirRecordingReplayer(EnviSwirRecording recording, ReplayOptions options, TimeProvider time)
    {
        SwirCameraInfo camera = recording.Camera;
        _recording = recording;
        _loop = new ReplayReadLoop<SwirLine>(this, camera.Model, time, options, SwirLine.CreatePool(options.PoolCapacity, camera.SpatialPixels, camera.Bands),
            recording.HasStamps ? recording.TimestampFrequency : 0, 1.0 / camera.LineRateHz);
    }

    /// <inheritdoc/>
    public SwirCameraInfo Info => _recording.Camera;

    /// <summary>Gets the recording being replayed.</summary>
    public EnviSwirRecording Recording => _recording;

    /// <inheritdoc/>
    public SensorState State => _loop.Connection.State;

    /// <inheritdoc/>
    public long DroppedLines => _loop.Sequence.Dropped;

    /// <summary>Opens a recording for replay.</summary>
    /// <param name="headerPath">The ENVI <c>.hdr</c> file.</param>
    /// <param name="options">Replay options (copied), or null for the defaults.</param>
    /// <param name="timeProvider">The clock for pacing and timestamps, or null for <see cref="TimeProvider.System"/>.</param>
    /// <param name="recordingOptions">Camera facts the header lacks (e.g. monotonic band centres for AVIRIS cubes), or null.</param>
    /// <exception cref="RecordingFormatException">The header is malformed or does not describe a uint16 SWIR camera.</exception>
    /// <exception cref="FileNotFoundException">The data file or stamps sidecar is missing.</exception>
    public static SwirRecordingReplayer Open(string headerPath, ReplayOptions? options = null, TimeProvider? timeProvider = null,
        EnviSwirRecordingOptions? recordingOptions = null)
    {
        EnviSwirRecording recording = EnviSwirRecording.Open(headerPath, recordingOptions);
        return new SwirRecordingReplayer(recording, options?.Clone() ?? new ReplayOptions(), timeProvider ?? TimeProvider.System);
    }

    /// <summary>Makes the replayer ready to stream (the file is already open).</summary>
    /// <exception cref="ObjectDisposedException">The replayer is disposed.</exception>
    public ValueTask ConnectAsync(CancellationToken cancellationToken) => _loop.Connection.ConnectAsync(cancellationToken);

    /// <summary>Accepts <see cref="CameraView.Belt"/>; a recording holds only the belt view.</summary>
    /// <exception cref="NotSupportedException">A calibration view was requested: a recording has no dark shutter or white tile.</exception>
    public ValueTask SelectViewAsync(CameraView view, CancellationToken cancellationToken)
    {
        if (view != CameraView.Belt)
        {
            throw new NotSupportedException($"A recording replays only the belt view; record {view} separately and replay that recording.");
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Streams the recording's lines (see remarks for stamps, pacing, end and damage).</summary>
    /// <exception cref="InvalidOperationException">Not connected, or another enumeration is running (thrown when enumeration starts).</exception>
    /// <exception cref="SensorFaultException">The recording is damaged; lines before the damage were delivered.</exception>
    public IAsyncEnumerable<SwirLine> ReadLinesAsync(CancellationToken cancellationToken) => _loop.ReadAsync(cancellationToken);

    /// <inheritdoc/>
    public ValueTask DisposeAsync()
    {
        if (_loop.Close())
        {
            _recording.Dispose();
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc/>
    void IReplayCursor<SwirLine>.Rewind() => _next = 0;

    /// <inheritdoc/>
    bool IReplayCursor<SwirLine>.TryMoveNext(out long? recordedTimestamp, out EncoderPosition? recordedEncoder)
    {
        recordedTimestamp = null;
        recordedEncoder = null;
        if (_next >= _recording.Lines)
        {
            return false;
        }

        if (_recording.HasStamps)
        {
            SampleStamp recorded = _recording.ReadStamp(_next);
            recordedTimestamp = recorded.Timestamp;
            recordedEncoder = recorded.Encoder;
        }

        _next++;
        return true;
    }

    /// <inheritdoc/>
    void IReplayCursor<SwirLine>.Fill(SwirLine sample, SampleStamp stamp)
    {
        _recording.ReadLine(_next - 1, sample.Data);
        sample.Stamp = stamp;
    }
}
