using System.Buffers;

namespace SortLine.OpcUa.Encoding;

/// <summary>
/// A growable byte buffer rented from <see cref="ArrayPool{T}.Shared"/> with a hard maximum size, for
/// encoding a whole message body with <see cref="UaBinaryWriter"/> before it is split into chunks. Growing
/// past <see cref="MaxSize"/> makes the writer throw BadEncodingLimitsExceeded. Single owner, not thread-safe;
/// <see cref="Dispose"/> returns the array and is idempotent.
/// </summary>
internal sealed class PooledByteBuffer : IDisposable
{
    private byte[] _array;
    private int _writtenCount;

    /// <summary>Rents an initial buffer.</summary>
    /// <param name="initialCapacity">Initial size in bytes (≥ 1).</param>
    /// <param name="maxSize">Largest size the buffer may grow to, in bytes (≥ <paramref name="initialCapacity"/>).</param>
    /// <exception cref="ArgumentOutOfRangeException">A size is out of range.</exception>
    public PooledByteBuffer(int initialCapacity = 4096, int maxSize = 16 << 20)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(initialCapacity, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSize, initialCapacity);
        MaxSize = maxSize;
        _array = ArrayPool<byte>.Shared.Rent(initialCapacity);
    }

    /// <summary>Largest size the buffer may grow to, in bytes.</summary>
    public int MaxSize { get; }

    /// <summary>Bytes committed by the last <see cref="UaBinaryWriter.Commit"/>.</summary>
    public int WrittenCount => _writtenCount;

    /// <summary>The committed bytes.</summary>
    /// <exception cref="ObjectDisposedException">The buffer was disposed.</exception>
    public ReadOnlyMemory<byte> WrittenMemory
    {
        get
        {
            ObjectDisposedException.ThrowIf(_array.Length == 0, this);
            return _array.AsMemory(0, _writtenCount);
        }
    }

    /// <summary>The committed bytes.</summary>
    public ReadOnlySpan<byte> WrittenSpan => WrittenMemory.Span;

    /// <summary>Forgets the committed bytes (keeps the array).</summary>
    public void Reset() => _writtenCount = 0;

    /// <inheritdoc/>
    public void Dispose()
    {
        byte[] array = _array;
        if (array.Length != 0)
        {
            _array = [];
            _writtenCount = 0;
            ArrayPool<byte>.Shared.Return(array);
        }
    }

    /// <summary>The whole current array (the writer writes into it directly).</summary>
    internal Span<byte> Current
    {
        get
        {
            ObjectDisposedException.ThrowIf(_array.Length == 0, this);
            return _array;
        }
    }

    /// <summary>Grows so at least <paramref name="required"/> bytes fit, keeping the first <paramref name="preserve"/> bytes.</summary>
    /// <returns>False when <paramref name="required"/> exceeds <see cref="MaxSize"/>.</returns>
    internal bool TryGrow(int preserve, long required, out Span<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(_array.Length == 0, this);
        if (required > MaxSize)
        {
            buffer = default;
            return false;
        }

        int newSize = (int)Math.Min(Math.Max(required, (long)_array.Length * 2), MaxSize);
        byte[] larger = ArrayPool<byte>.Shared.Rent(newSize);
        _array.AsSpan(0, preserve).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(_array);
        _array = larger;
        buffer = larger;
        return true;
    }

    /// <summary>Records how many bytes the writer produced.</summary>
    internal void SetWrittenCount(int count)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, _array.Length);
        _writtenCount = count;
    }
}
