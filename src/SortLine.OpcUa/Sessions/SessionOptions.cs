namespace SortLine.OpcUa.Sessions;

/// <summary>Session limits.</summary>
internal sealed record SessionOptions
{
    /// <summary>Most concurrent sessions.</summary>
    public int MaxSessions { get; init; } = 100;

    /// <summary>Shortest revised session timeout.</summary>
    public TimeSpan MinSessionTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Longest revised session timeout.</summary>
    public TimeSpan MaxSessionTimeout { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Browse continuation points per session.</summary>
    public int MaxBrowseContinuationPoints { get; init; } = 10;
}
