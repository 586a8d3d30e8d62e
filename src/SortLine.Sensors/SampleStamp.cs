using SortLine.Sensors.Encoder;

namespace SortLine.Sensors;

/// <summary>
/// Where and when a sensor sample (a SWIR line or a LIBS point) was taken.
/// </summary>
/// <param name="Sequence">The source's running sample number, from 0 and without gaps unless samples were lost
/// (a gap tells the consumer how many were dropped before it saw them).</param>
/// <param name="Encoder">The belt position at acquisition.</param>
/// <param name="Timestamp">Acquisition time as a monotonic timestamp of the source's <see cref="TimeProvider"/>
/// (<see cref="TimeProvider.GetTimestamp"/>; ticks of <see cref="TimeProvider.TimestampFrequency"/>).</param>
public readonly record struct SampleStamp(long Sequence, EncoderPosition Encoder, long Timestamp);
