namespace SortLine.Service.Line;

/// <summary>The outcome of an operator command (PLC method call) on the line or its model.</summary>
internal enum ControlOutcome
{
    /// <summary>Done.</summary>
    Done = 0,

    /// <summary>The line cannot do it now (e.g. start while running, capture while the camera is down, retrain with no session).</summary>
    InvalidState = 1,

    /// <summary>The thing named does not exist (e.g. an unknown model version).</summary>
    NotFound = 2,
}
