namespace SortLine.OpcUa.SecureChannel;

/// <summary>
/// The server-wide budget of memory for multi-chunk requests being reassembled, shared by every channel: each channel
/// is bounded on its own (MaxMessageSize × pending messages), but 200 connections each holding several partial 16 MB
/// messages would still exhaust the process. A channel reserves the body bytes of every intermediate (<c>C</c>) chunk
/// it holds and releases them when the message completes, is aborted, or the channel closes; a chunk that does not fit
/// fails that one channel with Bad_TcpNotEnoughResources (ERR, then close), and the others keep their reservations.
/// </summary>
/// <remarks>Thread-safe (one Interlocked update per reservation).</remarks>
internal sealed class ReassemblyBudget
{
    private long _inUse;

    /// <summary>Creates a budget of <paramref name="capacityBytes"/> bytes.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The capacity is less than 1.</exception>
    public ReassemblyBudget(long capacityBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacityBytes, 1);
        Capacity = capacityBytes;
    }

    /// <summary>Gets the capacity, bytes.</summary>
    public long Capacity { get; }

    /// <summary>Gets the bytes reserved now.</summary>
    public long InUse => Interlocked.Read(ref _inUse);

    /// <summary>Reserves <paramref name="bytes"/> if they fit.</summary>
    /// <returns>False (nothing reserved) when the budget would be exceeded.</returns>
    public bool TryReserve(int bytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bytes);
        long current = Interlocked.Read(ref _inUse);
        while (true)
        {
            long next = current + bytes;
            if (next > Capacity)
            {
                return false;
            }

            long seen = Interlocked.CompareExchange(ref _inUse, next, current);
            if (seen == current)
            {
                return true;
            }

            current = seen;
        }
    }

    /// <summary>Returns reserved bytes.</summary>
    public void Release(long bytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bytes);
        long after = Interlocked.Add(ref _inUse, -bytes);
        System.Diagnostics.Debug.Assert(after >= 0, "Released more than reserved.");
    }
}
