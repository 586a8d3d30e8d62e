using SortLine.Sensors;
using SortLine.Sensors.Libs;
using SortLine.Simulators.Recording.Replay;
using SortLine.Testing;

namespace SortLine.Simulators.Recording.Tests;

public sealed class LibsRecordingReplayerTests
{
    private static async Task<List<(SampleStamp Stamp, float[] Spectrum, double X, double Y)>> Collect(LibsRecordingReplayer replayer, int max = int.MaxValue)
    {
        var result = new List<(SampleStamp, float[], double, double)>();
        await replayer.ConnectAsync(CancellationToken.None);
        await foreach (LibsPoint p in replayer.ReadPointsAsync(CancellationToken.None))
        {
            using (p)
            {
                result.Add((p.Stamp, p.Spectrum.ToArray(), p.ScanXMm, p.ScanYMm));
            }

            if (result.Count == max)
            {
                break;
            }
        }

        return result;
    }

    [Theory]
    [InlineData(ReplayPacing.AsFastAsPossible)]
    [InlineData(ReplayPacing.Accelerated)]
    [InlineData(ReplayPacing.RecordedPace)]
    public async Task ReadPoints_SteadyStateLoop_AllocatesNothingPerPoint(ReplayPacing pacing)
    {
        // Paced runs wait on the clock's timer, which the auto-advancing clock fires at once (see the SWIR replayer test).
        using var dir = new TempDirectory();
        LibsTestData.Write(dir.File("a.slibs"), 5);
        var options = new ReplayOptions { Pacing = pacing, SpeedFactor = 4, Loop = true };
        await using var replayer = LibsRecordingReplayer.Open(dir.File("a.slibs"), options, new ManualTimeProvider { AutoAdvance = true });
        await replayer.ConnectAsync(CancellationToken.None);
        await using IAsyncEnumerator<LibsPoint> points = replayer.ReadPointsAsync(CancellationToken.None).GetAsyncEnumerator();

        AllocationAssert.NoAllocations(() =>
        {
            for (int i = 0; i < 40; i++)
            {
                ValueTask<bool> next = points.MoveNextAsync();
                Assert.True(next.IsCompletedSuccessfully && next.Result, "A replayed point was not ready at once.");
                points.Current.Dispose();
            }
        });
    }

    [Fact]
    public async Task ReadPoints_RecordedPace_DeliversAtRecordedIntervalsWithRecordedSpectra()
    {
        using var dir = new TempDirectory();
        LibsTestData.Write(dir.File("a.slibs"), 4);
        var clock = new ManualTimeProvider { AutoAdvance = true };
        await using var replayer = LibsRecordingReplayer.Open(dir.File("a.slibs"), new ReplayOptions(), clock);

        var points = await Collect(replayer);

        long t0 = points[0].Stamp.Timestamp;
        // Recorded timestamps are microseconds (frequency 10^6); the clock counts 10^7 per second.
        Assert.Equal(Enumerable.Range(0, 4).Select(i => (LibsTestData.Timestamp(i) - LibsTestData.Timestamp(0)) * 10), points.Select(p => p.Stamp.Timestamp - t0));
        for (int i = 0; i < 4; i++)
        {
            var expected = new LibsPoint(null, LibsTestData.Channels);
            LibsTestData.Fill(expected, i, 0);
            Assert.Equal(expected.Spectrum.ToArray(), points[i].Spectrum);
            Assert.Equal((expected.ScanXMm, expected.ScanYMm), (points[i].X, points[i].Y));
            Assert.Equal(expected.Stamp.Encoder, points[i].Stamp.Encoder);
            Assert.Equal(i, points[i].Stamp.Sequence);
        }
    }

    [Fact]
    public async Task ReadPoints_AcceleratedLoop_SchedulesPassesBackToBackAndShiftsEncoders()
    {
        using var dir = new TempDirectory();
        LibsTestData.Write(dir.File("a.slibs"), 2);
        var clock = new ManualTimeProvider { AutoAdvance = true };
        await using var replayer = LibsRecordingReplayer.Open(dir.File("a.slibs"), new ReplayOptions { Pacing = ReplayPacing.Accelerated, SpeedFactor = 2, Loop = true }, clock);

        var points = await Collect(replayer, max: 5);

        long interval = (LibsTestData.Timestamp(1) - LibsTestData.Timestamp(0)) * 10 / 2;   // one recorded interval at double speed
        long t0 = points[0].Stamp.Timestamp;
        Assert.Equal(Enumerable.Range(0, 5).Select(n => n * interval), points.Select(p => p.Stamp.Timestamp - t0));
        Assert.Equal(Enumerable.Range(0, 5).Select(n => 10_000L + (125 * n)), points.Select(p => p.Stamp.Encoder.Counts));
    }

    [Fact]
    public async Task ReadPoints_CorruptRecord_DeliversValidPointsThenThrowsDataErrorNamingFileAndOffset()
    {
        using var dir = new TempDirectory();
        string path = dir.File("flip.slibs");
        (long header, int size) = LibsTestData.Write(path, 5);
        byte[] bytes = File.ReadAllBytes(path);
        bytes[header + (2 * size) + 100] ^= 0x04;
        File.WriteAllBytes(path, bytes);
        await using var replayer = LibsRecordingReplayer.Open(path, new ReplayOptions { Pacing = ReplayPacing.AsFastAsPossible }, new ManualTimeProvider());
        int delivered = 0;

        SensorFaultException ex = await Assert.ThrowsAsync<SensorFaultException>(async () =>
        {
            await replayer.ConnectAsync(CancellationToken.None);
            await foreach (LibsPoint p in replayer.ReadPointsAsync(CancellationToken.None))
            {
                p.Dispose();
                delivered++;
            }
        });

        Assert.Equal(2, delivered);
        Assert.Equal(SensorFaultKind.DataError, ex.Kind);
        Assert.Equal(SensorState.Faulted, replayer.State);
        Assert.Contains($"{path}, byte offset {header + (2 * size)}", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadPoints_EmptyRecordingWithLoop_Completes()
    {
        using var dir = new TempDirectory();
        LibsTestData.Write(dir.File("empty.slibs"), 0);
        await using var replayer = LibsRecordingReplayer.Open(dir.File("empty.slibs"), new ReplayOptions { Loop = true }, new ManualTimeProvider());

        var points = await Collect(replayer);

        Assert.Empty(points);
        Assert.Equal(SensorState.Disconnected, replayer.State);
    }
}
