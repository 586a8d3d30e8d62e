using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using SortLine.OpcUa.Internal;

namespace SortLine.OpcUa.Encoding;

/// <summary>
/// Writes OPC UA Binary (OPC 10000-6 §5.2), either into a fixed <see cref="Span{T}"/> (a chunk-sized
/// destination: running out of room throws <see cref="UaEncodingException"/> with BadEncodingLimitsExceeded,
/// which is how a caller detects overflow, as open62541's encoder does) or into a <see cref="PooledByteBuffer"/>
/// that grows up to its maximum size. Values over <see cref="UaEncodingLimits"/> are refused the same way,
/// so the server never emits what it would itself reject.
/// </summary>
/// <remarks>
/// The room check is a real check, not a Debug.Assert (style guide B4 allows either): message sizes depend
/// on variable-length values, and checking one compare per primitive is cheaper than a separate sizing pass.
/// Split by concern: Primitives, Strings, Arrays, NodeIds, Texts, ExtensionObjects, DataValues, Variants, DiagnosticInfos.
/// </remarks>
internal ref partial struct UaBinaryWriter
{
    private readonly PooledByteBuffer? _growable;
    private readonly UaEncodingLimits _limits;
    private Span<byte> _buffer;
    private int _position;
    private int _depth;

    /// <summary>Creates a writer over a fixed destination.</summary>
    /// <param name="destination">Where to write; its length is the hard size limit.</param>
    /// <param name="limits">Limits to enforce; <see cref="UaEncodingLimits.Default"/> when null.</param>
    public UaBinaryWriter(Span<byte> destination, UaEncodingLimits? limits = null)
    {
        _growable = null;
        _limits = limits ?? UaEncodingLimits.Default;
        _buffer = destination;
        _position = 0;
        _depth = 0;
    }

    /// <summary>Creates a writer that writes from the start of <paramref name="buffer"/>, growing it as needed.</summary>
    /// <param name="buffer">The pooled buffer; call <see cref="Commit"/> to publish the written length.</param>
    /// <param name="limits">Limits to enforce; <see cref="UaEncodingLimits.Default"/> when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="buffer"/> is null.</exception>
    public UaBinaryWriter(PooledByteBuffer buffer, UaEncodingLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        _growable = buffer;
        _limits = limits ?? UaEncodingLimits.Default;
        _buffer = buffer.Current;
        _position = 0;
        _depth = 0;
    }

    /// <summary>Bytes written so far.</summary>
    public readonly int Position => _position;

    /// <summary>The bytes written so far.</summary>
    public readonly ReadOnlySpan<byte> WrittenSpan => _buffer[.._position];

    /// <summary>The limits this writer enforces.</summary>
    public readonly UaEncodingLimits Limits => _limits;

    /// <summary>Publishes the written length to the <see cref="PooledByteBuffer"/> (no-op for a fixed destination).</summary>
    public readonly void Commit() => _growable?.SetWrittenCount(_position);

    /// <summary>Writes raw bytes.</summary>
    /// <exception cref="UaEncodingException">No room (BadEncodingLimitsExceeded).</exception>
    public void WriteBytes(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(Reserve(bytes.Length));
    }

    /// <summary>Overwrites a UInt32 already written at <paramref name="position"/> (e.g. a MessageSize placeholder).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The four bytes at <paramref name="position"/> have not been written.</exception>
    public readonly void PatchUInt32(int position, uint value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(position);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(position, _position - sizeof(uint));
        BinaryPrimitives.WriteUInt32LittleEndian(_buffer[position..], value);
    }

    /// <summary>Returns the next <paramref name="count"/> bytes to fill and advances past them.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal Span<byte> Reserve(int count)
    {
        if (_buffer.Length - _position < count)
        {
            Grow(count);
        }

        Span<byte> span = _buffer.Slice(_position, count);
        _position += count;
        return span;
    }

    /// <summary>Enters one level of nesting; throws BadEncodingLimitsExceeded past the configured depth.</summary>
    internal void EnterNested()
    {
        if (++_depth > _limits.MaxNestingDepth)
        {
            ThrowHelper.ThrowEncodingLimit(_position, "Nesting depth", _depth, _limits.MaxNestingDepth);
        }
    }

    /// <summary>Leaves one level of nesting.</summary>
    internal void ExitNested() => _depth--;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Grow(int count)
    {
        long required = (long)_position + count;
        if (_growable is null || !_growable.TryGrow(_position, required, out Span<byte> larger))
        {
            ThrowHelper.ThrowEncodingLimit(_position, "Encoded size", required, _growable?.MaxSize ?? _buffer.Length);
            return;
        }

        _buffer = larger;
    }
}
