using SortLine.Sensors.Encoder;

namespace SortLine.Pipeline.Scheduling;

/// <summary>
/// The live clock: the position is read from the belt encoder, the speed is the encoder rate measured over at
/// least <see cref="MinimumInterval"/> between reads (the nominal rate until the first measurement).
/// </summary>
/// <remarks>Thread-safe. The rate is the plain difference quotient of the last two measurements; the encoder's own
/// filtering (if any) applies.</remarks>
public sealed class EncoderBeltClock : IBeltClock
{
    private readonly IBeltEncoder _encoder;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private EncoderPosition _lastPosition;
    private long _lastTimestamp;
    private double _countsPerSecond;
    private bool _hasSample;

    /// <summary>Creates the clock.</summary>
    /// <param name="encoder">The belt encoder.</param>
    /// <param name="time">The time source.</param>
    /// <param name="nominalCountsPerSecond">The rate to assume before the first measurement (finite, ≥ 0).</param>
    /// <exception cref="ArgumentNullException"><paramref name="encoder"/> or <paramref name="time"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="nominalCountsPerSecond"/> is negative or not finite.</exception>
    public EncoderBeltClock(IBeltEncoder encoder, TimeProvider time, double nominalCountsPerSecond)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        ArgumentNullException.ThrowIfNull(time);
        if (!(nominalCountsPerSecond >= 0 && double.IsFinite(nominalCountsPerSecond)))
        {
            throw new ArgumentOutOfRangeException(nameof(nominalCountsPerSecond), nominalCountsPerSecond, "The encoder rate must be finite and non-negative.");
        }

        _encoder = encoder;
        _time = time;
        _countsPerSecond = nominalCountsPerSecond;
    }

    /// <summary>Gets the shortest interval over which the rate is measured (10 ms).</summary>
    public static TimeSpan MinimumInterval { get; } = TimeSpan.FromMilliseconds(10);

    /// <inheritdoc/>
    public bool IsRealTime => true;

    /// <inheritdoc/>
    public BeltState Read(EncoderPosition dataPosition)
    {
        lock (_gate)
        {
            EncoderPosition position = _encoder.Read();
            long timestamp = _time.GetTimestamp();
            if (!_hasSample)
            {
                (_lastPosition, _lastTimestamp, _hasSample) = (position, timestamp, true);
            }
            else
            {
                TimeSpan elapsed = _time.GetElapsedTime(_lastTimestamp, timestamp);
                if (elapsed >= MinimumInterval)
                {
                    _countsPerSecond = Math.Max(0, (position - _lastPosition) / elapsed.TotalSeconds);
                    (_lastPosition, _lastTimestamp) = (position, timestamp);
                }
            }

            return new BeltState(position, _countsPerSecond);
        }
    }
}
