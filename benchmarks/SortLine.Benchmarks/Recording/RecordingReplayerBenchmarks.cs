using BenchmarkDotNet.Attributes;
using SortLine.Sensors;
using SortLine.Sensors.Encoder;
using SortLine.Sensors.Libs;
using SortLine.Sensors.Swir;
using SortLine.Simulators.Recording.Envi;
using SortLine.Simulators.Recording.Libs;
using SortLine.Simulators.Recording.Replay;

namespace SortLine.Benchmarks.Recording;

/// <summary>
/// Replay throughput as fast as possible, looping over a short recording: one operation is one delivered sample
/// (a 384-pixel × 288-band SWIR line read from an ENVI BIL file and de-interleaved, or an 8,192-channel LIBS point read and
/// checksummed). Steady state must allocate 0 B per sample.
/// </summary>
[MemoryDiagnoser]
public class RecordingReplayerBenchmarks
{
    private const int Pixels = 384;
    private const int Bands = 288;
    private const int Channels = 8192;
    private const int RecordedSamples = 32;
    private const int SamplesPerInvoke = 256;

    private string _dir = null!;
    private SwirRecordingReplayer _swir = null!;
    private LibsRecordingReplayer _libs = null!;
    private IAsyncEnumerator<SwirLine> _lines = null!;
    private IAsyncEnumerator<LibsPoint> _points = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        _dir = Path.Combine(Path.GetTempPath(), "sortline-replay-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dir);
        var rng = new Random(42);
        var options = new ReplayOptions { Pacing = ReplayPacing.AsFastAsPossible, Loop = true };

        var centres = new double[Bands];
        var fwhm = new double[Bands];
        for (int b = 0; b < Bands; b++)
        {
            centres[b] = 950 + (b * 5.9);
            fwhm[b] = 8;
        }

        string swirBase = Path.Combine(_dir, "belt");
        using (var recorder = EnviSwirRecorder.Create(swirBase, new SwirCameraInfo("bench", Pixels, centres, fwhm, 670, 12),
            new EnviSwirRecorderOptions { FlushToDisk = false }))
        {
            var line = new SwirLine(null, Pixels, Bands);
            for (int i = 0; i < RecordedSamples; i++)
            {
                for (int e = 0; e < line.Data.Length; e++)
                {
                    line.Data[e] = (ushort)rng.Next(0, 4096);
                }

                line.Stamp = new SampleStamp(i, new EncoderPosition(i * 30), i * 1_492);
                recorder.Append(line);
            }
        }

        var wavelengths = new double[Channels];
        for (int c = 0; c < Channels; c++)
        {
            wavelengths[c] = 200 + (c * 700.0 / Channels);
        }

        string libsPath = Path.Combine(_dir, "points.slibs");
        using (var recorder = LibsRecorder.Create(libsPath, new LibsSpectrometerInfo("bench", wavelengths, [0], 100), new LibsRecorderOptions()))
        {
            var point = new LibsPoint(null, Channels);
            for (int i = 0; i < RecordedSamples; i++)
            {
                for (int c = 0; c < Channels; c++)
                {
                    point.Spectrum[c] = (float)(rng.NextDouble() * 1000);
                }

                point.Stamp = new SampleStamp(i, new EncoderPosition(i * 200), i * 10_000);
                recorder.Append(point);
            }
        }

        _swir = SwirRecordingReplayer.Open(swirBase + ".hdr", options);
        _libs = LibsRecordingReplayer.Open(libsPath, options);
        await _swir.ConnectAsync(CancellationToken.None);
        await _libs.ConnectAsync(CancellationToken.None);
        _lines = _swir.ReadLinesAsync(CancellationToken.None).GetAsyncEnumerator();
        _points = _libs.ReadPointsAsync(CancellationToken.None).GetAsyncEnumerator();
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        await _lines.DisposeAsync();
        await _points.DisposeAsync();
        await _swir.DisposeAsync();
        await _libs.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    /// <summary>Replays SWIR lines (positioned read of 221 KB, BIL → BIP transpose, pooled line).</summary>
    [Benchmark(OperationsPerInvoke = SamplesPerInvoke)]
    public long ReplaySwirLines()
    {
        long last = 0;
        for (int i = 0; i < SamplesPerInvoke; i++)
        {
            Next(_lines);
            last = _lines.Current.Stamp.Sequence;
            _lines.Current.Dispose();
        }

        return last;
    }

    /// <summary>Replays LIBS points (positioned read of 32 KB, CRC-32 check, pooled point).</summary>
    [Benchmark(OperationsPerInvoke = SamplesPerInvoke)]
    public long ReplayLibsPoints()
    {
        long last = 0;
        for (int i = 0; i < SamplesPerInvoke; i++)
        {
            Next(_points);
            last = _points.Current.Stamp.Sequence;
            _points.Current.Dispose();
        }

        return last;
    }

    /// <summary>Moves on; as fast as possible, a replay's next sample is ready at once (no task allocated per invoke).</summary>
    private static void Next<T>(IAsyncEnumerator<T> samples)
    {
        ValueTask<bool> next = samples.MoveNextAsync();
        if (!next.IsCompletedSuccessfully || !next.Result)
        {
            throw new InvalidOperationException("The looping replay did not deliver a sample at once.");
        }
    }
}
