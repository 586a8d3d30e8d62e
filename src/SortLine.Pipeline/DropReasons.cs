namespace SortLine.Pipeline;

/// <summary>The <c>reason</c> label values of <see cref="PipelineMetrics.ItemsDropped"/>.</summary>
public static class DropReasons
{
    /// <summary>The item's ejection deadline had passed (a late decision is worse than none).</summary>
    public const string Deadline = "deadline";

    /// <summary>A bounded channel or sink queue was full.</summary>
    public const string QueueFull = "queue_full";

    /// <summary>A particle smaller than the minimum size was ignored.</summary>
    public const string TooSmall = "too_small";

    /// <summary>A run of foreground pixels could not be tracked because all particle slots (or pending-pulse slots) were in use.</summary>
    public const string Overflow = "overflow";

    /// <summary>An ejected particle lies entirely outside the valve bank.</summary>
    public const string OutsideValves = "outside_valves";

    /// <summary>A decision sink threw while writing.</summary>
    public const string SinkError = "sink_error";

    /// <summary>A new pulse lay entirely inside a pulse already released on its valves.</summary>
    public const string Covered = "covered";
}
