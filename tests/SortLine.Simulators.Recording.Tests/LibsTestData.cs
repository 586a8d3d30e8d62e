using SortLine.Sensors;
using SortLine.Sensors.Encoder;
using SortLine.Sensors.Libs;

namespace SortLine.Simulators.Recording.Tests;

/// <summary>Deterministic LIBS instrument and points.</summary>
internal static class LibsTestData
{
    public const int Channels = 48;

    public static LibsSpectrometerInfo Info()
    {
        var w = new double[Channels];
        for (int i = 0; i < Channels; i++)
        {
            w[i] = i < 32 ? 240.0 + (i * 0.37) : 500.0 + ((i - 32) * 0.81);
        }

        return new LibsSpectrometerInfo("TestLibs two-segment", w, [0, 32], maxPointRateHz: 50);
    }

    public static float Count(int point, int channel) => (float)(((point * 131) + (channel * 17)) % 997) - 3.25f;

    public static void Fill(LibsPoint p, int i, long timestamp)
    {
        for (int c = 0; c < Channels; c++)
        {
            p.Spectrum[c] = Count(i, c);
        }

        p.Stamp = new SampleStamp(i, new EncoderPosition(10_000 + (i * 125)), timestamp);
        p.ScanXMm = (i * 0.25) - 12.5;
        p.ScanYMm = -i * 1.5;
    }

    public static long Timestamp(int i) => 1_000_000 + (i * 20_000) + ((i * i) % 7);

    /// <summary>Writes <paramref name="points"/> points; returns (header bytes, record bytes).</summary>
    public static (long HeaderBytes, int RecordBytes) Write(string path, int points)
    {
        using var recorder = Simulators.Recording.Libs.LibsRecorder.Create(path, Info(), new Simulators.Recording.Libs.LibsRecorderOptions { TimestampFrequency = 1_000_000 });
        var p = new LibsPoint(null, Channels);
        for (int i = 0; i < points; i++)
        {
            Fill(p, i, Timestamp(i));
            recorder.Append(p);
        }

        int record = 52 + (4 * Channels);
        return (new FileInfo(path).Length - (points * record), record);
    }
}
