using System.ComponentModel.DataAnnotations;

namespace SortLine.Pipeline;

/// <summary>Settings of the classification stage (<see cref="Stages.ClassificationStage"/>).</summary>
/// <remarks>Validated by <see cref="ClassificationOptionsValidator"/> (ranges).</remarks>
public sealed class ClassificationOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "SortLine:Classification";

    /// <summary>Gets the number of worker tasks that classify lines in parallel (each with its own scratch).</summary>
    /// <remarks>One per core available to the pipeline is the usual choice; lines leave the stage in order whatever the count.</remarks>
    [Range(1, 64)]
    public int WorkerCount { get; init; } = 1;

    /// <summary>Gets the number of lines queued per worker (≥ 1); bounds the lines in flight to workers × (queue + 2).</summary>
    [Range(1, 64)]
    public int WorkerQueueCapacity { get; init; } = 2;

    /// <summary>Gets the capacity of the camera → classification channel, in lines.</summary>
    [Range(1, 1_000_000)]
    public int InputChannelCapacity { get; init; } = 32;

    /// <summary>
    /// Gets the oldest a camera line may be (acquisition to the start of its classification) and still be classified; older
    /// lines are dropped and counted (<c>reason="deadline"</c>): their particles would reach the valves before a decision.
    /// </summary>
    /// <remarks>E.g. 50 ms ejection budget − 5 ms valve latency − downstream margin. <see cref="TimeSpan.Zero"/> disables the check.</remarks>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:10")]
    public TimeSpan MaxLineAge { get; init; } = TimeSpan.FromMilliseconds(30);
}
