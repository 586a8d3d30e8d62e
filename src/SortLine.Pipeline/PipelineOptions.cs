using System.ComponentModel.DataAnnotations;

namespace SortLine.Pipeline;

/// <summary>Channel capacities of the line pipeline (see <see cref="Stages.PipelineChannels"/> for each edge's full mode).</summary>
/// <remarks>Capacities are in items. Validated by <see cref="PipelineOptionsValidator"/>.</remarks>
public sealed class PipelineOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "SortLine:Pipeline";

    /// <summary>Gets the capacity of the classified-line channel into the particle stage.</summary>
    [Range(1, 1_000_000)]
    public int LineChannelCapacity { get; init; } = 64;

    /// <summary>Gets the capacity of the decision channel from the particle stage to the scheduling stage.</summary>
    [Range(1, 1_000_000)]
    public int DecisionChannelCapacity { get; init; } = 256;

    /// <summary>Gets the capacity of the command channel from the scheduling stage to the fan-out.</summary>
    [Range(1, 1_000_000)]
    public int CommandChannelCapacity { get; init; } = 256;

    /// <summary>Gets the capacity of each decision sink's own queue; a full queue drops its oldest command.</summary>
    [Range(1, 1_000_000)]
    public int SinkQueueCapacity { get; init; } = 1024;
}
