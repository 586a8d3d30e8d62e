using SortLine.Sensors.Encoder;

namespace SortLine.Pipeline.Scheduling;

/// <summary>
/// A clock for replays and tests: "now" is the position the data implies, the speed is fixed. Scheduling then
/// depends only on the recording, so the same recording and model give a byte-identical decision log.
/// </summary>
public sealed class RecordedBeltClock : IBeltClock
{
    private readonly double _countsPerSecond;

    /// <summary>Creates the clock.</summary>
    /// <param name="countsPerSecond">The belt speed as encoder rate, in counts per second (finite, ≥ 0).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="countsPerSecond"/> is negative or not finite.</exception>
    public RecordedBeltClock(double countsPerSecond)
    {
        if (!(countsPerSecond >= 0 && double.IsFinite(countsPerSecond)))
        {
            throw new ArgumentOutOfRangeException(nameof(countsPerSecond), countsPerSecond, "The encoder rate must be finite and non-negative.");
        }

        _countsPerSecond = countsPerSecond;
    }

    /// <inheritdoc/>
    public bool IsRealTime => false;

    /// <inheritdoc/>
    public BeltState Read(EncoderPosition dataPosition) => new(dataPosition, _countsPerSecond);
}
