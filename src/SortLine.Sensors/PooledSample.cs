namespace SortLine.Sensors;

/// <summary>
/// Base of pooled sensor samples: tracks whether the sample is rented, so that returning it twice (which would
/// hand one buffer to two owners) fails loudly instead of corrupting data.
/// </summary>
public abstract class PooledSample : IDisposable
{
    private readonly Action<PooledSample>? _return;
    private int _isRented;

    /// <summary>Creates a sample that returns itself through <paramref name="returnToPool"/> (or is unpooled when null).</summary>
    protected PooledSample(Action<PooledSample>? returnToPool) => _return = returnToPool;

    /// <summary>Marks the sample as handed out by its pool.</summary>
    internal void MarkRented() => Volatile.Write(ref _isRented, 1);

    /// <summary>Returns the sample to its pool (no-op for an unpooled sample).</summary>
    /// <exception cref="InvalidOperationException">The sample was already returned.</exception>
    public void Dispose()
    {
        if (_return is null)
        {
            return;
        }

        if (Interlocked.Exchange(ref _isRented, 0) == 0)
        {
            throw new InvalidOperationException($"This {GetType().Name} was already returned to its pool; a pooled sample has one owner and is disposed once.");
        }

        _return(this);
        GC.SuppressFinalize(this);
    }
}
