using SortLine.Sensors.Encoder;
using SortLine.Simulators.Encoder;
using SortLine.Simulators.Swir;

namespace SortLine.Simulators.Drivers;

/// <summary>
/// When a simulated sensor's samples are due and what they are stamped with: in real time, slot n of a read is due at
/// start + n / rate on the <see cref="TimeProvider"/> and stamped with that time and the encoder position then; in
/// burst mode a slot is due at once, stamped with the current time, and a stepped <see cref="SimulatedBeltEncoder"/>
/// is advanced by one sample period per slot.
/// </summary>
/// <remarks>One reader at a time (the sensor's read loop). Waiting allocates nothing (<see cref="TimerDelay"/>).</remarks>
internal sealed class PacingClock : IDisposable
{
    private readonly TimeProvider _time;
    private readonly IBeltEncoder _encoder;
    private readonly SimulatedBeltEncoder? _simulatedEncoder;
    private readonly TimerDelay _delay;
    private readonly double _periodSeconds;
    private readonly double _ticksPerSample;
    private readonly bool _advanceSteppedEncoder;
    private long _start;
    private long _slot;

    /// <summary>Creates the clock.</summary>
    /// <param name="time">The clock for pacing and timestamps.</param>
    /// <param name="rateHz">Samples per second.</param>
    /// <param name="pacing">Real time or burst.</param>
    /// <param name="encoder">The encoder that stamps the samples.</param>
    /// <param name="advanceSteppedEncoder">In burst mode, whether to advance a stepped simulated encoder one period per slot.</param>
    public PacingClock(TimeProvider time, double rateHz, SensorPacing pacing, IBeltEncoder encoder, bool advanceSteppedEncoder)
    {
        _time = time;
        _encoder = encoder;
        _simulatedEncoder = encoder as SimulatedBeltEncoder;
        _delay = new TimerDelay(time);
        _periodSeconds = 1 / rateHz;
        _ticksPerSample = time.TimestampFrequency / rateHz;
        IsRealTime = pacing == SensorPacing.RealTime;
        _advanceSteppedEncoder = advanceSteppedEncoder;
    }

    /// <summary>Gets whether samples are paced in real time (else burst).</summary>
    public bool IsRealTime { get; }

    /// <summary>Starts a read: slot 0 is due now. Cancelling <paramref name="cancellationToken"/> ends a pending wait.</summary>
    public void Start(CancellationToken cancellationToken)
    {
        _start = _time.GetTimestamp();
        _slot = 0;
        _delay.BeginRun(cancellationToken);
    }

    /// <summary>Ends the read.</summary>
    public void Stop() => _delay.EndRun();

    /// <summary>
    /// How the next slot stands. Real time: when it is not due yet, <paramref name="wait"/> completes when it is and the
    /// result is 0; when it is already due, the result is the number of due slots beyond <paramref name="freeBuffers"/>
    /// (the reader is late: a frame grabber drops those, oldest first), or 0. Burst: always 0, nothing to wait for.
    /// </summary>
    /// <param name="freeBuffers">Sample buffers free in the sensor's pool.</param>
    /// <param name="wait">Completes when the slot is due.</param>
    /// <returns>Slots to drop before this one (then call <see cref="Skip"/> and ask again).</returns>
    public long Poll(int freeBuffers, out ValueTask wait)
    {
        wait = default;
        if (!IsRealTime)
        {
            return 0;
        }

        long due = Due(_slot);
        long now = _time.GetTimestamp();
        if (now < due)
        {
            wait = _delay.DelayUntilAsync(due);
            return 0;
        }

        long latest = (long)Math.Floor((now - _start) / _ticksPerSample);
        return Math.Max(0, latest - _slot + 1 - freeBuffers);
    }

    /// <summary>Passes over <paramref name="count"/> slots (dropped by the sensor).</summary>
    public void Skip(long count) => _slot += count;

    /// <summary>Takes the next slot: its timestamp (its due time in real time; now in burst mode, after advancing a
    /// stepped encoder one period from the second slot on).</summary>
    public long Take()
    {
        long timestamp;
        if (IsRealTime)
        {
            timestamp = Due(_slot);
        }
        else
        {
            if (_slot > 0 && _advanceSteppedEncoder && _simulatedEncoder is { IsStepped: true })
            {
                _simulatedEncoder.AdvanceBySeconds(_periodSeconds);
            }

            timestamp = _time.GetTimestamp();
        }

        _slot++;
        return timestamp;
    }

    /// <summary>The encoder position to stamp a sample taken at <paramref name="timestamp"/> with: exact at that time for
    /// a timed simulated encoder in real time, else the encoder's reading now.</summary>
    public EncoderPosition PositionAt(long timestamp) =>
        IsRealTime && _simulatedEncoder is { IsStepped: false } ? _simulatedEncoder.PositionAt(timestamp) : _encoder.Read();

    /// <inheritdoc/>
    public void Dispose() => _delay.Dispose();

    private long Due(long slot) => _start + (long)Math.Round(slot * _ticksPerSample);
}
