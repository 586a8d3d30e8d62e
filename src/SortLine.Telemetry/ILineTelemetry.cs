namespace SortLine.Telemetry;

/// <summary>Where the line reports its state.</summary>
public interface ILineTelemetry
{
    /// <summary>Publishes the line's current state.</summary>
    /// <param name="state">Its state now.</param>
    void SetLineState(LineState state);
}
