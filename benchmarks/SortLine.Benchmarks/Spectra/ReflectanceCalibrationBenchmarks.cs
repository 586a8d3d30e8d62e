using SortLine.Benchmarks.Infrastructure;
using BenchmarkDotNet.Attributes;
using SortLine.Spectra.Calibration;

namespace SortLine.Benchmarks.Spectra;

/// <summary>Raw DN line → reflectance for one SWIR line (384 px × 288 bands).</summary>
[MemoryDiagnoser]
[Config(typeof(HardwareIntrinsicsConfig))]
public class ReflectanceCalibrationBenchmarks
{
    private const int Pixels = 384;
    private const int Bands = 288;
    private ReflectanceCalibration _calibration = null!;
    private ushort[] _raw = null!;
    private float[] _reflectance = null!;

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(1);
        var dark = new double[Pixels * Bands];
        var white = new double[Pixels * Bands];
        _raw = new ushort[Pixels * Bands];
        for (int i = 0; i < dark.Length; i++)
        {
            dark[i] = 800 + (rng.NextDouble() * 200);
            white[i] = dark[i] + 20000 + (rng.NextDouble() * 30000);
            _raw[i] = (ushort)(dark[i] + (rng.NextDouble() * (white[i] - dark[i])));
        }

        _calibration = ReflectanceCalibration.FromReferenceFrames(Pixels, Bands, dark, white);
        _reflectance = new float[Pixels * Bands];
    }

    [Benchmark]
    public void ApplyLine() => _calibration.Apply(_raw, _reflectance);
}
