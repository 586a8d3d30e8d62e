using System.Buffers.Binary;
using System.Globalization;
using System.IO.Hashing;

namespace SortLine.Learning.Training;

/// <summary>
/// The 28-byte header of a training buffer segment file:
/// <c>0 magic "SLTRSEG1" | 8 format version (uint32) = 1 | 12 first sequence (int64) | 20 reserved (uint32) = 0 | 24 CRC-32 of [0, 24)</c>.
/// </summary>
internal static class SegmentHeader
{
    public const int Length = 28;
    public const uint FormatVersion = 1;
    public const string FileExtension = ".sltrain";
    private static ReadOnlySpan<byte> Magic => "SLTRSEG1"u8;

    public static string FileName(long firstSequence) => firstSequence.ToString("D20", CultureInfo.InvariantCulture) + FileExtension;

    public static void Write(long firstSequence, Span<byte> destination)
    {
        Magic.CopyTo(destination);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[8..], FormatVersion);
        BinaryPrimitives.WriteInt64LittleEndian(destination[12..], firstSequence);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[20..], 0);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[24..], Crc32.HashToUInt32(destination[..24]));
    }

    /// <summary>Reads the first sequence number, or returns the problem.</summary>
    public static string? TryRead(ReadOnlySpan<byte> data, out long firstSequence)
    {
        firstSequence = 0;
        if (data.Length < Length)
        {
            return string.Create(CultureInfo.InvariantCulture, $"the file has {data.Length} bytes, fewer than the {Length}-byte segment header");
        }

        if (!data[..8].SequenceEqual(Magic))
        {
            return "the segment header magic is not SLTRSEG1";
        }

        if (BinaryPrimitives.ReadUInt32LittleEndian(data[24..]) != Crc32.HashToUInt32(data[..24]))
        {
            return "the segment header CRC-32 does not match";
        }

        uint version = BinaryPrimitives.ReadUInt32LittleEndian(data[8..]);
        if (version != FormatVersion)
        {
            return string.Create(CultureInfo.InvariantCulture, $"segment format version {version} is not supported (this build reads {FormatVersion})");
        }

        firstSequence = BinaryPrimitives.ReadInt64LittleEndian(data[12..]);
        return firstSequence < 0 ? "the first sequence number is negative" : null;
    }
}
