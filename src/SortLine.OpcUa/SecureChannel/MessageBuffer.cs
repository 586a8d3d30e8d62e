using System.Buffers;

namespace SortLine.OpcUa.SecureChannel;

/// <summary>A reassembled message body in a pooled array. Single owner; <see cref="Dispose"/> returns the array and is idempotent.</summary>
internal sealed class MessageBuffer : IDisposable
{
    private byte[] _array;
    private int _length;

    /// <summary>Creates a buffer with room for <paramref name="capacity"/> bytes.</summary>
    public MessageBuffer(int capacity) => _array = ArrayPool<byte>.Shared.Rent(Math.Max(capacity, 256));

    /// <summary>Bytes of this message reserved in the server's <see cref="ReassemblyBudget"/> (set by the channel).</summary>
    public long Reserved { get; set; }

    /// <summary>Number of chunks appended.</summary>
    public int ChunkCount { get; private set; }

    /// <summary>Bytes held.</summary>
    public int Length => _length;

    /// <summary>The bytes held.</summary>
    public ReadOnlyMemory<byte> Memory => _array.AsMemory(0, _length);

    /// <summary>Appends one chunk's body.</summary>
    public void Append(ReadOnlySpan<byte> chunkBody)
    {
        ObjectDisposedException.ThrowIf(_array.Length == 0, this);
        if (_array.Length - _length < chunkBody.Length)
        {
            byte[] larger = ArrayPool<byte>.Shared.Rent(Math.Max(_array.Length * 2, _length + chunkBody.Length));
            _array.AsSpan(0, _length).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_array);
            _array = larger;
        }

        chunkBody.CopyTo(_array.AsSpan(_length));
        _length += chunkBody.Length;
        ChunkCount++;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        byte[] array = _array;
        if (array.Length != 0)
        {
            _array = [];
            _length = 0;
            ArrayPool<byte>.Shared.Return(array);
        }
    }
}
