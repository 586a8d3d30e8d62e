using System.Buffers.Binary;
using SortLine.Sensors.Swir;
using SortLine.Simulators.Recording.Envi;
using SortLine.Testing;

namespace SortLine.Simulators.Recording.Tests;

public sealed class EnviSwirRecorderTests
{
    private const int Pixels = 7;
    private const int Bands = 11;

    private static EnviSwirRecorder Record(string basePath, int lines, bool close = true)
    {
        var recorder = EnviSwirRecorder.Create(basePath, TestData.Camera(Pixels, Bands), new EnviSwirRecorderOptions { TimestampFrequency = 1_000_000, Description = "unit {test}" });
        var line = new SwirLine(null, Pixels, Bands);
        for (int i = 0; i < lines; i++)
        {
            TestData.Fill(line, i, encoder: 1000 + (i * 40), timestamp: 5_000_000 + (i * 4000) + (i % 3));
            recorder.Append(line);
        }

        if (close)
        {
            recorder.Close();
        }

        return recorder;
    }

    [Fact]
    public void Close_AfterAppends_WritesBilUInt16LittleEndianInTheDocumentedLayout()
    {
        using var dir = new TempDirectory();
        Record(dir.File("rec"), lines: 9);

        byte[] raw = File.ReadAllBytes(dir.File("rec.raw"));
        byte[] stamps = File.ReadAllBytes(dir.File("rec.stamps"));

        Assert.Equal(9 * Pixels * Bands * 2, raw.Length);
        Assert.Equal(9 * 24, stamps.Length);
        for (int l = 0; l < 9; l++)
        {
            for (int b = 0; b < Bands; b++)
            {
                for (int s = 0; s < Pixels; s++)
                {
                    int at = (((l * Bands) + b) * Pixels + s) * 2;
                    Assert.Equal(TestData.Value(l, s, b), BinaryPrimitives.ReadUInt16LittleEndian(raw.AsSpan(at)));
                }
            }

            Assert.Equal(l, BinaryPrimitives.ReadInt64LittleEndian(stamps.AsSpan(l * 24)));
            Assert.Equal(1000 + (l * 40), BinaryPrimitives.ReadInt64LittleEndian(stamps.AsSpan((l * 24) + 8)));
            Assert.Equal(5_000_000 + (l * 4000) + (l % 3), BinaryPrimitives.ReadInt64LittleEndian(stamps.AsSpan((l * 24) + 16)));
        }
    }

    [Fact]
    public void Close_AfterAppends_HeaderDeclaresLinesAndClosedState()
    {
        using var dir = new TempDirectory();
        Record(dir.File("rec"), lines: 9);

        EnviHeader h = EnviHeader.Read(dir.File("rec.hdr"));

        Assert.Equal((Pixels, 9, Bands), (h.Samples, h.Lines, h.Bands));
        Assert.Equal((EnviDataType.UInt16, EnviInterleave.Bil, false), (h.DataType, h.Interleave, h.IsBigEndian));
        Assert.Equal("Nanometers", h.WavelengthUnits);
        Assert.True(h.TryGetField("sortline state", out string state));
        Assert.Equal("closed", state);
        Assert.Contains("unit (test)", h.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_ClosedRecording_RoundTripsCountsStampsAndCamera()
    {
        using var dir = new TempDirectory();
        SwirCameraInfo camera = TestData.Camera(Pixels, Bands);
        Record(dir.File("rec"), lines: 9);

        using EnviSwirRecording rec = EnviSwirRecording.Open(dir.File("rec.hdr"));
        var data = new ushort[Pixels * Bands];

        Assert.Equal(9, rec.Lines);
        Assert.False(rec.Image.WasInterrupted);
        Assert.Equal(1_000_000, rec.TimestampFrequency);
        Assert.Equal(camera.BandCentersNm, rec.Camera.BandCentersNm);
        Assert.Equal(camera.BandFwhmNm, rec.Camera.BandFwhmNm);
        Assert.Equal((camera.LineRateHz, camera.BitDepth, Pixels), (rec.Camera.LineRateHz, rec.Camera.BitDepth, rec.Camera.SpatialPixels));
        Assert.Equal("TestCam; rev. (2)", rec.Camera.Model);
        for (int l = 0; l < 9; l++)
        {
            rec.ReadLine(l, data);
            var expected = new SwirLine(null, Pixels, Bands);
            TestData.Fill(expected, l, 1000 + (l * 40), 5_000_000 + (l * 4000) + (l % 3));
            Assert.Equal(expected.Data.ToArray(), data);
            Assert.Equal(expected.Stamp, rec.ReadStamp(l));
        }
    }

    [Fact]
    public void Open_RecordingStillOpen_DerivesLineCountFromFileSizes()
    {
        using var dir = new TempDirectory();
        using EnviSwirRecorder recorder = Record(dir.File("live"), lines: 5, close: false);

        using EnviSwirRecording rec = EnviSwirRecording.Open(dir.File("live.hdr"));
        var data = new ushort[Pixels * Bands];
        rec.ReadLine(4, data);

        Assert.Equal(0, rec.Image.Header.Lines);
        Assert.True(rec.Image.WasInterrupted);
        Assert.Equal(5, rec.Lines);
        Assert.Equal(TestData.Value(4, Pixels - 1, Bands - 1), data[^1]);
    }

    [Theory]
    [InlineData(1, 0, 4)]      // last data line cut by one byte -> 4 whole lines
    [InlineData(0, 5, 4)]      // last stamp record cut -> 4 whole lines
    [InlineData(0, 0, 5)]      // nothing cut -> all 5
    public void Open_CrashedRecording_KeepsLinesCompleteInDataAndStamps(int cutDataBytes, int cutStampBytes, int expectedLines)
    {
        using var dir = new TempDirectory();
        using (EnviSwirRecorder recorder = Record(dir.File("live"), lines: 5, close: false))
        {
            Directory.CreateDirectory(dir.File("crash"));
            foreach (string ext in new[] { ".hdr", ".raw", ".stamps" })
            {
                File.Copy(dir.File("live" + ext), Path.Combine(dir.File("crash"), "live" + ext));
            }
        }

        string crash = Path.Combine(dir.File("crash"), "live");
        using (var fs = new FileStream(crash + ".raw", FileMode.Open))
        {
            fs.SetLength(fs.Length - cutDataBytes);
        }

        using (var fs = new FileStream(crash + ".stamps", FileMode.Open))
        {
            fs.SetLength(fs.Length - cutStampBytes);
        }

        using EnviSwirRecording rec = EnviSwirRecording.Open(crash + ".hdr");
        var data = new ushort[Pixels * Bands];
        rec.ReadLine(expectedLines - 1, data);

        Assert.Equal(expectedLines, rec.Lines);
        Assert.Equal(TestData.Value(expectedLines - 1, 3, 2), data[(3 * Bands) + 2]);
        Assert.Equal(expectedLines - 1, rec.ReadStamp(expectedLines - 1).Sequence);
    }

    [Fact]
    public void Flush_WhileOpen_UpdatesHeaderLineCount()
    {
        using var dir = new TempDirectory();
        using EnviSwirRecorder recorder = Record(dir.File("rec"), lines: 3, close: false);

        recorder.Flush();

        Assert.Equal(3, EnviHeader.Read(dir.File("rec.hdr")).Lines);
    }

    [Fact]
    public async Task RecordAsync_Source_WritesEveryLineAndDisposesIt()
    {
        using var dir = new TempDirectory();
        var camera = new FakeSwirCamera(TestData.Camera(Pixels, Bands), lineCount: 6);
        await camera.ConnectAsync(CancellationToken.None);
        long written;
        await using (var recorder = EnviSwirRecorder.Create(dir.File("rec"), camera.Info))
        {
            written = await recorder.RecordAsync(camera.ReadLinesAsync(CancellationToken.None), CancellationToken.None);
        }

        using EnviSwirRecording rec = EnviSwirRecording.Open(dir.File("rec.hdr"));
        var data = new ushort[Pixels * Bands];
        rec.ReadLine(5, data);

        Assert.Equal(6, written);
        Assert.Equal(camera.PoolCapacity, camera.PoolAvailable);
        Assert.Equal(6, rec.Lines);
        Assert.Equal(TestData.Value(5, 6, 10), data[^1]);
    }

    [Fact]
    public void Append_SteadyState_AllocatesNothing()
    {
        using var dir = new TempDirectory();
        using var recorder = EnviSwirRecorder.Create(dir.File("rec"), TestData.Camera(384, 288), new EnviSwirRecorderOptions { FlushToDisk = false });
        var line = new SwirLine(null, 384, 288);
        TestData.Fill(line, 1, 0, 0);

        AllocationAssert.NoAllocations(() =>
        {
            for (int i = 0; i < 20; i++)
            {
                recorder.Append(line);
            }
        });
    }

    [Fact]
    public void Append_WrongShape_ThrowsArgumentException()
    {
        using var dir = new TempDirectory();
        using var recorder = EnviSwirRecorder.Create(dir.File("rec"), TestData.Camera(Pixels, Bands));

        Assert.Throws<ArgumentException>(() => recorder.Append(new SwirLine(null, Pixels + 1, Bands)));
    }

    [Fact]
    public void Create_ExistingRecordingWithoutOverwrite_ThrowsIOException()
    {
        using var dir = new TempDirectory();
        Record(dir.File("rec"), lines: 1);

        Assert.Throws<IOException>(() => EnviSwirRecorder.Create(dir.File("rec"), TestData.Camera(Pixels, Bands)));
    }
}
