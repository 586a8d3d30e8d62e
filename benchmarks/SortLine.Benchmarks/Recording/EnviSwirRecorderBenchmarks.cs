using BenchmarkDotNet.Attributes;
using SortLine.Sensors.Swir;
using SortLine.Simulators.Recording.Envi;

namespace SortLine.Benchmarks.Recording;

/// <summary>
/// Recording throughput for a 384-pixel × 288-band SWIR line: lines/s = 1 / (mean time per operation), since one
/// operation is one line. <see cref="Append"/> is the whole path (BIP→BIL transpose + positioned write of 221 KB +
/// 24-byte stamp write, no fsync); <see cref="Transpose"/> isolates the CPU part.
/// </summary>
[MemoryDiagnoser]
public class EnviSwirRecorderBenchmarks
{
    private const int Pixels = 384;
    private const int Bands = 288;
    private const int LinesPerInvoke = 64;

    private readonly SwirLine _line = new(null, Pixels, Bands);
    private readonly ushort[] _bil = new ushort[Pixels * Bands];
    private SwirCameraInfo _camera = null!;
    private string _dir = null!;
    private EnviSwirRecorder? _recorder;

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(42);
        for (int i = 0; i < _line.Data.Length; i++)
        {
            _line.Data[i] = (ushort)rng.Next(0, 4096);
        }

        var centres = new double[Bands];
        var fwhm = new double[Bands];
        for (int b = 0; b < Bands; b++)
        {
            centres[b] = 950 + (b * 5.9);
            fwhm[b] = 8;
        }

        _camera = new SwirCameraInfo("bench", Pixels, centres, fwhm, 400, 12);
        _dir = Path.Combine(Path.GetTempPath(), "sortline-rec-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dir);
    }

    [IterationSetup(Target = nameof(Append))]
    public void OpenRecorder() =>
        _recorder = EnviSwirRecorder.Create(Path.Combine(_dir, "bench"), _camera, new EnviSwirRecorderOptions { Overwrite = true, FlushToDisk = false });

    [IterationCleanup(Target = nameof(Append))]
    public void CloseRecorder() => _recorder?.Dispose();

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_dir, recursive: true);

    [Benchmark(OperationsPerInvoke = LinesPerInvoke)]
    public void Append()
    {
        for (int i = 0; i < LinesPerInvoke; i++)
        {
            _recorder!.Append(_line);
        }
    }

    [Benchmark]
    public void Transpose() => Interleaving.BipToBandMajor<ushort>(_line.Data, _bil, Pixels, Bands);
}
