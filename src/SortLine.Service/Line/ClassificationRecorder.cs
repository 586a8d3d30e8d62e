using SortLine.Pipeline.Stages;
using SortLine.Sensors;
using SortLine.Telemetry;

namespace SortLine.Service.Line;

/// <summary>
/// The host's <see cref="IClassificationObserver"/>: every preprocessed line into the MSKD pairing history (while it
/// collects), every classified line's acquisition time (for the decision latency) and its classification time (inference
/// metric). Called by the classification stage in line order.
/// </summary>
internal sealed class ClassificationRecorder(PairingHistory history, LineTimestamps timestamps, IPipelineTelemetry telemetry) : IClassificationObserver
{
    /// <inheritdoc/>
    public bool IsCollectingFeatures => history.IsCollecting;

    /// <inheritdoc/>
    public void OnPreprocessed(ReadOnlySpan<float> features, ReadOnlySpan<bool> foreground, in SampleStamp stamp) =>
        history.Append(features, stamp, foreground);

    /// <inheritdoc/>
    public void OnClassified(in SampleStamp stamp, string modelVersion, TimeSpan classificationTime)
    {
        timestamps.Add(stamp.Encoder.Counts, stamp.Timestamp);
        telemetry.RecordInferenceTime(classificationTime.TotalSeconds);
    }
}
