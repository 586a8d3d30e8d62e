using SortLine.Sensors.Encoder;

namespace SortLine.Pipeline.Scheduling;

/// <summary>Open valves <paramref name="FirstValve"/>..<paramref name="LastValve"/> from <paramref name="Start"/> to <paramref name="End"/>.</summary>
/// <param name="Sequence">The command's number, from 0, in emission order (which is nondecreasing <paramref name="Start"/>).</param>
/// <param name="FirstValve">The first valve (0-based, inclusive).</param>
/// <param name="LastValve">The last valve (inclusive).</param>
/// <param name="Start">The encoder position at which to command the valves open. Latency-compensated: the air arrives one
/// valve latency later, when the particle's leading edge (minus the pre-margin) reaches the valve line.</param>
/// <param name="End">The encoder position at which to command the valves closed (exclusive end of the window).</param>
/// <param name="Class">The decided class of the (first) particle.</param>
/// <param name="Confidence">The decision's confidence (the highest of merged pulses).</param>
/// <param name="ParticleId">The particle the pulse was scheduled for (the earliest-starting one when pulses merged).</param>
/// <param name="IssuedAt">The clock's position when the command was released (not part of the decision log: live clocks make it vary).</param>
public readonly record struct EjectionCommand(
    long Sequence,
    int FirstValve,
    int LastValve,
    EncoderPosition Start,
    EncoderPosition End,
    int Class,
    double Confidence,
    long ParticleId,
    EncoderPosition IssuedAt);
