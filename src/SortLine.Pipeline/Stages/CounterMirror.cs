namespace SortLine.Pipeline.Stages;

/// <summary>Publishes a component's running total (a plain <see cref="long"/> property) to a pipeline counter as deltas.</summary>
internal sealed class CounterMirror(IPipelineCounter counter)
{
    private long _published;

    /// <summary>Adds the growth of <paramref name="total"/> since the last call.</summary>
    public void Publish(long total)
    {
        long delta = total - _published;
        if (delta > 0)
        {
            counter.Add(delta);
            _published = total;
        }
    }
}
