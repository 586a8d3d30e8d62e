namespace SortLine.Telemetry;

/// <summary>The sorting line's state, as reported in metrics (<c>sortline_line_state{state}</c>) and to the PLC.</summary>
public enum LineState
{
    /// <summary>Not sorting (label <c>stopped</c>): no camera line enters the pipeline, no ejection.</summary>
    Stopped = 0,

    /// <summary>Connecting, calibrating for the first time, or (re)starting the pipeline (label <c>starting</c>).</summary>
    Starting = 1,

    /// <summary>Sorting (label <c>running</c>).</summary>
    Running = 2,

    /// <summary>Stopping: draining the pipeline, deciding the open particles (label <c>stopping</c>).</summary>
    Stopping = 3,

    /// <summary>Capturing a dark or white reference; sorting is paused (label <c>calibrating</c>).</summary>
    Calibrating = 4,

    /// <summary>Sorting, but the camera failed and is being reconnected (label <c>faulted</c>).</summary>
    Faulted = 5,
}
