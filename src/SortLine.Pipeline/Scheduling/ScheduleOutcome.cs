namespace SortLine.Pipeline.Scheduling;

/// <summary>What <see cref="EjectionScheduler.Schedule"/> did with a decision.</summary>
public enum ScheduleOutcome
{
    /// <summary>Pulses were added (or merged into pending pulses); they are emitted by a later release.</summary>
    Scheduled = 0,

    /// <summary>The decision does not eject the particle; nothing to do.</summary>
    NotEjected = 1,

    /// <summary>The valve window can no longer be reached (now + latency is past the window start); not scheduled.</summary>
    Late = 2,

    /// <summary>The particle lies entirely outside the valve bank.</summary>
    OutsideValves = 3,

    /// <summary>Every pulse lay inside pulses already released on the same valves; nothing new to do.</summary>
    Covered = 4,

    /// <summary>The pending-pulse buffer was full; (some) pulses were dropped.</summary>
    Overflow = 5,
}
