namespace SortLine.Telemetry;

/// <summary>Why a pipeline stage dropped an item (label <c>reason</c>).</summary>
public enum DropReason
{
    /// <summary>The item's ejection deadline had passed (label <c>deadline</c>); a late decision is worse than none.</summary>
    Deadline = 0,

    /// <summary>The bounded channel to the next stage was full (label <c>queue_full</c>).</summary>
    QueueFull = 1,

    /// <summary>The sensor or its buffer pool lost the sample before the pipeline saw it (label <c>sensor</c>).</summary>
    Sensor = 2,

    /// <summary>The item failed validation (label <c>invalid</c>).</summary>
    Invalid = 3,

    /// <summary>The stage failed while processing the item (label <c>fault</c>).</summary>
    Fault = 4,
}
