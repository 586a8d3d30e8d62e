using System.Buffers.Binary;
using System.Globalization;
using SortLine.Sensors;
using SortLine.Sensors.Encoder;
using SortLine.Sensors.Swir;
using SortLine.Simulators.Recording.Envi;
using SortLine.Simulators.Recording.Replay;
using SortLine.Testing;

namespace SortLine.Simulators.Recording.Tests;

public sealed class SwirRecordingReplayerTests
{
    private const int Pixels = 6;
    private const int Bands = 5;

    // Recorded at 1 kHz timestamp resolution: intervals 2, 3, 4, 5 ms. Encoders advance 40 counts per line.
    private static readonly long[] RecordedMs = [123_456, 123_458, 123_461, 123_465, 123_470];

    private static string WriteRecording(TempDirectory dir, int lines = 5)
    {
        string basePath = dir.File("belt");
        using var recorder = EnviSwirRecorder.Create(basePath, TestData.Camera(Pixels, Bands, lineRateHz: 400),
            new EnviSwirRecorderOptions { TimestampFrequency = 1000, FlushToDisk = false });
        var line = new SwirLine(null, Pixels, Bands);
        for (int i = 0; i < lines; i++)
        {
            TestData.Fill(line, i, encoder: 1000 + (40 * i), timestamp: RecordedMs[i % RecordedMs.Length] + (i / RecordedMs.Length * 100));
            line.Stamp = line.Stamp with { Sequence = 77 + (2 * i) };
            recorder.Append(line);
        }

        return basePath + ".hdr";
    }

    private static async Task<List<(SampleStamp Stamp, ushort[] Data)>> Collect(SwirRecordingReplayer camera, int max = int.MaxValue)
    {
        var result = new List<(SampleStamp, ushort[])>();
        await camera.ConnectAsync(CancellationToken.None);
        await foreach (SwirLine line in camera.ReadLinesAsync(CancellationToken.None))
        {
            using (line)
            {
                result.Add((line.Stamp, line.Data.ToArray()));
            }

            if (result.Count == max)
            {
                break;
            }
        }

        return result;
    }

    [Fact]
    public async Task ReadLines_RecordedPace_DeliversAtRecordedIntervals()
    {
        using var dir = new TempDirectory();
        var clock = new ManualTimeProvider { AutoAdvance = true };
        await using var replayer = SwirRecordingReplayer.Open(WriteRecording(dir), new ReplayOptions(), clock);

        List<(SampleStamp Stamp, ushort[] Data)> lines = await Collect(replayer);

        long t0 = lines[0].Stamp.Timestamp;
        Assert.Equal([0L, 20_000, 50_000, 90_000, 140_000], lines.Select(l => l.Stamp.Timestamp - t0));
    }

    [Theory]
    [InlineData(4.0)]
    [InlineData(0.5)]
    public async Task ReadLines_Accelerated_DividesRecordedIntervalsBySpeed(double speed)
    {
        using var dir = new TempDirectory();
        var clock = new ManualTimeProvider { AutoAdvance = true };
        await using var replayer = SwirRecordingReplayer.Open(WriteRecording(dir), new ReplayOptions { Pacing = ReplayPacing.Accelerated, SpeedFactor = speed }, clock);

        List<(SampleStamp Stamp, ushort[] Data)> lines = await Collect(replayer);

        long t0 = lines[0].Stamp.Timestamp;
        Assert.Equal(RecordedMs.Select(ms => (long)Math.Round((ms - RecordedMs[0]) * 10_000 / speed)), lines.Select(l => l.Stamp.Timestamp - t0));
    }

    [Fact]
    public async Task ReadLines_AsFastAsPossible_NeverWaits()
    {
        using var dir = new TempDirectory();
        var clock = new ManualTimeProvider();
        await using var replayer = SwirRecordingReplayer.Open(WriteRecording(dir), new ReplayOptions { Pacing = ReplayPacing.AsFastAsPossible }, clock);

        List<(SampleStamp Stamp, ushort[] Data)> lines = await Collect(replayer);

        Assert.Equal(5, lines.Count);
        Assert.Equal(0, clock.TimersCreated);
        Assert.All(lines, l => Assert.Equal(clock.GetTimestamp(), l.Stamp.Timestamp));
    }

    [Fact]
    public async Task ReadLines_RecordedPace_DoesNotDeliverBeforeTheLineIsDue()
    {
        using var dir = new TempDirectory();
        var clock = new ManualTimeProvider();
        await using var replayer = SwirRecordingReplayer.Open(WriteRecording(dir), new ReplayOptions(), clock);
        await replayer.ConnectAsync(CancellationToken.None);
        await using IAsyncEnumerator<SwirLine> e = replayer.ReadLinesAsync(CancellationToken.None).GetAsyncEnumerator();
        Assert.True(await e.MoveNextAsync());
        e.Current.Dispose();

        ValueTask<bool> second = e.MoveNextAsync();
        bool earlyDone = second.IsCompleted;
        clock.Advance(TimeSpan.FromTicks(19_999));
        bool almostDone = second.IsCompleted;
        clock.Advance(TimeSpan.FromTicks(1));
        bool delivered = await second;

        Assert.False(earlyDone);
        Assert.False(almostDone);
        Assert.True(delivered);
        Assert.Equal(1, e.Current.Stamp.Sequence);
        e.Current.Dispose();
    }

    [Fact]
    public async Task ReadLines_Cancelled_WhileWaiting_ThrowsOperationCanceled()
    {
        using var dir = new TempDirectory();
        var clock = new ManualTimeProvider();
        using var cts = new CancellationTokenSource();
        await using var replayer = SwirRecordingReplayer.Open(WriteRecording(dir), new ReplayOptions(), clock);
        await replayer.ConnectAsync(CancellationToken.None);
        await using IAsyncEnumerator<SwirLine> e = replayer.ReadLinesAsync(cts.Token).GetAsyncEnumerator();
        Assert.True(await e.MoveNextAsync());
        e.Current.Dispose();
        ValueTask<bool> second = e.MoveNextAsync();

        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await second);
    }

    [Fact]
    public async Task ReadLines_Restamps_SequenceFromZeroAndKeepsRecordedEncoder()
    {
        using var dir = new TempDirectory();
        await using var replayer = SwirRecordingReplayer.Open(WriteRecording(dir), new ReplayOptions { Pacing = ReplayPacing.AsFastAsPossible }, new ManualTimeProvider());

        List<(SampleStamp Stamp, ushort[] Data)> lines = await Collect(replayer);

        Assert.Equal([0L, 1, 2, 3, 4], lines.Select(l => l.Stamp.Sequence));
        Assert.Equal([1000L, 1040, 1080, 1120, 1160], lines.Select(l => l.Stamp.Encoder.Counts));
        for (int i = 0; i < 5; i++)
        {
            Assert.Equal(TestData.Value(i, 3, 4), lines[i].Data[(3 * Bands) + 4]);
        }
    }

    [Fact]
    public async Task ReadLines_SyntheticEncoder_IsOriginPlusCountsPerLine()
    {
        using var dir = new TempDirectory();
        var options = new ReplayOptions { Pacing = ReplayPacing.AsFastAsPossible, EncoderMode = ReplayEncoderMode.Synthetic, EncoderOrigin = 500, CountsPerSample = 7 };
        await using var replayer = SwirRecordingReplayer.Open(WriteRecording(dir), options, new ManualTimeProvider());

        List<(SampleStamp Stamp, ushort[] Data)> lines = await Collect(replayer);

        Assert.Equal([500L, 507, 514, 521, 528], lines.Select(l => l.Stamp.Encoder.Counts));
    }

    [Fact]
    public async Task ReadLines_Loop_RepeatsDataWithIncreasingEncoderAndContinuousSchedule()
    {
        using var dir = new TempDirectory();
        var clock = new ManualTimeProvider { AutoAdvance = true };
        await using var replayer = SwirRecordingReplayer.Open(WriteRecording(dir, lines: 3), new ReplayOptions { Loop = true }, clock);

        List<(SampleStamp Stamp, ushort[] Data)> lines = await Collect(replayer, max: 8);

        // Pass length 5 ms (2 + 3), mean interval 2.5 ms: passes start at 0, 7.5 and 15 ms.
        long t0 = lines[0].Stamp.Timestamp;
        Assert.Equal([0L, 20_000, 50_000, 75_000, 95_000, 125_000, 150_000, 170_000], lines.Select(l => l.Stamp.Timestamp - t0));
        Assert.Equal(Enumerable.Range(0, 8).Select(n => 1000L + (40 * n)), lines.Select(l => l.Stamp.Encoder.Counts));
        Assert.Equal(Enumerable.Range(0, 8).Select(n => (long)n), lines.Select(l => l.Stamp.Sequence));
        Assert.Equal(TestData.Value(7 % 3, 2, 1), lines[7].Data[(2 * Bands) + 1]);
        Assert.Equal(SensorState.Running, replayer.State);
    }

    [Fact]
    public async Task ReadLines_EndOfRecording_CompletesAndDisconnects()
    {
        using var dir = new TempDirectory();
        await using var replayer = SwirRecordingReplayer.Open(WriteRecording(dir), new ReplayOptions { Pacing = ReplayPacing.AsFastAsPossible }, new ManualTimeProvider());

        List<(SampleStamp Stamp, ushort[] Data)> lines = await Collect(replayer);

        Assert.Equal(5, lines.Count);
        Assert.Equal(SensorState.Disconnected, replayer.State);
    }

    [Fact]
    public async Task ReadLines_SameRecordingTwice_IsDeterministic()
    {
        using var dir = new TempDirectory();
        string hdr = WriteRecording(dir);
        var options = new ReplayOptions { Pacing = ReplayPacing.Accelerated, SpeedFactor = 3, Loop = true };
        await using var a = SwirRecordingReplayer.Open(hdr, options, new ManualTimeProvider { AutoAdvance = true });
        await using var b = SwirRecordingReplayer.Open(hdr, options, new ManualTimeProvider { AutoAdvance = true });

        List<(SampleStamp Stamp, ushort[] Data)> first = await Collect(a, max: 12);
        List<(SampleStamp Stamp, ushort[] Data)> second = await Collect(b, max: 12);

        Assert.Equal(first.Select(l => l.Stamp), second.Select(l => l.Stamp));
        Assert.Equal(first.SelectMany(l => l.Data), second.SelectMany(l => l.Data));
    }

    [Fact]
    public async Task ReadLines_ConsumerHoldsEveryLine_DropsAndCountsInsteadOfGrowing()
    {
        using var dir = new TempDirectory();
        await using var replayer = SwirRecordingReplayer.Open(WriteRecording(dir), new ReplayOptions { Pacing = ReplayPacing.AsFastAsPossible, PoolCapacity = 2 }, new ManualTimeProvider());
        await replayer.ConnectAsync(CancellationToken.None);
        var held = new List<SwirLine>();

        await foreach (SwirLine line in replayer.ReadLinesAsync(CancellationToken.None))
        {
            held.Add(line);
        }

        Assert.Equal([0L, 1], held.Select(l => l.Stamp.Sequence));
        Assert.Equal(3, replayer.DroppedLines);
        held.ForEach(l => l.Dispose());
    }

    [Fact]
    public async Task ReadLines_TruncatedCube_DeliversValidLinesThenThrowsDataErrorNamingFileAndOffset()
    {
        using var dir = new TempDirectory();
        // A standard BIL cube that declares 5 lines but holds 3.5.
        int lineBytes = Pixels * Bands * 2;
        var bytes = new byte[(3 * lineBytes) + (lineBytes / 2)];
        for (int l = 0; l < 4; l++)
        {
            for (int b = 0; b < Bands; b++)
            {
                for (int s = 0; s < Pixels; s++)
                {
                    int at = ((((l * Bands) + b) * Pixels) + s) * 2;
                    if (at + 2 <= bytes.Length)
                    {
                        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(at), TestData.Value(l, s, b));
                    }
                }
            }
        }

        File.WriteAllBytes(dir.File("cut.raw"), bytes);
        File.WriteAllText(dir.File("cut.hdr"), $"ENVI\nsamples = {Pixels}\nlines = 5\nbands = {Bands}\ndata type = 12\ninterleave = bil\nbyte order = 0\nwavelength = {{1000, 1010, 1020, 1030, 1040}}\n");
        await using var replayer = SwirRecordingReplayer.Open(dir.File("cut.hdr"), new ReplayOptions { Pacing = ReplayPacing.AsFastAsPossible }, new ManualTimeProvider());
        var delivered = new List<ushort[]>();

        SensorFaultException ex = await Assert.ThrowsAsync<SensorFaultException>(async () =>
        {
            await replayer.ConnectAsync(CancellationToken.None);
            await foreach (SwirLine line in replayer.ReadLinesAsync(CancellationToken.None))
            {
                using (line)
                {
                    delivered.Add(line.Data.ToArray());
                }
            }
        });

        Assert.Equal(3, delivered.Count);
        Assert.Equal(TestData.Value(2, Pixels - 1, Bands - 1), delivered[2][^1]);
        Assert.Equal(SensorFaultKind.DataError, ex.Kind);
        Assert.Equal(SensorState.Faulted, replayer.State);
        Assert.Contains(dir.File("cut.raw"), ex.Message, StringComparison.Ordinal);
        Assert.Contains($"byte offset {bytes.Length}", ex.Message, StringComparison.Ordinal);
        Assert.Equal(bytes.Length, Assert.IsType<RecordingFormatException>(ex.InnerException).ByteOffset);
    }

    [Theory]
    [InlineData(0, 70L, "sequence 70 does not follow the previous line's 81")]
    [InlineData(0, 81L, "sequence 81 does not follow the previous line's 81")]
    [InlineData(8, 1079L, "encoder counts 1079 go back from the previous line's 1080")]
    [InlineData(16, 123_460L, "timestamp 123460 goes back from the previous line's 123461")]
    public async Task ReadLines_StampRecordGoingBackwards_DeliversEarlierLinesThenNamesStampsFileAndOffset(int field, long value, string problem)
    {
        using var dir = new TempDirectory();
        string header = WriteRecording(dir);
        string stamps = Path.ChangeExtension(header, ".stamps");
        const int CorruptLine = 3;
        OverwriteStampField(stamps, CorruptLine, field, value);
        await using var replayer = SwirRecordingReplayer.Open(header, new ReplayOptions { Pacing = ReplayPacing.AsFastAsPossible }, new ManualTimeProvider());
        var delivered = new List<SampleStamp>();

        SensorFaultException ex = await Assert.ThrowsAsync<SensorFaultException>(async () =>
        {
            await replayer.ConnectAsync(CancellationToken.None);
            await foreach (SwirLine line in replayer.ReadLinesAsync(CancellationToken.None))
            {
                using (line)
                {
                    delivered.Add(line.Stamp);
                }
            }
        });

        Assert.Equal([1000L, 1040L, 1080L], delivered.Select(s => s.Encoder.Counts));
        Assert.Equal(SensorFaultKind.DataError, ex.Kind);
        Assert.Equal(SensorState.Faulted, replayer.State);
        RecordingFormatException inner = Assert.IsType<RecordingFormatException>(ex.InnerException);
        Assert.Equal(Path.GetFullPath(stamps), Path.GetFullPath(inner.FilePath));
        Assert.Equal(CorruptLine * 24, inner.ByteOffset);
        Assert.Contains($"byte offset {CorruptLine * 24}: the stamp record of line {CorruptLine} is corrupt: {problem}", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadStamp_BeltStoppedBetweenLines_EqualEncoderCountsAreValid()
    {
        using var dir = new TempDirectory();
        string header = WriteRecording(dir);
        OverwriteStampField(Path.ChangeExtension(header, ".stamps"), line: 3, fieldOffset: 8, value: 1080);
        using EnviSwirRecording recording = EnviSwirRecording.Open(header);

        long[] encoders = [.. Enumerable.Range(0, recording.Lines).Select(l => recording.ReadStamp(l).Encoder.Counts)];

        Assert.Equal([1000L, 1040L, 1080L, 1080L, 1160L], encoders);
    }

    [Fact]
    public void ReadStamp_OutOfOrderAccess_StillChecksAgainstThePreviousRecord()
    {
        using var dir = new TempDirectory();
        string header = WriteRecording(dir);
        OverwriteStampField(Path.ChangeExtension(header, ".stamps"), line: 2, fieldOffset: 8, value: 5000);
        using EnviSwirRecording recording = EnviSwirRecording.Open(header);

        // Line 2 jumps ahead (allowed: the belt may have run fast); line 3 then goes back from it.
        Assert.Equal(5000, recording.ReadStamp(2).Encoder.Counts);
        Assert.Equal(1000, recording.ReadStamp(0).Encoder.Counts);
        RecordingFormatException ex = Assert.Throws<RecordingFormatException>(() => recording.ReadStamp(3));
        Assert.Equal(72, ex.ByteOffset);
    }

    private static void OverwriteStampField(string stampsPath, int line, int fieldOffset, long value)
    {
        byte[] bytes = File.ReadAllBytes(stampsPath);
        BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan((line * 24) + fieldOffset), value);
        File.WriteAllBytes(stampsPath, bytes);
    }

    [Theory]
    [InlineData(ReplayPacing.AsFastAsPossible)]
    [InlineData(ReplayPacing.Accelerated)]
    [InlineData(ReplayPacing.RecordedPace)]
    public async Task ReadLines_SteadyStateLoop_AllocatesNothingPerLine(ReplayPacing pacing)
    {
        // Paced runs wait on the clock's timer, which the auto-advancing clock fires at once: the waits complete
        // synchronously on this thread, through the same reusable timer and value-task source as in real time.
        using var dir = new TempDirectory();
        string hdr = WriteRecording(dir, lines: 5);
        var options = new ReplayOptions { Pacing = pacing, SpeedFactor = 4, Loop = true };
        await using var replayer = SwirRecordingReplayer.Open(hdr, options, new ManualTimeProvider { AutoAdvance = true });
        await replayer.ConnectAsync(CancellationToken.None);
        await using IAsyncEnumerator<SwirLine> lines = replayer.ReadLinesAsync(CancellationToken.None).GetAsyncEnumerator();

        AllocationAssert.NoAllocations(() => TakeSynchronously(lines, 40));
    }

    /// <summary>Takes lines that must be ready at once and returns them to the pool.</summary>
    private static void TakeSynchronously(IAsyncEnumerator<SwirLine> lines, int count)
    {
        for (int i = 0; i < count; i++)
        {
            ValueTask<bool> next = lines.MoveNextAsync();
            Assert.True(next.IsCompletedSuccessfully && next.Result, "A replayed line was not ready at once.");
            lines.Current.Dispose();
        }
    }

    [Fact]
    public async Task ReadLines_JasperRidgeCube_YieldsEveryImageRowAsALine()
    {
        string[] table = File.ReadAllLines(Path.Combine(Path.GetDirectoryName(TestData.JasperHeader)!, "band_table.csv"))[1..];
        var options = new EnviSwirRecordingOptions
        {
            BandCentersNm = table.Select(r => double.Parse(r.Split(',')[4], CultureInfo.InvariantCulture)).ToArray(),
            BandFwhmNm = table.Select(r => double.Parse(r.Split(',')[3], CultureInfo.InvariantCulture)).ToArray(),
        };
        byte[] cube = File.ReadAllBytes(Path.ChangeExtension(TestData.JasperHeader, ".raw"));
        await using var replayer = SwirRecordingReplayer.Open(TestData.JasperHeader,
            new ReplayOptions { Pacing = ReplayPacing.AsFastAsPossible, CountsPerSample = 12 }, new ManualTimeProvider(), options);
        await replayer.ConnectAsync(CancellationToken.None);
        int lines = 0;
        int mismatches = 0;

        await foreach (SwirLine line in replayer.ReadLinesAsync(CancellationToken.None))
        {
            using (line)
            {
                int row = lines++;
                Assert.Equal(row * 12L, line.Stamp.Encoder.Counts);
                for (int s = 0; s < 100; s++)
                {
                    for (int b = 0; b < 198; b++)
                    {
                        // BSQ: plane b, row, sample; uint16 little-endian.
                        ushort direct = BinaryPrimitives.ReadUInt16LittleEndian(cube.AsSpan(((((b * 100) + row) * 100) + s) * 2));
                        mismatches += direct == line.Data[(s * 198) + b] ? 0 : 1;
                    }
                }
            }
        }

        Assert.Equal(100, lines);
        Assert.Equal(0, mismatches);
        Assert.Equal((100, 198), (replayer.Info.SpatialPixels, replayer.Info.Bands));
    }

    [Fact]
    public void Open_JasperRidgeWithoutBandOverride_ExplainsNonMonotonicWavelengths()
    {
        RecordingFormatException ex = Assert.Throws<RecordingFormatException>(() => SwirRecordingReplayer.Open(TestData.JasperHeader));

        Assert.Contains("strictly increasing", ex.Message, StringComparison.Ordinal);
        Assert.Contains("BandCentersNm", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SelectView_DarkShutter_ThrowsNotSupported()
    {
        using var dir = new TempDirectory();
        await using var replayer = SwirRecordingReplayer.Open(WriteRecording(dir));

        await Assert.ThrowsAsync<NotSupportedException>(async () => await replayer.SelectViewAsync(CameraView.DarkShutter, CancellationToken.None));
    }

    [Fact]
    public async Task RecordThenReplay_FakeCamera_ReproducesEveryLine()
    {
        using var dir = new TempDirectory();
        var camera = new FakeSwirCamera(TestData.Camera(Pixels, Bands), lineCount: 9);
        await camera.ConnectAsync(CancellationToken.None);
        await using (var recorder = EnviSwirRecorder.Create(dir.File("fake"), camera.Info))
        {
            await recorder.RecordAsync(camera.ReadLinesAsync(CancellationToken.None), CancellationToken.None);
        }

        await using var replayer = SwirRecordingReplayer.Open(dir.File("fake.hdr"), new ReplayOptions { Pacing = ReplayPacing.AsFastAsPossible }, new ManualTimeProvider());
        List<(SampleStamp Stamp, ushort[] Data)> lines = await Collect(replayer);

        Assert.Equal(9, lines.Count);
        for (int i = 0; i < 9; i++)
        {
            var expected = new SwirLine(null, Pixels, Bands);
            TestData.Fill(expected, i, i * 10, 0);
            Assert.Equal(expected.Data.ToArray(), lines[i].Data);
            Assert.Equal(new EncoderPosition(i * 10), lines[i].Stamp.Encoder);
        }
    }
}
