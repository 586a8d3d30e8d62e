using SortLine.Pipeline.Inference;
using SortLine.Sensors;

namespace SortLine.Pipeline.Stages;

/// <summary>
/// Sees every line the <see cref="ClassificationStage"/> takes, in line order: the raw line with its foreground mask and
/// preprocessing when it collects lines (the MSKD pairing history), and the classified lines (e.g. their acquisition time
/// for the decision latency).
/// </summary>
/// <remarks>
/// The stage calls both methods under its ordering lock, in input (sequence) order, from whichever worker completes the
/// order: keep them short and allocation-free, and never block. They are not called for lines the stage drops.
/// </remarks>
public interface IClassificationObserver
{
    /// <summary>Gets whether the observer wants the lines now (read once per line).</summary>
    bool IsCollectingLines { get; }

    /// <summary>A line was taken while collecting (called only when <see cref="IsCollectingLines"/> was true for it).</summary>
    /// <param name="rawLine">The raw counts, pixels × bands, pixel-interleaved (valid during the call only).</param>
    /// <param name="foreground">The brightness foreground mask per pixel (valid during the call only).</param>
    /// <param name="preprocessing">The preprocessing the line was taken with (its references): its
    /// <see cref="LinePreprocessing.PreprocessPixel"/> gives any pixel's features, equal to what the classifier saw.</param>
    /// <param name="stamp">The line's stamp.</param>
    void OnCollected(ReadOnlySpan<ushort> rawLine, ReadOnlySpan<bool> foreground, LinePreprocessing preprocessing, in SampleStamp stamp);

    /// <summary>A line was classified and is about to be written to the output.</summary>
    /// <param name="stamp">The line's stamp.</param>
    /// <param name="modelVersion">The model version that classified it.</param>
    /// <param name="classificationTime">How long its preprocessing and classification took (the worker's time).</param>
    void OnClassified(in SampleStamp stamp, string modelVersion, TimeSpan classificationTime);
}
