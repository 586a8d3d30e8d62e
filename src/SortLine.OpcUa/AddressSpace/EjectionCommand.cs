using System.Buffers.Binary;

namespace SortLine.OpcUa.AddressSpace;

/// <summary>
/// One look-ahead eject command as the PLC receives it through <c>Line/Decisions/LastCommand</c>: fire valves
/// <see cref="FirstValve"/>..<see cref="LastValve"/> while the encoder is between <see cref="EncoderStart"/> and
/// <see cref="EncoderEnd"/>. Published as the OPC UA structure <c>EjectionCommand</c> (see <see cref="SortLineNodeSet"/>).
/// </summary>
/// <remarks>
/// Binary body, little-endian, 38 bytes, fields in this order: SequenceNumber UInt64, FirstValve UInt16, LastValve
/// UInt16, EncoderStart Int64, EncoderEnd Int64, ClassIndex UInt16, Confidence Double.
/// </remarks>
/// <param name="SequenceNumber">Increases by exactly 1 per decision (assigned by the host); a gap seen by a client is a decision it did not get.</param>
/// <param name="FirstValve">First valve (column) of the eject window, 0-based.</param>
/// <param name="LastValve">Last valve, inclusive (≥ <paramref name="FirstValve"/>).</param>
/// <param name="EncoderStart">Encoder count at which the valves open.</param>
/// <param name="EncoderEnd">Encoder count at which they close (≥ <paramref name="EncoderStart"/>).</param>
/// <param name="ClassIndex">Index of the class in <c>Line/ClassNames</c>.</param>
/// <param name="Confidence">Classifier confidence, 0..1.</param>
public readonly record struct EjectionCommand(
    ulong SequenceNumber, ushort FirstValve, ushort LastValve, long EncoderStart, long EncoderEnd, ushort ClassIndex, double Confidence)
{
    /// <summary>Size of the binary body, bytes.</summary>
    public const int EncodedSize = 38;

    /// <summary>Writes the binary body.</summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <see cref="EncodedSize"/>.</exception>
    public void Encode(Span<byte> destination)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(destination.Length, EncodedSize, nameof(destination));
        BinaryPrimitives.WriteUInt64LittleEndian(destination, SequenceNumber);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[8..], FirstValve);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[10..], LastValve);
        BinaryPrimitives.WriteInt64LittleEndian(destination[12..], EncoderStart);
        BinaryPrimitives.WriteInt64LittleEndian(destination[20..], EncoderEnd);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[28..], ClassIndex);
        BinaryPrimitives.WriteDoubleLittleEndian(destination[30..], Confidence);
    }

    /// <summary>Reads a binary body.</summary>
    /// <exception cref="ArgumentException"><paramref name="source"/> is shorter than <see cref="EncodedSize"/>.</exception>
    public static EjectionCommand Decode(ReadOnlySpan<byte> source)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(source.Length, EncodedSize, nameof(source));
        return new EjectionCommand(
            BinaryPrimitives.ReadUInt64LittleEndian(source),
            BinaryPrimitives.ReadUInt16LittleEndian(source[8..]),
            BinaryPrimitives.ReadUInt16LittleEndian(source[10..]),
            BinaryPrimitives.ReadInt64LittleEndian(source[12..]),
            BinaryPrimitives.ReadInt64LittleEndian(source[20..]),
            BinaryPrimitives.ReadUInt16LittleEndian(source[28..]),
            BinaryPrimitives.ReadDoubleLittleEndian(source[30..]));
    }
}
