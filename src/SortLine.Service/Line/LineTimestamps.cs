namespace SortLine.Service.Line;

/// <summary>
/// The acquisition timestamps of recent classified lines by encoder position, so the decision latency (acquisition of
/// the line that closed a particle to its decision) can be measured where the decision is made.
/// </summary>
/// <remarks>A small ring under a lock: one writer (classification), one reader (decision tap); lines arrive in encoder order.</remarks>
internal sealed class LineTimestamps
{
    private const int Capacity = 4096;
    private readonly long[] _encoder = new long[Capacity];
    private readonly long[] _timestamp = new long[Capacity];
    private readonly Lock _gate = new();
    private long _count;

    /// <summary>Records one line.</summary>
    public void Add(long encoderCounts, long timestamp)
    {
        lock (_gate)
        {
            int slot = (int)(_count % Capacity);
            _encoder[slot] = encoderCounts;
            _timestamp[slot] = timestamp;
            _count++;
        }
    }

    /// <summary>Finds the timestamp of the newest line at <paramref name="encoderCounts"/>.</summary>
    public bool TryFind(long encoderCounts, out long timestamp)
    {
        lock (_gate)
        {
            long oldest = Math.Max(0, _count - Capacity);
            for (long i = _count - 1; i >= oldest; i--)
            {
                int slot = (int)(i % Capacity);
                if (_encoder[slot] == encoderCounts)
                {
                    timestamp = _timestamp[slot];
                    return true;
                }

                if (_encoder[slot] < encoderCounts)
                {
                    break;
                }
            }
        }

        timestamp = 0;
        return false;
    }
}
