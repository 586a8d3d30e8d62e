using System.Buffers.Binary;
using System.Text;
using SortLine.Sensors;
using SortLine.Sensors.Libs;

namespace SortLine.Simulators.Recording.Libs;

/// <summary>
/// Layout of a SortLine LIBS recording (<c>.slibs</c>), version 1; all numbers little-endian. Documented for users in
/// docs/recording-formats.md.
/// </summary>
/// <remarks>
/// <code>
/// File header                                   Record (one per point)
///  0  8  magic "SORTLIBS"                        0  4  length N = 48 + 4C (bytes after this field)
///  8  2  version (1)                             4  8  sequence (int64)
/// 10  2  reserved (0)                           12  8  encoder counts (int64)
/// 12  4  header length H (bytes, incl. CRC)     20  8  timestamp (int64, ticks)
/// 16  4  channel count C                        28  8  scan x, mm (float64)
/// 20  4  segment count S                        36  8  scan y, mm (float64)
/// 24  8  timestamp frequency, ticks/s (int64)   44  4  channel count (int32, = C)
/// 32  8  max point rate, Hz (float64)           48 4C  spectrum, counts (float32)
/// 40  4  model name length M (UTF-8 bytes)    48+4C 4  CRC-32 of bytes [0, 48+4C)
/// 44  M  model name
/// .. 8C  channel wavelengths, nm (float64)
/// .. 4S  segment starts (int32)
/// H-4 4  CRC-32 of bytes [0, H-4)
/// </code>
/// </remarks>
internal static class LibsRecordingFormat
{
    /// <summary>The 8-byte magic.</summary>
    public static ReadOnlySpan<byte> Magic => "SORTLIBS"u8;

    /// <summary>The format version this code writes and reads.</summary>
    public const ushort Version = 1;

    /// <summary>Whether a record's stamp goes back from the previous one's: the sequence must increase, the encoder count
    /// and the timestamp must not decrease (equal counts: a stopped belt).</summary>
    public static bool GoesBack(SampleStamp previous, SampleStamp next) =>
        next.Sequence <= previous.Sequence || next.Encoder < previous.Encoder || next.Timestamp < previous.Timestamp;

    /// <summary>Bytes of the file header before the model name.</summary>
    public const int FixedHeaderBytes = 44;

    /// <summary>Bytes of a record before the spectrum.</summary>
    public const int RecordPrefixBytes = 48;

    /// <summary>Upper bound on a plausible header, so a corrupt length field cannot make the reader allocate gigabytes.</summary>
    public const int MaxHeaderBytes = 64 << 20;

    /// <summary>Total bytes of one record for <paramref name="channels"/> channels (length field, body and CRC).</summary>
    public static int RecordBytes(int channels) => RecordPrefixBytes + (4 * channels) + 4;

    /// <summary>Serialises the file header, CRC included.</summary>
    public static byte[] EncodeHeader(LibsSpectrometerInfo info, long timestampFrequency)
    {
        byte[] model = Encoding.UTF8.GetBytes(info.Model);
        int c = info.Channels;
        int s = info.SegmentStarts.Count;
        int length = checked(FixedHeaderBytes + model.Length + (8 * c) + (4 * s) + 4);
        var h = new byte[length];
        Magic.CopyTo(h);
        BinaryPrimitives.WriteUInt16LittleEndian(h.AsSpan(8), Version);
        BinaryPrimitives.WriteInt32LittleEndian(h.AsSpan(12), length);
        BinaryPrimitives.WriteInt32LittleEndian(h.AsSpan(16), c);
        BinaryPrimitives.WriteInt32LittleEndian(h.AsSpan(20), s);
        BinaryPrimitives.WriteInt64LittleEndian(h.AsSpan(24), timestampFrequency);
        BinaryPrimitives.WriteDoubleLittleEndian(h.AsSpan(32), info.MaxPointRateHz);
        BinaryPrimitives.WriteInt32LittleEndian(h.AsSpan(40), model.Length);
        model.CopyTo(h, FixedHeaderBytes);
        int at = FixedHeaderBytes + model.Length;
        for (int i = 0; i < c; i++, at += 8)
        {
            BinaryPrimitives.WriteDoubleLittleEndian(h.AsSpan(at), info.ChannelWavelengthsNm[i]);
        }

        for (int i = 0; i < s; i++, at += 4)
        {
            BinaryPrimitives.WriteInt32LittleEndian(h.AsSpan(at), info.SegmentStarts[i]);
        }

        BinaryPrimitives.WriteUInt32LittleEndian(h.AsSpan(at), Crc32.Compute(h.AsSpan(0, at)));
        return h;
    }
}
