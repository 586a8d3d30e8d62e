using SortLine.Sensors.Libs;
using SortLine.Simulators.Belt;
using SortLine.Simulators.Encoder;
using SortLine.Simulators.Libs;
using SortLine.Simulators.Library;
using SortLine.Simulators.Swir;

namespace SortLine.Simulators.Tests;

public static class LibsRig
{
    private static readonly Lazy<LibsLineTable> LazyLines = new(() => LibsLineTable.Load(DataDirectory.Locate()));

    public static LibsLineTable Lines => LazyLines.Value;

    public static SimulatedLibsSpectrometer Burst(SimulatedLibsSpectrometerOptions? options = null, BeltSceneOptions? scene = null)
    {
        options = (options ?? new SimulatedLibsSpectrometerOptions()) with { Pacing = SensorPacing.Burst };
        var encoder = SimulatedBeltEncoder.CreateStepped(new SimulatedEncoderOptions());
        return new SimulatedLibsSpectrometer(options, new BeltScene(scene ?? new BeltSceneOptions()), Lines, encoder, TimeProvider.System);
    }

    public static async Task<List<(long Sequence, long Encoder, double X, double Y, float[] Spectrum)>> ReadAsync(SimulatedLibsSpectrometer libs, int points)
    {
        await libs.ConnectAsync(CancellationToken.None);
        var result = new List<(long, long, double, double, float[])>(points);
        await foreach (LibsPoint point in libs.ReadPointsAsync(CancellationToken.None))
        {
            result.Add((point.Stamp.Sequence, point.Stamp.Encoder.Counts, point.ScanXMm, point.ScanYMm, point.Spectrum.ToArray()));
            point.Dispose();
            if (result.Count == points)
            {
                break;
            }
        }

        return result;
    }
}
