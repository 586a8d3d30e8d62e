using SortLine.Sensors.Encoder;

namespace SortLine.Pipeline.Scheduling;

/// <summary>Where the belt is and how fast it moves, as <see cref="IBeltClock"/> reads it.</summary>
/// <param name="Position">The current encoder position.</param>
/// <param name="CountsPerSecond">The belt speed as encoder rate, in counts per second (≥ 0, finite).</param>
public readonly record struct BeltState(EncoderPosition Position, double CountsPerSecond);
