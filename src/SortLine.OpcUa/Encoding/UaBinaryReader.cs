using System.Runtime.CompilerServices;
using SortLine.OpcUa.Internal;

namespace SortLine.OpcUa.Encoding;

/// <summary>
/// Reads OPC UA Binary (OPC 10000-6 §5.2) from untrusted bytes. Every read is bounds-checked, every length
/// prefix is checked against <see cref="UaEncodingLimits"/> and against the bytes left before anything is
/// allocated, and nesting of Variant, DataValue, ExtensionObject and DiagnosticInfo is depth-counted.
/// Malformed input raises only <see cref="UaDecodingException"/> (BadDecodingError or
/// BadEncodingLimitsExceeded) carrying the absolute byte offset.
/// </summary>
/// <remarks>Split by concern: Primitives, Strings, Arrays, NodeIds, Texts, ExtensionObjects, DataValues, Variants, DiagnosticInfos.</remarks>
internal ref partial struct UaBinaryReader
{
    private readonly ReadOnlySpan<byte> _buffer;
    private readonly UaEncodingLimits _limits;
    private readonly long _baseOffset;
    private int _position;
    private int _depth;

    /// <summary>Creates a reader over <paramref name="buffer"/>.</summary>
    /// <param name="buffer">The bytes to decode.</param>
    /// <param name="limits">Limits to enforce; <see cref="UaEncodingLimits.Default"/> when null.</param>
    /// <param name="baseOffset">Offset of <paramref name="buffer"/> within the enclosing message, so errors report message offsets.</param>
    public UaBinaryReader(ReadOnlySpan<byte> buffer, UaEncodingLimits? limits = null, long baseOffset = 0)
    {
        _buffer = buffer;
        _limits = limits ?? UaEncodingLimits.Default;
        _baseOffset = baseOffset;
        _position = 0;
        _depth = 0;
    }

    /// <summary>Bytes consumed so far.</summary>
    public readonly int Position => _position;

    /// <summary>Bytes left.</summary>
    public readonly int Remaining => _buffer.Length - _position;

    /// <summary>True when every byte has been consumed.</summary>
    public readonly bool IsAtEnd => _position == _buffer.Length;

    /// <summary>The limits this reader enforces.</summary>
    public readonly UaEncodingLimits Limits => _limits;

    /// <summary>Current nesting depth (0 at top level).</summary>
    public readonly int Depth => _depth;

    /// <summary>Absolute offset of the next byte (base offset plus position), as reported in errors.</summary>
    public readonly long Offset => _baseOffset + _position;

    /// <summary>Throws BadDecodingError unless every byte has been consumed (a message body must not carry trailing bytes).</summary>
    /// <exception cref="UaDecodingException">Bytes remain.</exception>
    public readonly void EnsureAtEnd()
    {
        if (_position != _buffer.Length)
        {
            ThrowHelper.ThrowDecoding(Offset, "Unexpected trailing bytes: " + Remaining.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    /// <summary>Consumes <paramref name="count"/> bytes and returns them.</summary>
    /// <exception cref="UaDecodingException">Fewer bytes are left.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ReadOnlySpan<byte> ReadBytes(int count)
    {
        if ((uint)count > (uint)(_buffer.Length - _position))
        {
            ThrowHelper.ThrowTruncated(Offset, count, Remaining);
        }

        ReadOnlySpan<byte> bytes = _buffer.Slice(_position, count);
        _position += count;
        return bytes;
    }

    /// <summary>Enters one level of nesting; throws BadEncodingLimitsExceeded past the configured depth.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void EnterNested()
    {
        if (++_depth > _limits.MaxNestingDepth)
        {
            ThrowHelper.ThrowDecodingLimit(Offset, "Nesting depth", _depth, _limits.MaxNestingDepth);
        }
    }

    /// <summary>Leaves one level of nesting.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void ExitNested() => _depth--;

    /// <summary>
    /// Validates a length prefix before anything is allocated: -1 means null (returned as -1), below -1 is
    /// BadDecodingError, above <paramref name="limit"/> is BadEncodingLimitsExceeded, and more than the bytes
    /// left (at <paramref name="minElementSize"/> bytes per element) is BadDecodingError.
    /// </summary>
    private readonly int CheckLength(int length, int limit, int minElementSize, long prefixOffset, string what)
    {
        if (length < -1)
        {
            ThrowHelper.ThrowDecoding(prefixOffset, what + " has invalid length " + length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (length > limit)
        {
            ThrowHelper.ThrowDecodingLimit(prefixOffset, what + " length", length, limit);
        }

        if (length > 0 && (long)length * minElementSize > Remaining)
        {
            ThrowHelper.ThrowTruncated(Offset, length * minElementSize, Remaining);
        }

        return length;
    }
}
