using SortLine.Learning.CrashWriter;
using SortLine.Learning.Training;
using SortLine.Sensors.Encoder;

namespace SortLine.Learning.Tests.Training;

public sealed class TrainingBufferTests : IDisposable
{
    private static readonly int RecordLength = TrainingRecordCodec.EncodedLength(CrashRecords.Create(0));
    private readonly string _directory = Directory.CreateTempSubdirectory("sortline-buffer-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Append_ThenReopen_ReadsEveryRecordBitExact()
    {
        using (TrainingBuffer buffer = Open())
        {
            for (long i = 0; i < 50; i++)
            {
                Assert.Equal(i, buffer.Append(CrashRecords.Create(i)));
            }
        }

        using TrainingBuffer reopened = Open();
        IReadOnlyList<StoredTrainingPair> all = reopened.ReadAll();

        Assert.Empty(reopened.Damage);
        Assert.Equal(50, all.Count);
        for (int i = 0; i < all.Count; i++)
        {
            Assert.Equal(i, all[i].Sequence);
            AssertSamePair(CrashRecords.Create(i), all[i].Pair);
        }

        Assert.Equal(50, reopened.NextSequence);
    }

    [Theory]
    [InlineData(TrainingBufferDurability.FlushToOperatingSystem)]
    [InlineData(TrainingBufferDurability.FsyncEachRecord)]
    [InlineData(TrainingBufferDurability.FsyncEveryN)]
    public void Append_AnyDurability_RecordIsReadableImmediately(TrainingBufferDurability durability)
    {
        using TrainingBuffer buffer = Open(durability: durability);

        long sequence = buffer.Append(CrashRecords.Create(0));

        Assert.Equal(0, sequence);
        AssertSamePair(CrashRecords.Create(0), Assert.Single(buffer.ReadAll()).Pair);
    }

    [Fact]
    public void Open_EveryTruncationOfTheLastRecord_CutsTornTailAndKeepsTheRest()
    {
        WriteRecords(5);
        string segment = Assert.Single(SegmentFiles());
        byte[] full = File.ReadAllBytes(segment);
        int lastStart = full.Length - RecordLength;

        for (int length = lastStart + 1; length < full.Length; length++)
        {
            File.WriteAllBytes(segment, full[..length]);

            using TrainingBuffer buffer = Open();

            TrainingBufferDamage damage = Assert.Single(buffer.Damage);
            Assert.Equal(TrainingBufferDamageKind.TornTail, damage.Kind);
            Assert.Equal(segment, damage.FilePath);
            Assert.Equal(lastStart, damage.Offset);
            Assert.Equal(4, buffer.Count);
            Assert.Equal(lastStart, new FileInfo(segment).Length);
            Assert.Equal(4, buffer.Append(CrashRecords.Create(4))); // the torn record was never acknowledged: its number is reused
        }
    }

    [Fact]
    public void Open_ZerosAfterTheLastRecord_CutsThemAsTornTail()
    {
        WriteRecords(3);
        string segment = Assert.Single(SegmentFiles());
        using (var stream = new FileStream(segment, FileMode.Append))
        {
            stream.Write(new byte[700]);
        }

        using TrainingBuffer buffer = Open();

        Assert.Equal(TrainingBufferDamageKind.TornTail, Assert.Single(buffer.Damage).Kind);
        Assert.Equal(3, buffer.ReadAll().Count);
    }

    [Fact]
    public void Open_CorruptRecordInTheMiddle_ReportsFileAndOffsetAndKeepsRecordsBefore()
    {
        WriteRecords(5);
        string segment = Assert.Single(SegmentFiles());
        byte[] bytes = File.ReadAllBytes(segment);
        long badOffset = SegmentHeader.Length + (2L * RecordLength);
        bytes[badOffset + 100] ^= 0x10;
        File.WriteAllBytes(segment, bytes);

        using TrainingBuffer buffer = Open();

        TrainingBufferDamage damage = Assert.Single(buffer.Damage);
        Assert.Equal(TrainingBufferDamageKind.Corruption, damage.Kind);
        Assert.Equal(segment, damage.FilePath);
        Assert.Equal(badOffset, damage.Offset);
        Assert.Contains("CRC-32", damage.Detail, StringComparison.Ordinal);
        Assert.Equal([0L, 1L], buffer.ReadAll().Select(p => p.Sequence));
        Assert.Equal(bytes.Length, new FileInfo(segment).Length); // evidence left in place
        Assert.Equal(5, buffer.Append(CrashRecords.Create(5)));   // numbers behind the damage are not reused
        Assert.Equal(2, SegmentFiles().Length);
    }

    [Fact]
    public void Open_CorruptRecordInAnOlderSegment_LaterSegmentsStillRead()
    {
        WriteRecords(30, segmentMaxRecords: 10);
        string[] files = SegmentFiles();
        Assert.Equal(3, files.Length);
        byte[] bytes = File.ReadAllBytes(files[0]);
        bytes[SegmentHeader.Length + (7 * RecordLength) + 30] ^= 0xFF;
        File.WriteAllBytes(files[0], bytes);

        using TrainingBuffer buffer = Open(segmentMaxRecords: 10);

        TrainingBufferDamage damage = Assert.Single(buffer.Damage);
        Assert.Equal(TrainingBufferDamageKind.Corruption, damage.Kind);
        Assert.Equal(files[0], damage.FilePath);
        Assert.Equal(SegmentHeader.Length + (7L * RecordLength), damage.Offset);
        Assert.Equal([.. Enumerable.Range(0, 7).Select(i => (long)i), .. Enumerable.Range(10, 20).Select(i => (long)i)],
            buffer.ReadAll().Select(p => p.Sequence));
    }

    [Fact]
    public void Open_DamagedSegmentHeader_ReportsCorruptionAndSkipsTheSegment()
    {
        WriteRecords(20, segmentMaxRecords: 10);
        string[] files = SegmentFiles();
        byte[] bytes = File.ReadAllBytes(files[0]);
        bytes[3] ^= 1;
        File.WriteAllBytes(files[0], bytes);

        using TrainingBuffer buffer = Open(segmentMaxRecords: 10);

        TrainingBufferDamage damage = Assert.Single(buffer.Damage);
        Assert.Equal((TrainingBufferDamageKind.Corruption, files[0], 0L), (damage.Kind, damage.FilePath, damage.Offset));
        Assert.Equal(Enumerable.Range(10, 10).Select(i => (long)i), buffer.ReadAll().Select(p => p.Sequence));
    }

    [Fact]
    public void Append_MoreThanMaxRecords_DropsOldestSegments()
    {
        using TrainingBuffer buffer = Open(segmentMaxRecords: 10, maxRecords: 30);

        for (long i = 0; i < 100; i++)
        {
            buffer.Append(CrashRecords.Create(i));
        }

        IReadOnlyList<StoredTrainingPair> all = buffer.ReadAll();
        Assert.InRange(all.Count, 21, 30);
        Assert.Equal(99, all[^1].Sequence);
        Assert.Equal(Enumerable.Range((int)all[0].Sequence, all.Count).Select(i => (long)i), all.Select(p => p.Sequence));
        Assert.InRange(SegmentFiles().Length, 3, 3);
    }

    [Fact]
    public void Append_MoreThanMaxBytes_KeepsTotalSizeWithinTheBound()
    {
        long maxBytes = 20L * RecordLength;
        using TrainingBuffer buffer = Open(segmentMaxBytes: 5L * RecordLength, maxBytes: maxBytes);

        for (long i = 0; i < 200; i++)
        {
            buffer.Append(CrashRecords.Create(i));
            Assert.True(buffer.SizeBytes <= maxBytes, $"after record {i}: {buffer.SizeBytes} bytes > {maxBytes}");
        }

        Assert.Equal(buffer.SizeBytes, SegmentFiles().Sum(f => new FileInfo(f).Length));
        Assert.Equal(199, buffer.ReadAll()[^1].Sequence);
    }

    [Fact]
    public void ReadLatest_FewerThanStored_ReturnsTheNewestInOrder()
    {
        using TrainingBuffer buffer = Open(segmentMaxRecords: 7);
        for (long i = 0; i < 40; i++)
        {
            buffer.Append(CrashRecords.Create(i));
        }

        Assert.Equal(Enumerable.Range(28, 12).Select(i => (long)i), buffer.ReadLatest(12).Select(p => p.Sequence));
        Assert.Equal(40, buffer.ReadLatest(1000).Count);
        Assert.Empty(buffer.ReadLatest(0));
    }

    [Fact]
    public void ReadWindow_EncoderRange_ReturnsExactlyTheRecordsInside()
    {
        using TrainingBuffer buffer = Open(segmentMaxRecords: 7);
        for (long i = 0; i < 40; i++)
        {
            buffer.Append(CrashRecords.Create(i));
        }

        // CrashRecords puts record i at encoder 1,000,000 + 37 i.
        IReadOnlyList<StoredTrainingPair> window = buffer.ReadWindow(new EncoderPosition(1_000_000 + (37 * 10)), new EncoderPosition(1_000_000 + (37 * 20) - 1));

        Assert.Equal(Enumerable.Range(10, 10).Select(i => (long)i), window.Select(p => p.Sequence));
    }

    [Fact]
    public void ReadWindow_TimeRange_ReturnsExactlyTheRecordsInside()
    {
        using TrainingBuffer buffer = Open(segmentMaxRecords: 7);
        for (long i = 0; i < 40; i++)
        {
            buffer.Append(CrashRecords.Create(i));
        }

        DateTimeOffset t0 = CrashRecords.Create(0).TimestampUtc;

        IReadOnlyList<StoredTrainingPair> window = buffer.ReadWindow(t0.AddMilliseconds(250), t0.AddMilliseconds(300));

        Assert.Equal(Enumerable.Range(25, 6).Select(i => (long)i), window.Select(p => p.Sequence));
    }

    [Fact]
    public void Open_FolderAlreadyOpen_ThrowsIOException()
    {
        using TrainingBuffer first = Open();

        var error = Assert.Throws<IOException>(() => Open());

        Assert.Contains("another process", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_SegmentLargerThanTotal_FailsValidation()
    {
        var options = new TrainingBufferOptions { Directory = _directory, SegmentMaxBytes = 1 << 20, MaxTotalBytes = 1 << 16 };

        Assert.Throws<ArgumentException>(() => TrainingBuffer.Open(options));
    }

    [Fact]
    public void TrainingPair_NonFiniteSpectrum_Throws()
    {
        float[] spectrum = new float[10];
        spectrum[3] = float.NaN;

        var error = Assert.Throws<ArgumentException>(() => new TrainingPair(spectrum, 0, 1, 0, [], new EncoderPosition(0), DateTimeOffset.UnixEpoch, 0, 0, false, 1));

        Assert.Equal("spectrum", error.ParamName);
    }

    internal static void AssertSamePair(TrainingPair expected, TrainingPair actual)
    {
        Assert.Equal(expected.Spectrum.ToArray(), actual.Spectrum.ToArray());
        Assert.Equal(expected.LibsFeatures.ToArray(), actual.LibsFeatures.ToArray());
        Assert.Equal(expected.TeacherLabel, actual.TeacherLabel);
        Assert.Equal(expected.TeacherConfidence, actual.TeacherConfidence);
        Assert.Equal(expected.TeacherDistance, actual.TeacherDistance);
        Assert.Equal(expected.Encoder, actual.Encoder);
        Assert.Equal(expected.TimestampUtc, actual.TimestampUtc);
        Assert.Equal(expected.Pixel, actual.Pixel);
        Assert.Equal(expected.Line, actual.Line);
        Assert.Equal(expected.IsEdge, actual.IsEdge);
        Assert.Equal(expected.Weight, actual.Weight);
    }

    private TrainingBuffer Open(TrainingBufferDurability durability = TrainingBufferDurability.FlushToOperatingSystem, int segmentMaxRecords = 1000,
        long maxRecords = 100_000, long segmentMaxBytes = 1 << 20, long maxBytes = 1 << 26) =>
        TrainingBuffer.Open(new TrainingBufferOptions
        {
            Directory = _directory,
            Durability = durability,
            SegmentMaxRecords = segmentMaxRecords,
            MaxRecords = maxRecords,
            SegmentMaxBytes = segmentMaxBytes,
            MaxTotalBytes = maxBytes,
        });

    private void WriteRecords(int count, int segmentMaxRecords = 1000)
    {
        using TrainingBuffer buffer = Open(segmentMaxRecords: segmentMaxRecords);
        for (long i = 0; i < count; i++)
        {
            buffer.Append(CrashRecords.Create(i));
        }
    }

    private string[] SegmentFiles()
    {
        string[] files = Directory.GetFiles(_directory, "*.sltrain");
        Array.Sort(files, StringComparer.Ordinal);
        return files;
    }
}
