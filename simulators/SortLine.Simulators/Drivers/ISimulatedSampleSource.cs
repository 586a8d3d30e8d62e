using SortLine.Sensors;
using SortLine.Sensors.Encoder;

namespace SortLine.Simulators.Drivers;

/// <summary>What a simulated sensor does for each sample slot of its <see cref="SimulatedReadLoop{T}"/>.</summary>
/// <typeparam name="T">The pooled sample type.</typeparam>
internal interface ISimulatedSampleSource<in T>
    where T : PooledSample
{
    /// <summary>Whether the device loses the sample with this sequence number (a simulated drop; deterministic per sequence).</summary>
    bool IsDropped(long sequence);

    /// <summary>Fills a rented sample: data and stamp.</summary>
    void Fill(long sequence, EncoderPosition position, long timestamp, T sample);
}
