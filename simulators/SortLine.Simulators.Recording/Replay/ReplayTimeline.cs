using SortLine.Sensors.Encoder;

namespace SortLine.Simulators.Recording.Replay;

/// <summary>
/// When each replayed sample is due and which encoder position it carries, across loop passes.
/// </summary>
/// <remarks>
/// Sample k of a pass is due (t_k − t_first)/f seconds after the pass started (recorded timestamps t at frequency f),
/// or k × nominal period without timestamps, divided by the speed factor. The next pass starts one mean sample
/// interval after the previous pass's last sample. Recorded encoder counts are shifted on each pass by the pass's
/// span plus one mean step, so positions keep increasing.
/// </remarks>
internal sealed class ReplayTimeline
{
    private readonly TimeProvider _time;
    private readonly ReplayOptions _options;
    private readonly long _recordedFrequency;
    private readonly double _nominalPeriod;
    private long _start;
    private double _passStartSeconds;
    private double _lastSecondsInPass;
    private long? _firstTimestamp;
    private long _passEncoderOffset;
    private long? _firstEncoder;
    private long _lastEncoder;
    private int _countInPass;

    /// <param name="time">The replayer's clock.</param>
    /// <param name="options">Pacing and encoder options.</param>
    /// <param name="recordedFrequency">Ticks per second of recorded timestamps, or 0 when there are none.</param>
    /// <param name="nominalPeriodSeconds">Sample period used without timestamps and between passes of a single sample.</param>
    public ReplayTimeline(TimeProvider time, ReplayOptions options, long recordedFrequency, double nominalPeriodSeconds)
    {
        _time = time;
        _options = options;
        _recordedFrequency = recordedFrequency;
        _nominalPeriod = nominalPeriodSeconds;
    }

    public bool IsPaced => _options.Pacing != ReplayPacing.AsFastAsPossible;

    public void Start()
    {
        _start = _time.GetTimestamp();
        _passStartSeconds = 0;
        _passEncoderOffset = 0;
        ResetPass();
    }

    /// <summary>The provider timestamp at which sample <paramref name="indexInPass"/> is due.</summary>
    public long Due(int indexInPass, long? recordedTimestamp)
    {
        double seconds;
        if (recordedTimestamp is long ts && _recordedFrequency > 0)
        {
            _firstTimestamp ??= ts;
            seconds = (ts - _firstTimestamp.Value) / (double)_recordedFrequency;
        }
        else
        {
            seconds = indexInPass * _nominalPeriod;
        }

        _lastSecondsInPass = seconds;
        _countInPass = indexInPass + 1;
        double speed = _options.Pacing == ReplayPacing.Accelerated ? _options.SpeedFactor : 1.0;
        return _start + (long)Math.Round((_passStartSeconds + seconds) / speed * _time.TimestampFrequency);
    }

    /// <summary>The encoder position of the <paramref name="sampleNumber"/>-th sample (from 0, over all passes).</summary>
    public EncoderPosition Encoder(long sampleNumber, EncoderPosition? recorded)
    {
        if (_options.EncoderMode == ReplayEncoderMode.Recorded && recorded is EncoderPosition r)
        {
            _firstEncoder ??= r.Counts;
            _lastEncoder = r.Counts;
            return new EncoderPosition(r.Counts + _passEncoderOffset);
        }

        return new EncoderPosition(_options.EncoderOrigin + (sampleNumber * _options.CountsPerSample));
    }

    /// <summary>Moves the schedule and the encoder offset past the pass that just ended.</summary>
    public void EndPass()
    {
        double step = _countInPass > 1 ? _lastSecondsInPass / (_countInPass - 1) : _nominalPeriod;
        _passStartSeconds += _lastSecondsInPass + (step > 0 ? step : _nominalPeriod);
        if (_firstEncoder is long first)
        {
            long span = _lastEncoder - first;
            long encoderStep = _countInPass > 1 ? (long)Math.Round(span / (double)(_countInPass - 1)) : 0;
            _passEncoderOffset += span + (encoderStep > 0 ? encoderStep : _options.CountsPerSample);
        }

        ResetPass();
    }

    private void ResetPass()
    {
        _firstTimestamp = null;
        _firstEncoder = null;
        _lastSecondsInPass = 0;
        _countInPass = 0;
    }
}
