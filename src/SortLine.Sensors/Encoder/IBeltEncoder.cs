namespace SortLine.Sensors.Encoder;

/// <summary>The belt encoder: where the belt is now. Sensor drivers stamp every sample with it.</summary>
public interface IBeltEncoder
{
    /// <summary>Gets the encoder's scale (counts per metre).</summary>
    EncoderScale Scale { get; }

    /// <summary>Reads the current position. Thread-safe and allocation-free.</summary>
    EncoderPosition Read();
}
