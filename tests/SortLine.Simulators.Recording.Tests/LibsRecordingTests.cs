using FsCheck;
using FsCheck.Xunit;
using SortLine.Sensors;
using SortLine.Sensors.Encoder;
using SortLine.Sensors.Libs;
using SortLine.Simulators.Recording.Libs;
using SortLine.Testing;

namespace SortLine.Simulators.Recording.Tests;

public sealed class LibsRecordingTests
{
    private const int Points = 6;

    private static List<LibsPoint> ReadUntilError(string path, out RecordingFormatException? error)
    {
        var points = new List<LibsPoint>();
        error = null;
        using LibsRecordingReader reader = LibsRecordingReader.Open(path);
        try
        {
            while (true)
            {
                var p = new LibsPoint(null, reader.Info.Channels);
                if (!reader.TryReadNext(p))
                {
                    break;
                }

                points.Add(p);
            }
        }
        catch (RecordingFormatException ex)
        {
            error = ex;
        }

        return points;
    }

    private static void AssertIsPoint(int i, LibsPoint p)
    {
        var expected = new LibsPoint(null, LibsTestData.Channels);
        LibsTestData.Fill(expected, i, LibsTestData.Timestamp(i));
        Assert.Equal(expected.Spectrum.ToArray(), p.Spectrum.ToArray());
        Assert.Equal(expected.Stamp, p.Stamp);
        Assert.Equal((expected.ScanXMm, expected.ScanYMm), (p.ScanXMm, p.ScanYMm));
    }

    [Fact]
    public void Read_RecordedPoints_RoundTripExactly()
    {
        using var dir = new TempDirectory();
        LibsTestData.Write(dir.File("a.slibs"), Points);

        List<LibsPoint> points = ReadUntilError(dir.File("a.slibs"), out RecordingFormatException? error);
        using LibsRecordingReader reader = LibsRecordingReader.Open(dir.File("a.slibs"));

        Assert.Null(error);
        Assert.Equal(Points, points.Count);
        for (int i = 0; i < Points; i++)
        {
            AssertIsPoint(i, points[i]);
        }

        LibsSpectrometerInfo info = LibsTestData.Info();
        Assert.Equal(info.Model, reader.Info.Model);
        Assert.Equal(info.ChannelWavelengthsNm, reader.Info.ChannelWavelengthsNm);
        Assert.Equal(info.SegmentStarts, reader.Info.SegmentStarts);
        Assert.Equal(info.MaxPointRateHz, reader.Info.MaxPointRateHz);
        Assert.Equal(1_000_000, reader.TimestampFrequency);
    }

    [Theory]
    [InlineData(0, 2)]     // inside the length field of record 0
    [InlineData(2, 30)]    // inside record 2's stamp
    [InlineData(4, 100)]   // inside record 4's spectrum
    [InlineData(5, -1)]    // last byte (CRC) of the last record missing
    public void Read_TruncatedRecord_DeliversEarlierRecordsThenNamesFileAndOffset(int record, int bytesInto)
    {
        using var dir = new TempDirectory();
        string path = dir.File("cut.slibs");
        (long header, int size) = LibsTestData.Write(path, Points);
        long recordStart = header + (record * size);
        long cut = bytesInto >= 0 ? recordStart + bytesInto : recordStart + size + bytesInto;
        using (var fs = new FileStream(path, FileMode.Open))
        {
            fs.SetLength(cut);
        }

        List<LibsPoint> points = ReadUntilError(path, out RecordingFormatException? error);

        Assert.Equal(record, points.Count);
        Assert.NotNull(error);
        Assert.Equal(path, error.FilePath);
        Assert.Equal(recordStart, error.ByteOffset);
        Assert.Contains($"{path}, byte offset {recordStart}", error.Message, StringComparison.Ordinal);
        Assert.Contains($"file ends at byte offset {cut}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TruncatedAtRecordBoundary_EndsCleanly()
    {
        using var dir = new TempDirectory();
        string path = dir.File("cut.slibs");
        (long header, int size) = LibsTestData.Write(path, Points);
        using (var fs = new FileStream(path, FileMode.Open))
        {
            fs.SetLength(header + (3 * size));
        }

        List<LibsPoint> points = ReadUntilError(path, out RecordingFormatException? error);

        Assert.Null(error);
        Assert.Equal(3, points.Count);
    }

    [Theory]
    [InlineData(1, 0, "corrupt length")]
    [InlineData(1, 6, "checksum mismatch")]
    [InlineData(3, 60, "checksum mismatch")]
    [InlineData(5, -1, "checksum mismatch")]
    public void Read_BitFlippedRecord_DeliversEarlierRecordsThenNamesFileAndOffset(int record, int byteInRecord, string reason)
    {
        using var dir = new TempDirectory();
        string path = dir.File("flip.slibs");
        (long header, int size) = LibsTestData.Write(path, Points);
        long recordStart = header + (record * size);
        byte[] bytes = File.ReadAllBytes(path);
        bytes[recordStart + (byteInRecord >= 0 ? byteInRecord : size + byteInRecord)] ^= 0x10;
        File.WriteAllBytes(path, bytes);

        List<LibsPoint> points = ReadUntilError(path, out RecordingFormatException? error);

        Assert.Equal(record, points.Count);
        AssertIsPoint(record - 1, points[^1]);
        Assert.NotNull(error);
        Assert.Equal(recordStart, error.ByteOffset);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Property(Replay = "(20251123,4243)", MaxTest = 40)]
    public void Read_AnySingleBitFlipInRecords_DeliversExactlyTheRecordsBeforeIt(NonNegativeInt recordSeed, NonNegativeInt byteSeed, NonNegativeInt bitSeed)
    {
        using var dir = new TempDirectory();
        string path = dir.File("flip.slibs");
        (long header, int size) = LibsTestData.Write(path, Points);
        int record = recordSeed.Get % Points;
        long at = header + (record * size) + (byteSeed.Get % size);
        byte[] bytes = File.ReadAllBytes(path);
        bytes[at] ^= (byte)(1 << (bitSeed.Get % 8));
        File.WriteAllBytes(path, bytes);

        List<LibsPoint> points = ReadUntilError(path, out RecordingFormatException? error);

        Assert.Equal(record, points.Count);
        Assert.NotNull(error);
        Assert.Equal(header + (record * size), error.ByteOffset);
    }

    [Theory]
    [InlineData(0, "magic")]
    [InlineData(8, "version")]
    [InlineData(50, "checksum")]
    public void Open_DamagedFileHeader_ThrowsNamingFile(int offset, string reason)
    {
        using var dir = new TempDirectory();
        string path = dir.File("bad.slibs");
        LibsTestData.Write(path, 1);
        byte[] bytes = File.ReadAllBytes(path);
        bytes[offset] ^= 0x01;
        File.WriteAllBytes(path, bytes);

        RecordingFormatException ex = Assert.Throws<RecordingFormatException>(() => LibsRecordingReader.Open(path));

        Assert.Equal(path, ex.FilePath);
        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_FileCutInsideHeader_ThrowsNamingFileAndOffset()
    {
        using var dir = new TempDirectory();
        string path = dir.File("short.slibs");
        (long header, _) = LibsTestData.Write(path, 0);
        using (var fs = new FileStream(path, FileMode.Open))
        {
            fs.SetLength(header - 3);
        }

        RecordingFormatException ex = Assert.Throws<RecordingFormatException>(() => LibsRecordingReader.Open(path));

        Assert.Equal(header - 3, ex.ByteOffset);
        Assert.Contains("ends inside", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Append_SteadyState_AllocatesNothing()
    {
        using var dir = new TempDirectory();
        using var recorder = LibsRecorder.Create(dir.File("a.slibs"), LibsTestData.Info());
        var p = new LibsPoint(null, LibsTestData.Channels);
        LibsTestData.Fill(p, 0, 0);
        long next = 0;

        AllocationAssert.NoAllocations(() =>
        {
            for (int i = 0; i < 50; i++, next++)
            {
                p.Stamp = new SampleStamp(next, new EncoderPosition(10_000 + (next * 125)), next * 20_000); // in acquisition order
                recorder.Append(p);
            }
        });
    }

    [Fact]
    public void Rewind_AfterReadingAll_ReadsFromTheFirstRecordAgain()
    {
        using var dir = new TempDirectory();
        LibsTestData.Write(dir.File("a.slibs"), 2);
        using LibsRecordingReader reader = LibsRecordingReader.Open(dir.File("a.slibs"));
        while (reader.TryReadNext(out _))
        {
        }

        reader.Rewind();
        var p = new LibsPoint(null, LibsTestData.Channels);

        Assert.True(reader.TryReadNext(p));
        AssertIsPoint(0, p);
    }

    [Theory]
    [InlineData(4, -2, "sequence")]    // record 3 stores sequence 1, after 2: not increasing
    [InlineData(12, -1000, "encoder")] // encoder count lower than the previous record's
    [InlineData(20, -100_000, "timestamp")]
    public void Read_RecordGoingBackWithValidCrc_DeliversEarlierRecordsThenNamesFileAndOffset(int field, long delta, string what)
    {
        using var dir = new TempDirectory();
        string path = dir.File("a.slibs");
        (long header, int record) = LibsTestData.Write(path, Points);
        byte[] bytes = File.ReadAllBytes(path);
        const int Bad = 3;
        Span<byte> r = bytes.AsSpan((int)(header + (Bad * record)), record);
        System.Buffers.Binary.BinaryPrimitives.WriteInt64LittleEndian(r[field..], System.Buffers.Binary.BinaryPrimitives.ReadInt64LittleEndian(r[field..]) + delta);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(r[(record - 4)..], Crc32.Compute(r[..(record - 4)])); // a valid record, written out of order
        File.WriteAllBytes(path, bytes);

        List<LibsPoint> points = ReadUntilError(path, out RecordingFormatException? error);

        Assert.Equal(Bad, points.Count);
        for (int i = 0; i < Bad; i++)
        {
            AssertIsPoint(i, points[i]);
        }

        Assert.NotNull(error);
        Assert.Equal(Path.GetFullPath(path), Path.GetFullPath(error.FilePath));
        Assert.Equal(header + (Bad * record), error.ByteOffset);
        Assert.Contains("goes back", error.Message, StringComparison.Ordinal);
        Assert.Contains(what, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Append_StampGoingBack_RefusedAndNothingWritten()
    {
        using var dir = new TempDirectory();
        string path = dir.File("a.slibs");
        using var recorder = LibsRecorder.Create(path, LibsTestData.Info(), new LibsRecorderOptions { TimestampFrequency = 1_000_000 });
        var p = new LibsPoint(null, LibsTestData.Channels);
        LibsTestData.Fill(p, 5, LibsTestData.Timestamp(5));
        recorder.Append(p);
        long length = new FileInfo(path).Length;

        LibsTestData.Fill(p, 4, LibsTestData.Timestamp(4));
        ArgumentException refused = Assert.Throws<ArgumentException>(() => recorder.Append(p));
        LibsTestData.Fill(p, 6, LibsTestData.Timestamp(6));
        recorder.Append(p); // the next point in order is still taken

        Assert.Equal("point", refused.ParamName);
        Assert.Equal(2, recorder.PointsWritten);
        Assert.True(new FileInfo(path).Length > length);
    }
}
