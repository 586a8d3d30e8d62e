using System.Threading.Channels;
using SortLine.Sensors.Swir;

namespace SortLine.Service.Workers;

/// <summary>A <see cref="SortingPipeline"/> as the <see cref="ISortingRun"/> of a <see cref="SortingLine"/>.</summary>
/// <param name="pipeline">The pipeline (owned: disposed with the run).</param>
internal sealed class SortingPipelineRun(SortingPipeline pipeline) : ISortingRun
{
    /// <inheritdoc/>
    public ChannelWriter<SwirLine> Input => pipeline.Input;

    /// <inheritdoc/>
    public int CameraQueueDepth => pipeline.CameraQueueDepth;

    /// <inheritdoc/>
    public int LineQueueDepth => pipeline.LineQueueDepth;

    /// <inheritdoc/>
    public PipelineSeed Seed => pipeline.Seed;

    /// <inheritdoc/>
    public Task<bool> CompleteAsync(TimeSpan timeout) => pipeline.CompleteAsync(timeout);

    /// <inheritdoc/>
    public void Dispose() => pipeline.Dispose();
}
