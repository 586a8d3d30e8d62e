namespace SortLine.Sensors;

/// <summary>The state of a sensor as the service sees it.</summary>
public enum SensorState
{
    /// <summary>Not connected (initial state, or after an orderly disconnect).</summary>
    Disconnected = 0,

    /// <summary>Connecting or reconnecting.</summary>
    Connecting = 1,

    /// <summary>Delivering samples.</summary>
    Running = 2,

    /// <summary>Delivering samples with problems (lost samples, timeouts that recovered).</summary>
    Degraded = 3,

    /// <summary>Failed; no samples until a reconnect succeeds.</summary>
    Faulted = 4,
}
