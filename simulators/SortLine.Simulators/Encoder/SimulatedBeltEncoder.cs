using System.Runtime.CompilerServices;
using SortLine.Sensors.Encoder;
using SortLine.Simulators.Drivers;

namespace SortLine.Simulators.Encoder;

/// <summary>
/// A simulated belt encoder. <b>Timed</b> mode: the count follows belt speed × elapsed time × counts per metre on
/// an injected <see cref="TimeProvider"/> (a fake provider in tests). <b>Stepped</b> mode: the count only moves when
/// told to (<see cref="Advance"/>, <see cref="AdvanceBy"/>), for tests and for burst-mode sensors, which advance the
/// belt by one sample period per sample so positions stay consistent while running faster than real time.
/// </summary>
/// <remarks>Thread-safe; <see cref="Read"/> is allocation-free. Counts never decrease (speed ≥ 0); counts are
/// whole pulses (the exact belt travel is floored). <see cref="ReadPositionsAsync"/> streams a timed encoder's counts
/// latched on its clock; each stream has its own reusable timer, so several consumers may stream at once.</remarks>
public sealed class SimulatedBeltEncoder : IBeltEncoder
{
    private readonly Lock _gate = new();
    private readonly TimeProvider? _time;
    private double _baseCounts;
    private long _baseTimestamp;
    private double _speed;

    private SimulatedBeltEncoder(SimulatedEncoderOptions options, TimeProvider? timeProvider, bool isTimed)
    {
        System.Diagnostics.Debug.Assert(isTimed == timeProvider is not null, "A timed encoder has a clock.");
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Scale = new EncoderScale(options.CountsPerMetre);
        _speed = options.BeltSpeedMetresPerSecond;
        _baseCounts = options.StartCounts;
        _time = timeProvider;
        _baseTimestamp = timeProvider?.GetTimestamp() ?? 0;
    }

    /// <summary>Creates a timed encoder: the belt runs from now at the configured speed on <paramref name="timeProvider"/>.</summary>
    /// <param name="options">The settings.</param>
    /// <param name="timeProvider">The clock (the system clock, or a fake one in tests).</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public SimulatedBeltEncoder(SimulatedEncoderOptions options, TimeProvider timeProvider)
        : this(options, timeProvider ?? throw new ArgumentNullException(nameof(timeProvider)), isTimed: true)
    {
    }

    /// <summary>Creates a stepped encoder that only moves when advanced.</summary>
    /// <param name="options">The settings (the speed is used by <see cref="AdvanceBy"/>).</param>
    /// <returns>The encoder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public static SimulatedBeltEncoder CreateStepped(SimulatedEncoderOptions options) => new(options, null, isTimed: false);

    /// <inheritdoc/>
    public EncoderScale Scale { get; }

    /// <summary>Gets whether the encoder is stepped (moves only when advanced) rather than timed.</summary>
    public bool IsStepped => _time is null;

    /// <summary>Gets the current belt speed in m/s.</summary>
    public double BeltSpeedMetresPerSecond
    {
        get
        {
            lock (_gate)
            {
                return _speed;
            }
        }
    }

    /// <inheritdoc/>
    public EncoderPosition Read()
    {
        lock (_gate)
        {
            return new EncoderPosition((long)Math.Floor(ExactCountsAt(_time?.GetTimestamp() ?? 0)));
        }
    }

    /// <summary>
    /// The position at a past or present timestamp of the encoder's clock (timed mode); a stepped encoder returns
    /// its current position. Used by simulated sensors to stamp samples with their acquisition time.
    /// </summary>
    /// <param name="timestamp">A timestamp of the encoder's <see cref="TimeProvider"/>, not before the last speed change.</param>
    /// <returns>The position.</returns>
    public EncoderPosition PositionAt(long timestamp)
    {
        lock (_gate)
        {
            return new EncoderPosition((long)Math.Floor(ExactCountsAt(_time is null ? 0 : Math.Max(timestamp, _baseTimestamp))));
        }
    }

    /// <inheritdoc/>
    /// <remarks>Sample <em>k</em> carries <see cref="PositionAt"/> its latch time, so the counts are exact even when the
    /// consumer reads late; a speed change takes effect when it is made, so a sample latched before a change but read
    /// after it carries the position at the change. Steady state allocates nothing per sample: one
    /// <see cref="TimerDelay"/> (a reusable timer) per stream, and samples are values.</remarks>
    public IAsyncEnumerable<EncoderSample> ReadPositionsAsync(TimeSpan period, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(period, TimeSpan.Zero);
        if (_time is null)
        {
            throw new InvalidOperationException("A stepped encoder moves only when advanced and has no clock to sample on; stream a timed encoder.");
        }

        return StreamPositionsAsync(_time, period, cancellationToken);
    }

    private async IAsyncEnumerable<EncoderSample> StreamPositionsAsync(TimeProvider time, TimeSpan period,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var delay = new TimerDelay(time);
        delay.BeginRun(cancellationToken);
        long start = time.GetTimestamp();

        // Latch times are computed from the start (not by adding a rounded period each time), so they do not drift.
        double periodTimestampTicks = period.Ticks * (double)time.TimestampFrequency / TimeSpan.TicksPerSecond;
        long previous = start;
        for (long k = 1; ; k++)
        {
            cancellationToken.ThrowIfCancellationRequested();

            // A period shorter than one tick of a coarse clock would repeat a timestamp: keep them strictly increasing.
            long due = Math.Max(start + (long)Math.Round(k * periodTimestampTicks), previous + 1);
            await delay.DelayUntilAsync(due).ConfigureAwait(false);
            previous = due;
            yield return new EncoderSample(PositionAt(due), due);
        }
    }

    /// <summary>Changes the belt speed from now on (the position so far is kept).</summary>
    /// <param name="metresPerSecond">The new speed, 0-10 m/s.</param>
    /// <exception cref="ArgumentOutOfRangeException">The speed is out of range.</exception>
    public void SetBeltSpeed(double metresPerSecond)
    {
        if (!(metresPerSecond is >= 0 and <= 10))
        {
            throw new ArgumentOutOfRangeException(nameof(metresPerSecond), metresPerSecond, "The belt speed must be within 0-10 m/s.");
        }

        lock (_gate)
        {
            if (_time is not null)
            {
                long now = _time.GetTimestamp();
                _baseCounts = ExactCountsAt(now);
                _baseTimestamp = now;
            }

            _speed = metresPerSecond;
        }
    }

    /// <summary>Moves a stepped encoder forward by whole counts.</summary>
    /// <param name="counts">Counts to add (≥ 0).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="counts"/> is negative.</exception>
    /// <exception cref="InvalidOperationException">The encoder is timed.</exception>
    public void Advance(long counts)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(counts);
        ThrowIfTimed();
        lock (_gate)
        {
            _baseCounts += counts;
        }
    }

    /// <summary>Moves a stepped encoder forward by the belt travel in <paramref name="elapsed"/> at the current speed
    /// (fractions of a count accumulate, so many small steps add up exactly).</summary>
    /// <param name="elapsed">Simulated time (≥ 0).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="elapsed"/> is negative.</exception>
    /// <exception cref="InvalidOperationException">The encoder is timed.</exception>
    public void AdvanceBy(TimeSpan elapsed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(elapsed, TimeSpan.Zero);
        AdvanceBySeconds(elapsed.TotalSeconds);
    }

    /// <summary>Like <see cref="AdvanceBy"/> with the time in seconds (no <see cref="TimeSpan"/> tick rounding).</summary>
    internal void AdvanceBySeconds(double seconds)
    {
        ThrowIfTimed();
        lock (_gate)
        {
            _baseCounts += _speed * seconds * Scale.CountsPerMetre;
        }
    }

    private double ExactCountsAt(long timestamp)
    {
        if (_time is null)
        {
            return _baseCounts;
        }

        // One division, last: a travel of whole counts (speed × scale × ticks divisible by the frequency) stays exact
        // instead of landing just below the integer (0.01 s is not a binary fraction) and being floored a count short.
        return _baseCounts + (_speed * Scale.CountsPerMetre * (timestamp - _baseTimestamp) / _time.TimestampFrequency);
    }

    private void ThrowIfTimed()
    {
        if (_time is not null)
        {
            throw new InvalidOperationException("A timed encoder follows its clock; only a stepped encoder can be advanced.");
        }
    }
}
