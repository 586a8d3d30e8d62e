namespace SortLine.Pipeline;

/// <summary>A monotonically increasing counter with fixed labels (one time series).</summary>
public interface IPipelineCounter
{
    /// <summary>Adds <paramref name="value"/> (≥ 0). Thread-safe and allocation-free.</summary>
    void Add(long value);
}
