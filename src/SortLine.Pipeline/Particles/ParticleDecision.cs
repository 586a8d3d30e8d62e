using SortLine.Sensors.Encoder;

namespace SortLine.Pipeline.Particles;

/// <summary>What to do with one particle: its class, how sure, whether to eject it, and where it is.</summary>
/// <param name="ParticleId">The particle's id (<see cref="Particle.Id"/>).</param>
/// <param name="Class">The decided class id.</param>
/// <param name="Confidence">The winning fraction: the share of the voting pixels that support <paramref name="Class"/> (for an
/// ejection under <see cref="DecisionRule.TargetFraction"/>, the share of all target-class pixels), in [0, 1].</param>
/// <param name="Eject">Whether the particle is to be ejected.</param>
/// <param name="FirstColumn">The leftmost pixel column.</param>
/// <param name="LastColumn">The rightmost pixel column.</param>
/// <param name="FirstEncoder">The encoder position of the particle's first line (leading edge).</param>
/// <param name="LastEncoder">The encoder position of the particle's last line (trailing edge).</param>
/// <param name="PixelCount">The particle's size in pixels.</param>
/// <param name="CloseReason">Why the tracker closed the particle.</param>
/// <param name="DecidedAt">The encoder position of the line whose arrival closed the particle: the data's notion of "now"
/// when the decision was made (used by replay clocks, so that a replay is deterministic).</param>
/// <param name="FirstTimestamp">The acquisition timestamp of the particle's first line (source <see cref="TimeProvider"/> ticks).</param>
public readonly record struct ParticleDecision(
    long ParticleId,
    int Class,
    double Confidence,
    bool Eject,
    int FirstColumn,
    int LastColumn,
    EncoderPosition FirstEncoder,
    EncoderPosition LastEncoder,
    int PixelCount,
    ParticleCloseReason CloseReason,
    EncoderPosition DecidedAt,
    long FirstTimestamp);
