namespace SortLine.Telemetry;

/// <summary>Lets workers say whether a readiness condition holds; the service is ready when all hold.</summary>
/// <remarks>Thread-safe. Conditions start unmet.</remarks>
public interface IReadinessReporter
{
    /// <summary>Sets whether <paramref name="condition"/> holds.</summary>
    /// <param name="condition">The condition.</param>
    /// <param name="isMet">Whether it holds now.</param>
    void SetCondition(ReadinessCondition condition, bool isMet);
}
