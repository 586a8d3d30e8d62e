using BenchmarkDotNet.Attributes;
using SortLine.Learning.Pairing;
using SortLine.Sensors;
using SortLine.Sensors.Encoder;

namespace SortLine.Benchmarks.Learning;

/// <summary>
/// Appending one preprocessed SWIR line (384 pixels × 288 bands, float) to the pairing history and finding the nearest
/// line for a LIBS point. Both must allocate 0 B; the append is a 442 kB copy and must keep up with 700 lines/s.
/// </summary>
[MemoryDiagnoser]
public class SwirLineHistoryBenchmarks
{
    private SwirLineHistory _history = null!;
    private float[] _line = null!;
    private bool[] _mask = null!;
    private long _sequence;

    [GlobalSetup]
    public void Setup()
    {
        _history = new SwirLineHistory(2048, 384, 288);
        _line = new float[384 * 288];
        _mask = new bool[384];
        for (_sequence = 0; _sequence < 2048; _sequence++)
        {
            _history.Append(_line, new SampleStamp(_sequence, new EncoderPosition(_sequence * 20), _sequence), _mask);
        }
    }

    [Benchmark]
    public void Append()
    {
        _history.Append(_line, new SampleStamp(_sequence, new EncoderPosition(_sequence * 20), _sequence), _mask);
        _sequence++;
    }

    [Benchmark]
    public bool TryFindNearest() => _history.TryFindNearest(new EncoderPosition((_sequence - 1000) * 20), 40, out _, out _);
}
