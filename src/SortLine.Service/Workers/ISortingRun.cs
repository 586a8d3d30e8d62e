using System.Threading.Channels;
using SortLine.Sensors.Swir;

namespace SortLine.Service.Workers;

/// <summary>
/// What <see cref="SortingLine"/> needs of one run's pipeline (start to stop): the camera edge to feed, its queue depths,
/// draining, and where the next run continues. <see cref="SortingPipeline"/> through <see cref="SortingPipelineRun"/>;
/// tests substitute their own.
/// </summary>
internal interface ISortingRun : IDisposable
{
    /// <summary>Gets the camera edge's writer.</summary>
    ChannelWriter<SwirLine> Input { get; }

    /// <summary>Gets the raw lines waiting for classification.</summary>
    int CameraQueueDepth { get; }

    /// <summary>Gets the classified lines waiting for the particle stage.</summary>
    int LineQueueDepth { get; }

    /// <summary>Gets where the next run continues (read after <see cref="CompleteAsync"/>).</summary>
    PipelineSeed Seed { get; }

    /// <summary>Completes the input and waits until the pipeline drained (cancelled after <paramref name="timeout"/>).</summary>
    /// <returns>True when it drained; false when it had to be cancelled.</returns>
    Task<bool> CompleteAsync(TimeSpan timeout);
}
