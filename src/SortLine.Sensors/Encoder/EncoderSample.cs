namespace SortLine.Sensors.Encoder;

/// <summary>One reading of the belt encoder in its position stream: where the belt was, and when.</summary>
/// <param name="Position">The encoder count at <paramref name="Timestamp"/>.</param>
/// <param name="Timestamp">When the count was latched, as a monotonic timestamp of the encoder's <see cref="TimeProvider"/>
/// (<see cref="TimeProvider.GetTimestamp"/>; ticks of <see cref="TimeProvider.TimestampFrequency"/>).</param>
public readonly record struct EncoderSample(EncoderPosition Position, long Timestamp);
