namespace SortLine.OpcUa.AddressSpace;

/// <summary>The sorter line's state as published in <c>Line/State</c> (the enum name, a String).</summary>
public enum SortLineState
{
    /// <summary>Belt stopped, no ejection.</summary>
    Stopped,

    /// <summary>Starting (belt accelerating, references loading).</summary>
    Starting,

    /// <summary>Sorting.</summary>
    Running,

    /// <summary>Stopping.</summary>
    Stopping,

    /// <summary>Capturing a dark or white reference.</summary>
    Calibrating,

    /// <summary>Stopped by a fault.</summary>
    Faulted,
}
