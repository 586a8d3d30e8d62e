using BenchmarkDotNet.Attributes;
using SortLine.Sensors.Encoder;
using SortLine.Sensors.Libs;
using SortLine.Sensors.Swir;
using SortLine.Simulators;
using SortLine.Simulators.Internal;
using SortLine.Simulators.Swir;

namespace SortLine.Benchmarks.Simulators;

/// <summary>
/// Simulator throughput in burst mode: one SWIR line (384 px × 288 bands, default scene, chunk generation included as
/// the belt advances) and one LIBS shot (8,192 channels). The camera must sustain ≥ 5,000 lines/s (≤ 200 µs per line)
/// so that it never limits a pipeline benchmark, and every operation must allocate 0 B in steady state (the belt's
/// chunks are regenerated into recycled storage).
/// </summary>
[MemoryDiagnoser]
public class SimulatedSensorsBenchmarks
{
    private const int LinesPerInvoke = 1000;
    private SimulatedLine _line = null!;
    private ushort[] _data = null!;
    private LibsPoint _point = null!;
    private IAsyncEnumerator<SwirLine> _lines = null!;
    private long _sequence;

    [GlobalSetup]
    public async Task Setup()
    {
        var options = new SimulatedLineOptions { Seed = 1, SteppedEncoder = true };
        _line = SimulatedLine.Create(options with
        {
            Camera = options.Camera with { Pacing = SensorPacing.Burst },
            Spectrometer = options.Spectrometer with { Pacing = SensorPacing.Burst, AdvanceSteppedEncoder = false },
        }, TimeProvider.System);
        await _line.Camera.ConnectAsync(CancellationToken.None);
        _data = new ushort[_line.Camera.Info.SpatialPixels * _line.Camera.Info.Bands];
        _point = new LibsPoint(null, _line.Spectrometer.Info.Channels);
        _lines = _line.Camera.ReadLinesAsync(CancellationToken.None).GetAsyncEnumerator();
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        await _lines.DisposeAsync();
        await _line.DisposeAsync();
    }

    /// <summary>Renders one belt line at the next line's belt position (scene sampling, mixing, detector model).</summary>
    [Benchmark]
    public ushort RenderBeltLine()
    {
        long sequence = _sequence++;
        var position = new EncoderPosition((long)(sequence * 2.0 / 670 * 10_000));
        _line.Camera.RenderLine(sequence, position, CameraView.Belt, _data);
        return _data[0];
    }

    /// <summary>Reads lines through <see cref="SimulatedSwirCamera.ReadLinesAsync"/> in burst mode (the pipeline's view:
    /// pacing, stepped encoder, pool, stamps, truth), one enumeration across all invocations.</summary>
    [Benchmark(OperationsPerInvoke = LinesPerInvoke)]
    public long ReadLinesBurst()
    {
        long last = 0;
        for (int n = 0; n < LinesPerInvoke; n++)
        {
            ValueTask<bool> next = _lines.MoveNextAsync();
            if (!next.IsCompletedSuccessfully || !next.Result)
            {
                throw new InvalidOperationException("A burst-mode line was not ready at once.");
            }

            last = _lines.Current.Stamp.Sequence;
            _lines.Current.Dispose();
        }

        return last;
    }

    /// <summary>Fires one LIBS shot (spot sampling, template mix, continuum, 8,192 noisy channels).</summary>
    [Benchmark]
    public float ShootLibs()
    {
        long sequence = _sequence++;
        var random = SimulationRandom.Create(1, 5, sequence);
        _line.Spectrometer.Shoot(sequence, new EncoderPosition(sequence * 200), ref random, _point);
        return _point.Spectrum[0];
    }
}
