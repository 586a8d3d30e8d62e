using SortLine.Pipeline.Inference;
using SortLine.Pipeline.Stages;
using SortLine.Sensors;
using SortLine.Telemetry;

namespace SortLine.Service.Line;

/// <summary>
/// The host's <see cref="IClassificationObserver"/>: every raw line with its preprocessing into the MSKD pairing history
/// (while it collects), every classified line's acquisition time (for the decision latency) and its classification time (inference
/// metric). Called by the classification stage in line order.
/// </summary>
/// <remarks>A line the history cannot take now (the learning side holds it) is counted as dropped at
/// <c>stage="libs_pairing"</c>, <c>reason="queue_full"</c>; it is still classified.</remarks>
internal sealed class ClassificationRecorder(PairingHistory history, LineTimestamps timestamps, IPipelineTelemetry telemetry) : IClassificationObserver
{
    /// <inheritdoc/>
    public bool IsCollectingLines => history.IsCollecting;

    /// <inheritdoc/>
    public void OnCollected(ReadOnlySpan<ushort> rawLine, ReadOnlySpan<bool> foreground, LinePreprocessing preprocessing, in SampleStamp stamp)
    {
        if (!history.Append(rawLine, stamp, foreground, preprocessing))
        {
            telemetry.ItemsDropped(PipelineStage.LibsPairing, DropReason.QueueFull, 1);
        }
    }

    /// <inheritdoc/>
    public void OnClassified(in SampleStamp stamp, string modelVersion, TimeSpan classificationTime)
    {
        timestamps.Add(stamp.Encoder.Counts, stamp.Timestamp);
        telemetry.RecordInferenceTime(classificationTime.TotalSeconds);
    }
}
