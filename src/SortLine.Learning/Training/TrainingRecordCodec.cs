using System.Buffers.Binary;
using System.Globalization;
using System.IO.Hashing;
using SortLine.Sensors.Encoder;

namespace SortLine.Learning.Training;

/// <summary>
/// Encodes one training record and its frame. Layout (little-endian; see docs/training-buffer.md):
/// <code>
/// frame:   0 marker "SLRC" | 4 payload length P (uint32) | 8 payload | 8+P CRC-32 of bytes [4, 8+P)
/// payload: 0 sequence (int64) | 8 encoder (int64) | 16 UTC ticks (int64) | 24 line (int64) | 32 pixel (int32)
///          36 label (int32) | 40 confidence (float32) | 44 distance (float32) | 48 weight (float32)
///          52 flags (bit 0 = edge) | 53 reserved 0 | 54 bands (uint16) | 56 LIBS feature count (uint16)
///          58 reserved 0 (uint16) | 60 spectrum float32[bands] | LIBS features float32[count]
/// </code>
/// The CRC covers the length, so a damaged length is caught too.
/// </summary>
internal static class TrainingRecordCodec
{
    public const int FrameOverhead = 12;
    public const int FixedPayload = 60;
    public const int MaxPayload = FixedPayload + (2 * 4 * TrainingPair.MaxValues);
    public static ReadOnlySpan<byte> Marker => "SLRC"u8;

    public static int EncodedLength(TrainingPair pair) => FrameOverhead + FixedPayload + (4 * (pair.Spectrum.Length + pair.LibsFeatures.Length));

    public static void Encode(long sequence, TrainingPair pair, Span<byte> destination)
    {
        int payloadLength = FixedPayload + (4 * (pair.Spectrum.Length + pair.LibsFeatures.Length));
        Marker.CopyTo(destination);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[4..], (uint)payloadLength);
        Span<byte> p = destination.Slice(8, payloadLength);
        BinaryPrimitives.WriteInt64LittleEndian(p, sequence);
        BinaryPrimitives.WriteInt64LittleEndian(p[8..], pair.Encoder.Counts);
        BinaryPrimitives.WriteInt64LittleEndian(p[16..], pair.TimestampUtc.UtcTicks);
        BinaryPrimitives.WriteInt64LittleEndian(p[24..], pair.Line);
        BinaryPrimitives.WriteInt32LittleEndian(p[32..], pair.Pixel);
        BinaryPrimitives.WriteInt32LittleEndian(p[36..], pair.TeacherLabel);
        BinaryPrimitives.WriteSingleLittleEndian(p[40..], pair.TeacherConfidence);
        BinaryPrimitives.WriteSingleLittleEndian(p[44..], pair.TeacherDistance);
        BinaryPrimitives.WriteSingleLittleEndian(p[48..], pair.Weight);
        p[52] = pair.IsEdge ? (byte)1 : (byte)0;
        p[53] = 0;
        BinaryPrimitives.WriteUInt16LittleEndian(p[54..], (ushort)pair.Spectrum.Length);
        BinaryPrimitives.WriteUInt16LittleEndian(p[56..], (ushort)pair.LibsFeatures.Length);
        BinaryPrimitives.WriteUInt16LittleEndian(p[58..], 0);
        int offset = FixedPayload;
        foreach (float v in pair.Spectrum)
        {
            BinaryPrimitives.WriteSingleLittleEndian(p[offset..], v);
            offset += 4;
        }

        foreach (float v in pair.LibsFeatures)
        {
            BinaryPrimitives.WriteSingleLittleEndian(p[offset..], v);
            offset += 4;
        }

        BinaryPrimitives.WriteUInt32LittleEndian(destination[(8 + payloadLength)..], Crc32.HashToUInt32(destination[4..(8 + payloadLength)]));
    }

    /// <summary>Checks the frame at the start of <paramref name="data"/>.</summary>
    /// <returns>The frame length when valid; 0 with <paramref name="problem"/> set when not;
    /// <paramref name="runsPastEnd"/> tells whether the frame is merely incomplete (data ends inside it).</returns>
    public static int CheckFrame(ReadOnlySpan<byte> data, out bool runsPastEnd, out string? problem)
    {
        runsPastEnd = false;
        if (data.Length < 8)
        {
            runsPastEnd = data[..Math.Min(data.Length, 4)].SequenceEqual(Marker[..Math.Min(data.Length, 4)]);
            problem = string.Create(CultureInfo.InvariantCulture, $"only {data.Length} bytes left, fewer than a record header");
            return 0;
        }

        if (!data[..4].SequenceEqual(Marker))
        {
            problem = $"record marker is {Convert.ToHexString(data[..4])}, expected {Convert.ToHexString(Marker)}";
            return 0;
        }

        uint payloadLength = BinaryPrimitives.ReadUInt32LittleEndian(data[4..]);
        if (payloadLength < FixedPayload || payloadLength > MaxPayload || (payloadLength - FixedPayload) % 4 != 0)
        {
            problem = string.Create(CultureInfo.InvariantCulture, $"record length {payloadLength} is impossible");
            return 0;
        }

        int frameLength = (int)payloadLength + FrameOverhead;
        if (frameLength > data.Length)
        {
            runsPastEnd = true;
            problem = string.Create(CultureInfo.InvariantCulture, $"record of {frameLength} bytes runs past the end of the file ({data.Length} bytes left)");
            return 0;
        }

        uint stored = BinaryPrimitives.ReadUInt32LittleEndian(data[(frameLength - 4)..]);
        uint actual = Crc32.HashToUInt32(data[4..(frameLength - 4)]);
        if (stored != actual)
        {
            problem = string.Create(CultureInfo.InvariantCulture, $"record CRC-32 is 0x{stored:X8}, the content gives 0x{actual:X8}");
            return 0;
        }

        ReadOnlySpan<byte> p = data.Slice(8, (int)payloadLength);
        int values = BinaryPrimitives.ReadUInt16LittleEndian(p[54..]) + BinaryPrimitives.ReadUInt16LittleEndian(p[56..]);
        if (FixedPayload + (4 * values) != payloadLength)
        {
            problem = string.Create(CultureInfo.InvariantCulture, $"record length {payloadLength} does not match its {values} values");
            return 0;
        }

        problem = null;
        return frameLength;
    }

    public static long ReadSequence(ReadOnlySpan<byte> frame) => BinaryPrimitives.ReadInt64LittleEndian(frame[8..]);

    public static long ReadEncoder(ReadOnlySpan<byte> frame) => BinaryPrimitives.ReadInt64LittleEndian(frame[16..]);

    public static long ReadUtcTicks(ReadOnlySpan<byte> frame) => BinaryPrimitives.ReadInt64LittleEndian(frame[24..]);

    /// <summary>Decodes a frame that <see cref="CheckFrame"/> accepted.</summary>
    public static StoredTrainingPair Decode(ReadOnlySpan<byte> frame)
    {
        ReadOnlySpan<byte> p = frame[8..];
        int bands = BinaryPrimitives.ReadUInt16LittleEndian(p[54..]);
        int features = BinaryPrimitives.ReadUInt16LittleEndian(p[56..]);
        var spectrum = new float[bands];
        var libs = new float[features];
        int offset = FixedPayload;
        for (int i = 0; i < bands; i++, offset += 4)
        {
            spectrum[i] = BinaryPrimitives.ReadSingleLittleEndian(p[offset..]);
        }

        for (int i = 0; i < features; i++, offset += 4)
        {
            libs[i] = BinaryPrimitives.ReadSingleLittleEndian(p[offset..]);
        }

        var pair = new TrainingPair(
            spectrum,
            BinaryPrimitives.ReadInt32LittleEndian(p[36..]),
            BinaryPrimitives.ReadSingleLittleEndian(p[40..]),
            BinaryPrimitives.ReadSingleLittleEndian(p[44..]),
            libs,
            new EncoderPosition(BinaryPrimitives.ReadInt64LittleEndian(p[8..])),
            new DateTimeOffset(BinaryPrimitives.ReadInt64LittleEndian(p[16..]), TimeSpan.Zero),
            BinaryPrimitives.ReadInt32LittleEndian(p[32..]),
            BinaryPrimitives.ReadInt64LittleEndian(p[24..]),
            (p[52] & 1) != 0,
            BinaryPrimitives.ReadSingleLittleEndian(p[48..]));
        return new StoredTrainingPair(BinaryPrimitives.ReadInt64LittleEndian(p), pair);
    }
}
