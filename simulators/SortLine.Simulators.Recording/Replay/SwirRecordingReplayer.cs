using System.Runtime.CompilerServices;
using SortLine.Sensors;
using SortLine.Sensors.Encoder;
using SortLine.Sensors.Swir;
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
public sealed class SwirRecordingReplayer : ISwirCamera
{
    private readonly EnviSwirRecording _recording;
    private readonly ReplayOptions _options;
    private readonly TimeProvider _time;
    private readonly SamplePool<SwirLine> _pool;
    private readonly ReplayPacer _pacer;
    private long _dropped;
    private int _state;
    private int _reading;
    private bool _disposed;

    private SwirRecordingReplayer(EnviSwirRecording recording, ReplayOptions options, TimeProvider time)
    {
        _recording = recording;
        _options = options;
        _time = time;
        _pool = SwirLine.CreatePool(options.PoolCapacity, recording.Camera.SpatialPixels, recording.Camera.Bands);
        _pacer = new ReplayPacer(time);
    }

    /// <inheritdoc/>
    public SwirCameraInfo Info => _recording.Camera;

    /// <summary>Gets the recording being replayed.</summary>
    public EnviSwirRecording Recording => _recording;

    /// <inheritdoc/>
    public SensorState State => (SensorState)Volatile.Read(ref _state);

    /// <inheritdoc/>
    public long DroppedLines => Interlocked.Read(ref _dropped);

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
    public ValueTask ConnectAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        cancellationToken.ThrowIfCancellationRequested();
        SetState(SensorState.Running);
        return ValueTask.CompletedTask;
    }

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
    public IAsyncEnumerable<SwirLine> ReadLinesAsync(CancellationToken cancellationToken) => Stream(cancellationToken);

    /// <inheritdoc/>
    public ValueTask DisposeAsync()
    {
        if (!_disposed)
        {
            _disposed = true;
            _pacer.Dispose();
            _recording.Dispose();
            SetState(SensorState.Disconnected);
        }

        return ValueTask.CompletedTask;
    }

    private async IAsyncEnumerable<SwirLine> Stream([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (State is not (SensorState.Running or SensorState.Degraded))
        {
            throw new InvalidOperationException($"The replayer is {State}; call ConnectAsync first.");
        }

        if (Interlocked.Exchange(ref _reading, 1) == 1)
        {
            throw new InvalidOperationException("Another enumeration of this replayer is running; a camera has one reader.");
        }

        var timeline = new ReplayTimeline(_time, _options, _recording.HasStamps ? _recording.TimestampFrequency : 0, 1.0 / Info.LineRateHz);
        _pacer.BeginRun(cancellationToken);
        try
        {
            timeline.Start();
            long sequence = 0;
            int lines = _recording.Lines;
            while (lines > 0)
            {
                for (int i = 0; i < lines; i++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    SampleStamp? recorded = _recording.HasStamps ? ReadStampOrFault(i) : null;
                    long due = timeline.Due(i, recorded?.Timestamp);
                    EncoderPosition encoder = timeline.Encoder(sequence, recorded?.Encoder);
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

                    if (!_pool.TryRent(out SwirLine line))
                    {
                        Interlocked.Increment(ref _dropped);
                        SetState(SensorState.Degraded);
                        sequence++;
                        continue;
                    }

                    ReadLineOrFault(i, line);
                    line.Stamp = new SampleStamp(sequence++, encoder, _time.GetTimestamp());
                    yield return line;
                }

                if (!_options.Loop)
                {
                    SetState(SensorState.Disconnected);
                    break;
                }

                timeline.EndPass();
            }
        }
        finally
        {
            _pacer.EndRun();
            Volatile.Write(ref _reading, 0);
        }
    }

    private SampleStamp ReadStampOrFault(int line)
    {
        try
        {
            return _recording.ReadStamp(line);
        }
        catch (RecordingFormatException ex)
        {
            throw Fault(ex);
        }
    }

    private void ReadLineOrFault(int index, SwirLine line)
    {
        try
        {
            _recording.ReadLine(index, line.Data);
        }
        catch (RecordingFormatException ex)
        {
            line.Dispose();
            throw Fault(ex);
        }
    }

    private SensorFaultException Fault(RecordingFormatException ex)
    {
        SetState(SensorState.Faulted);
        return new SensorFaultException(Info.Model, SensorFaultKind.DataError, "Replay stopped at damaged data: " + ex.Message, ex);
    }

    private void SetState(SensorState state) => Volatile.Write(ref _state, (int)state);
}
