using System.Diagnostics;

namespace SortLine.Sensors;

/// <summary>
/// A fixed set of preallocated samples (SWIR lines or LIBS points) that a driver fills and a consumer returns,
/// like a frame grabber's buffer ring: steady-state acquisition allocates nothing. When every sample is out
/// (the consumer is behind), <see cref="TryRent"/> fails and the driver counts a dropped sample rather than
/// growing memory.
/// </summary>
/// <typeparam name="T">The pooled sample type.</typeparam>
/// <remarks>Thread-safe. A rented sample has exactly one owner until it is returned.</remarks>
public sealed class SamplePool<T>
    where T : PooledSample
{
    private readonly T[] _free;
    private readonly Lock _gate = new();
    private int _count;

    /// <summary>Creates a pool of <paramref name="capacity"/> samples made by <paramref name="create"/>.</summary>
    /// <param name="capacity">Number of samples (≥ 1).</param>
    /// <param name="create">Creates one sample; called <paramref name="capacity"/> times, now.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is less than 1.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="create"/> is null.</exception>
    public SamplePool(int capacity, Func<Action<PooledSample>, T> create)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ArgumentNullException.ThrowIfNull(create);
        _free = new T[capacity];
        for (int i = 0; i < capacity; i++)
        {
            _free[i] = create(sample => Return((T)sample));
        }

        _count = capacity;
    }

    /// <summary>Gets the number of samples in the pool.</summary>
    public int Capacity => _free.Length;

    /// <summary>Gets the number of samples not rented out now.</summary>
    public int Available
    {
        get
        {
            lock (_gate)
            {
                return _count;
            }
        }
    }

    /// <summary>Takes a free sample, or returns false when all are rented out.</summary>
    public bool TryRent(out T sample)
    {
        lock (_gate)
        {
            if (_count == 0)
            {
                sample = null!;
                return false;
            }

            sample = _free[--_count];
            _free[_count] = null!;
            sample.MarkRented();
            return true;
        }
    }

    /// <summary>Gives a sample back. Called once per rent by the sample's <c>Dispose</c>.</summary>
    private void Return(T sample)
    {
        lock (_gate)
        {
            Debug.Assert(_count < _free.Length, "PooledSample.Dispose guards against double returns.");
            _free[_count++] = sample;
        }
    }
}
