using SortLine.Sensors.Encoder;

namespace SortLine.Pipeline.Scheduling;

/// <summary>
/// The scheduling stage's and fan-out's notion of "now" on the belt: the live encoder (<see cref="EncoderBeltClock"/>)
/// or, when replaying a recording, the data's own positions (<see cref="RecordedBeltClock"/>), which makes a replay
/// deterministic.
/// </summary>
public interface IBeltClock
{
    /// <summary>Gets whether the clock follows real time (then pending commands are also released by timers, not only by new decisions).</summary>
    bool IsRealTime { get; }

    /// <summary>Reads the belt state.</summary>
    /// <param name="dataPosition">The position the data being processed implies (e.g. <see cref="Particles.ParticleDecision.DecidedAt"/>);
    /// a live clock ignores it, a replay clock returns it.</param>
    /// <returns>The belt position and speed. Thread-safe.</returns>
    BeltState Read(EncoderPosition dataPosition);
}
