using SortLine.Sensors;
using SortLine.Sensors.Encoder;

namespace SortLine.Simulators.Recording.Replay;

/// <summary>Walks a recording's samples for a <see cref="ReplayReadLoop{T}"/>.</summary>
/// <typeparam name="T">The pooled sample type.</typeparam>
internal interface IReplayCursor<in T>
    where T : PooledSample
{
    /// <summary>Goes back before the first sample (the start of a pass).</summary>
    void Rewind();

    /// <summary>Moves to the next sample and gives its recorded timestamp and encoder position, where recorded.</summary>
    /// <returns>False at the end of the recording.</returns>
    /// <exception cref="RecordingFormatException">The recording is damaged here.</exception>
    bool TryMoveNext(out long? recordedTimestamp, out EncoderPosition? recordedEncoder);

    /// <summary>Fills a rented sample with the current sample's data and the given stamp.</summary>
    /// <exception cref="RecordingFormatException">The recording is damaged here.</exception>
    void Fill(T sample, SampleStamp stamp);
}
