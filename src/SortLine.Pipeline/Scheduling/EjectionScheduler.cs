using SortLine.Pipeline.Particles;
using SortLine.Sensors.Encoder;

namespace SortLine.Pipeline.Scheduling;

/// <summary>
/// Turns eject decisions into valve commands: maps the particle's pixel columns to valves, computes the valve
/// window in encoder counts, merges pulses on the same valve and releases commands in nondecreasing start order.
/// </summary>
/// <remarks>
/// <para><b>Across the belt.</b> Pixel c covers [offset + c·pixelPitch, offset + (c+1)·pixelPitch) mm; valve v covers
/// [v·valvePitch, (v+1)·valvePitch) mm. A particle spanning columns c0..c1 gets every valve its extent overlaps,
/// clamped to the bank; a particle entirely outside the bank is counted (<see cref="OutsideValves"/>).</para>
/// <para><b>Along the belt</b>, for a particle with first/last line at encoder positions F and L, at belt speed s
/// (counts/s): <c>latency = round(ValveLatency · s)</c>, <c>Start = F + D − pre − latency</c>,
/// <c>End = L + D + post − latency</c>, where D, pre and post are <see cref="EjectionOptions.ScanToValveDistanceMm"/>,
/// <see cref="EjectionOptions.PreMarginMm"/> and <see cref="EjectionOptions.PostMarginMm"/> in counts
/// (<see cref="EncoderScale.ToCounts"/>). A window shorter than <c>ceil(MinimumPulse · s)</c> counts (at least 1)
/// is lengthened at its end. Example: D = 150 mm at 10,000 counts/m = 1,500 counts; 5 ms at 3 m/s = 30,000 counts/s
/// is 150 counts, so (no margins) Start = F + 1,350.</para>
/// <para><b>Late.</b> A decision is late when the belt is already past its command start (now + latency &gt; valve
/// window start, i.e. now &gt; Start); it is not scheduled (<see cref="ScheduleOutcome.Late"/>). A pending command
/// found late when released is dropped the same way (<see cref="LateCommands"/>).</para>
/// <para><b>Merging.</b> Pulses are kept per valve until released. A new pulse that overlaps a pending pulse on
/// the same valve, or leaves a gap of at most <see cref="EjectionOptions.MergeGapMm"/>, is merged with it (union of
/// the windows; class and particle of the earlier start; the higher confidence). A new pulse that overlaps a pulse
/// already released on its valve is shortened to begin where that one ends (the valve stays open), or dropped when
/// it lies inside it (<see cref="ScheduleOutcome.Covered"/>).</para>
/// <para><b>Release and order.</b> <see cref="Release"/> emits the pending pulses whose start lies within
/// <see cref="EjectionOptions.CommandLead"/> of now, sorted by start; adjacent valves with the same window and
/// particle form one command. Commands therefore come out in nondecreasing start order across calls: a later
/// decision whose start would fall before the last released start (possible only inside the lead window) is
/// clamped to start there (<see cref="ClampedPulses"/>).</para>
/// <para>Pure logic: deterministic, allocation-free after construction, not thread-safe.</para>
/// </remarks>
public sealed class EjectionScheduler
{
    /// <summary>Orders pulses by start, then particle, then valve.</summary>
    /// <remarks>A cached delegate: sorting a span with an <see cref="IComparer{T}"/> allocates a delegate (and boxes a struct
    /// comparer) on every call, once per release on the line's hot path.</remarks>
    private static readonly Comparison<Pulse> ReleaseOrder = static (x, y) =>
    {
        int c = x.Start.CompareTo(y.Start);
        if (c != 0)
        {
            return c;
        }

        c = x.ParticleId.CompareTo(y.ParticleId);
        return c != 0 ? c : x.Valve.CompareTo(y.Valve);
    };

    private readonly int _valveCount;
    private readonly double _valvePitchMm;
    private readonly double _pixelPitchMm;
    private readonly double _pixelOffsetMm;
    private readonly int _pixels;
    private readonly long _distanceCounts;
    private readonly long _preCounts;
    private readonly long _postCounts;
    private readonly long _mergeGapCounts;
    private readonly double _latencySeconds;
    private readonly double _minimumPulseSeconds;
    private readonly double _leadSeconds;

    private readonly Pulse[] _pending;
    private int _pendingCount;
    private readonly long[] _releasedEnd;
    private long _lastReleasedStart = long.MinValue;
    private long _nextSequence;
    private readonly long _firstSequence;

    /// <summary>Creates a scheduler.</summary>
    /// <param name="options">Valve geometry and timing (assumed validated; the values used are checked again).</param>
    /// <param name="scale">The encoder scale (counts per metre).</param>
    /// <param name="pixels">Camera pixels across the belt (≥ 1).</param>
    /// <param name="firstSequence">The sequence number of the first command (≥ 0): a line restarted after a stop continues
    /// the numbering (<see cref="NextSequence"/> of the previous scheduler), so the PLC sees no gap and no repeat.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
    public EjectionScheduler(EjectionOptions options, EncoderScale scale, int pixels, long firstSequence = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(firstSequence);
        _firstSequence = firstSequence;
        _nextSequence = firstSequence;
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(pixels, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.ValveCount, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.PendingPulseCapacity, 1, nameof(options));
        if (scale.CountsPerMetre <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(scale), scale.CountsPerMetre, "The encoder scale is not set.");
        }

        ThrowIfNotPositive(options.ValvePitchMm, nameof(options.ValvePitchMm));
        ThrowIfNotPositive(options.PixelPitchMm, nameof(options.PixelPitchMm));
        ThrowIfNotPositive(options.MinimumPulse.TotalSeconds, nameof(options.MinimumPulse));
        _valveCount = options.ValveCount;
        _valvePitchMm = options.ValvePitchMm;
        _pixelPitchMm = options.PixelPitchMm;
        _pixelOffsetMm = options.PixelOffsetMm;
        _pixels = pixels;
        _distanceCounts = scale.ToCounts(options.ScanToValveDistanceMm / 1000.0);
        _preCounts = scale.ToCounts(options.PreMarginMm / 1000.0);
        _postCounts = scale.ToCounts(options.PostMarginMm / 1000.0);
        _mergeGapCounts = scale.ToCounts(options.MergeGapMm / 1000.0);
        _latencySeconds = options.ValveLatency.TotalSeconds;
        _minimumPulseSeconds = options.MinimumPulse.TotalSeconds;
        _leadSeconds = options.CommandLead.TotalSeconds;
        _pending = new Pulse[options.PendingPulseCapacity];
        _releasedEnd = new long[_valveCount];
        _releasedEnd.AsSpan().Fill(long.MinValue);
    }

    /// <summary>Gets the number of per-valve pulses waiting for release.</summary>
    public int PendingPulses => _pendingCount;

    /// <summary>Gets the capacity of the pending-pulse buffer (size <see cref="Release"/>'s destination to it).</summary>
    public int PendingCapacity => _pending.Length;

    /// <summary>Gets the number of commands emitted.</summary>
    public long CommandsEmitted => _nextSequence - _firstSequence;

    /// <summary>Gets the sequence number the next command will get.</summary>
    public long NextSequence => _nextSequence;

    /// <summary>Gets the number of decisions that arrived too late to be scheduled.</summary>
    public long LateDecisions { get; private set; }

    /// <summary>Gets the number of pending commands found late at release and dropped.</summary>
    public long LateCommands { get; private set; }

    /// <summary>Gets the number of eject decisions for particles entirely outside the valve bank.</summary>
    public long OutsideValves { get; private set; }

    /// <summary>Gets the number of per-valve pulses merged into another pulse (pending or released).</summary>
    public long MergedPulses { get; private set; }

    /// <summary>Gets the number of per-valve pulses dropped because they lay inside an already released pulse.</summary>
    public long CoveredPulses { get; private set; }

    /// <summary>Gets the number of per-valve pulses whose start was clamped to keep the release order.</summary>
    public long ClampedPulses { get; private set; }

    /// <summary>Gets the number of per-valve pulses dropped because the pending buffer was full.</summary>
    public long OverflowPulses { get; private set; }

    /// <summary>Maps a pixel-column span to the valves it covers.</summary>
    /// <param name="firstColumn">The leftmost column (0 ≤ first ≤ last &lt; pixels).</param>
    /// <param name="lastColumn">The rightmost column.</param>
    /// <param name="firstValve">The first valve covered.</param>
    /// <param name="lastValve">The last valve covered.</param>
    /// <returns>False when the span lies entirely outside the valve bank.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A column is outside the camera or the span is reversed.</exception>
    public bool TryMapValves(int firstColumn, int lastColumn, out int firstValve, out int lastValve)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(firstColumn);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(lastColumn, _pixels);
        ArgumentOutOfRangeException.ThrowIfLessThan(lastColumn, firstColumn);

        // A tolerance of 1e-9 valve pitches keeps exact boundaries (pixel edge on a valve edge) from spilling into the next valve.
        const double Tolerance = 1e-9;
        double leftMm = _pixelOffsetMm + (firstColumn * _pixelPitchMm);
        double rightMm = _pixelOffsetMm + ((lastColumn + 1) * _pixelPitchMm);
        double first = Math.Floor((leftMm / _valvePitchMm) + Tolerance);
        double last = Math.Ceiling((rightMm / _valvePitchMm) - Tolerance) - 1;
        if (last < 0 || first > _valveCount - 1 || rightMm <= 0)
        {
            firstValve = lastValve = -1;
            return false;
        }

        firstValve = (int)Math.Max(0, first);
        lastValve = (int)Math.Min(_valveCount - 1, Math.Max(first, last));
        return true;
    }

    /// <summary>Computes a particle's command window (see the type remarks for the formula).</summary>
    /// <param name="firstEncoder">The particle's first line position.</param>
    /// <param name="lastEncoder">The particle's last line position (≥ first).</param>
    /// <param name="countsPerSecond">The belt speed as encoder rate (finite, ≥ 0).</param>
    /// <returns>The command start and (exclusive) end, in encoder counts.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The speed is negative or not finite.</exception>
    public (EncoderPosition Start, EncoderPosition End) GetWindow(EncoderPosition firstEncoder, EncoderPosition lastEncoder, double countsPerSecond)
    {
        ThrowIfBadSpeed(countsPerSecond);
        long latency = LatencyCounts(countsPerSecond);
        long start = firstEncoder.Counts + _distanceCounts - _preCounts - latency;
        long end = Math.Max(lastEncoder.Counts, firstEncoder.Counts) + _distanceCounts + _postCounts - latency;
        long minimum = MinimumPulseCounts(countsPerSecond);
        if (end - start < minimum)
        {
            end = start + minimum;
        }

        return (new EncoderPosition(start), new EncoderPosition(end));
    }

    /// <summary>Schedules the pulses of one decision (held until <see cref="Release"/>).</summary>
    /// <param name="decision">The particle decision.</param>
    /// <param name="belt">The belt now.</param>
    /// <returns>What happened; only <see cref="ScheduleOutcome.Scheduled"/> leads to commands.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The decision's columns are outside the camera, or the speed is negative or not finite.</exception>
    public ScheduleOutcome Schedule(in ParticleDecision decision, in BeltState belt)
    {
        ThrowIfBadSpeed(belt.CountsPerSecond);
        if (!decision.Eject)
        {
            return ScheduleOutcome.NotEjected;
        }

        if (!TryMapValves(decision.FirstColumn, decision.LastColumn, out int firstValve, out int lastValve))
        {
            OutsideValves++;
            return ScheduleOutcome.OutsideValves;
        }

        (EncoderPosition startPosition, EncoderPosition endPosition) = GetWindow(decision.FirstEncoder, decision.LastEncoder, belt.CountsPerSecond);
        long start = startPosition.Counts;
        long end = endPosition.Counts;
        if (belt.Position.Counts > start)
        {
            LateDecisions++;
            return ScheduleOutcome.Late;
        }

        if (start < _lastReleasedStart)
        {
            long minimum = MinimumPulseCounts(belt.CountsPerSecond);
            start = _lastReleasedStart;
            end = Math.Max(end, start + minimum);
            ClampedPulses += lastValve - firstValve + 1;
        }

        bool added = false;
        bool overflow = false;
        for (int valve = firstValve; valve <= lastValve; valve++)
        {
            var pulse = new Pulse(valve, start, end, decision.Class, decision.Confidence, decision.ParticleId);
            long released = _releasedEnd[valve];
            if (released != long.MinValue && pulse.Start <= released + _mergeGapCounts)
            {
                if (pulse.End <= released)
                {
                    CoveredPulses++;
                    continue;
                }

                // Continue the released pulse: the valve stays open from its end.
                pulse = pulse with { Start = Math.Max(pulse.Start, released) };
                MergedPulses++;
            }

            for (int k = _pendingCount - 1; k >= 0; k--)
            {
                ref Pulse other = ref _pending[k];
                if (other.Valve == valve && other.Start <= pulse.End + _mergeGapCounts && pulse.Start <= other.End + _mergeGapCounts)
                {
                    pulse = Merge(other, pulse);
                    other = _pending[--_pendingCount];
                    MergedPulses++;
                }
            }

            if (_pendingCount == _pending.Length)
            {
                OverflowPulses++;
                overflow = true;
                continue;
            }

            _pending[_pendingCount++] = pulse;
            added = true;
        }

        return overflow ? ScheduleOutcome.Overflow : added ? ScheduleOutcome.Scheduled : ScheduleOutcome.Covered;
    }

    /// <summary>Gets the position at which the next release is due (the earliest pending start minus the command lead).</summary>
    /// <param name="countsPerSecond">The belt speed as encoder rate.</param>
    /// <param name="position">The position, when pulses are pending.</param>
    /// <returns>False when nothing is pending.</returns>
    public bool TryGetNextRelease(double countsPerSecond, out EncoderPosition position)
    {
        ThrowIfBadSpeed(countsPerSecond);
        if (_pendingCount == 0)
        {
            position = default;
            return false;
        }

        long earliest = long.MaxValue;
        for (int k = 0; k < _pendingCount; k++)
        {
            earliest = Math.Min(earliest, _pending[k].Start);
        }

        position = new EncoderPosition(earliest - LeadCounts(countsPerSecond));
        return true;
    }

    /// <summary>Releases the pending pulses whose start lies within the command lead of now, as commands in start order.</summary>
    /// <param name="belt">The belt now.</param>
    /// <param name="destination">Receives the commands; at least <see cref="PendingPulses"/> long (size it to <see cref="PendingCapacity"/>).</param>
    /// <returns>The number of commands written. Pulses already late (now &gt; start) are dropped and counted in <see cref="LateCommands"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <see cref="PendingPulses"/>.</exception>
    public int Release(in BeltState belt, Span<EjectionCommand> destination)
    {
        ThrowIfBadSpeed(belt.CountsPerSecond);
        return ReleaseBefore(belt.Position.Counts + LeadCounts(belt.CountsPerSecond), belt.Position, destination);
    }

    /// <summary>Releases every pending pulse (the stream stopped), dropping the late ones.</summary>
    /// <param name="belt">The belt now.</param>
    /// <param name="destination">Receives the commands; at least <see cref="PendingPulses"/> long.</param>
    /// <returns>The number of commands written.</returns>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <see cref="PendingPulses"/>.</exception>
    public int Flush(in BeltState belt, Span<EjectionCommand> destination) => ReleaseBefore(long.MaxValue, belt.Position, destination);

    private int ReleaseBefore(long horizon, EncoderPosition now, Span<EjectionCommand> destination)
    {
        if (destination.Length < _pendingCount)
        {
            throw new ArgumentException($"The destination holds {destination.Length} commands; {_pendingCount} pulses are pending.", nameof(destination));
        }

        // Move the due pulses to the front, then order them by start, particle and valve.
        int due = 0;
        for (int k = 0; k < _pendingCount; k++)
        {
            if (_pending[k].Start < horizon)
            {
                (_pending[due], _pending[k]) = (_pending[k], _pending[due]);
                due++;
            }
        }

        Span<Pulse> released = _pending.AsSpan(0, due);
        released.Sort(ReleaseOrder);
        int written = 0;
        int i = 0;
        while (i < due)
        {
            Pulse head = released[i];
            int j = i + 1;
            while (j < due && released[j].Valve == released[j - 1].Valve + 1 && released[j].SameWindow(head))
            {
                j++;
            }

            if (now.Counts > head.Start)
            {
                LateCommands++;
            }
            else
            {
                for (int k = i; k < j; k++)
                {
                    int valve = released[k].Valve;
                    _releasedEnd[valve] = Math.Max(_releasedEnd[valve], head.End);
                }

                _lastReleasedStart = Math.Max(_lastReleasedStart, head.Start);
                destination[written++] = new EjectionCommand(_nextSequence++, head.Valve, released[j - 1].Valve,
                    new EncoderPosition(head.Start), new EncoderPosition(head.End), head.Class, head.Confidence, head.ParticleId, now);
            }

            i = j;
        }

        _pending.AsSpan(due, _pendingCount - due).CopyTo(_pending);
        _pendingCount -= due;
        return written;
    }

    private static Pulse Merge(in Pulse a, in Pulse b)
    {
        // The earlier-starting pulse names the merged one (ties: the lower particle id), for a deterministic result.
        bool aFirst = a.Start < b.Start || (a.Start == b.Start && a.ParticleId <= b.ParticleId);
        Pulse first = aFirst ? a : b;
        return first with
        {
            Start = Math.Min(a.Start, b.Start),
            End = Math.Max(a.End, b.End),
            Confidence = Math.Max(a.Confidence, b.Confidence),
        };
    }

    private long LatencyCounts(double countsPerSecond) => (long)Math.Round(_latencySeconds * countsPerSecond, MidpointRounding.AwayFromZero);

    private long LeadCounts(double countsPerSecond) => (long)Math.Round(_leadSeconds * countsPerSecond, MidpointRounding.AwayFromZero);

    private long MinimumPulseCounts(double countsPerSecond) => Math.Max(1, (long)Math.Ceiling((_minimumPulseSeconds * countsPerSecond) - 1e-9));

    private static void ThrowIfBadSpeed(double countsPerSecond)
    {
        if (!(countsPerSecond >= 0 && double.IsFinite(countsPerSecond)))
        {
            throw new ArgumentOutOfRangeException(nameof(countsPerSecond), countsPerSecond, "The belt speed must be finite and non-negative.");
        }
    }

    private static void ThrowIfNotPositive(double value, string name)
    {
        if (!(value > 0 && double.IsFinite(value)))
        {
            throw new ArgumentOutOfRangeException(name, value, "The value must be finite and positive.");
        }
    }

    /// <summary>One valve's pending pulse.</summary>
    private readonly record struct Pulse(int Valve, long Start, long End, int Class, double Confidence, long ParticleId)
    {
        public bool SameWindow(in Pulse other) =>
            Start == other.Start && End == other.End && ParticleId == other.ParticleId && Class == other.Class && Confidence.Equals(other.Confidence);
    }
}
