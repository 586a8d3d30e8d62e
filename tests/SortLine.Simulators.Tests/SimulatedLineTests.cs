using SortLine.Sensors.Libs;
using SortLine.Sensors.Swir;

namespace SortLine.Simulators.Tests;

public sealed class SimulatedLineTests
{
    [Fact]
    public async Task Create_SameMasterSeed_SameCameraLinesAndLibsSpectra()
    {
        (ushort[] lineA, float[] pointA) = await FirstSamplesAsync(21);
        (ushort[] lineB, float[] pointB) = await FirstSamplesAsync(21);
        (ushort[] lineC, float[] pointC) = await FirstSamplesAsync(22);
        Assert.Equal(lineA, lineB);
        Assert.Equal(pointA, pointB);
        Assert.NotEqual(lineA, lineC);
        Assert.NotEqual(pointA, pointC);
    }

    private static async Task<(ushort[] Line, float[] Point)> FirstSamplesAsync(long seed)
    {
        var options = new SimulatedLineOptions { Seed = seed, SteppedEncoder = true };
        await using SimulatedLine line = SimulatedLine.Create(options with
        {
            Camera = options.Camera with { Pacing = Swir.SensorPacing.Burst },
            Spectrometer = options.Spectrometer with { Pacing = Swir.SensorPacing.Burst, AdvanceSteppedEncoder = false },
        }, TimeProvider.System);
        Assert.Equal(5, line.CalibrationTargets.Count);
        line.Encoder.Advance(5_000);
        await line.Camera.ConnectAsync(CancellationToken.None);
        await line.Spectrometer.ConnectAsync(CancellationToken.None);
        ushort[] data = [];
        await foreach (SwirLine l in line.Camera.ReadLinesAsync(CancellationToken.None))
        {
            data = l.Data.ToArray();
            l.Dispose();
            break;
        }

        float[] spectrum = [];
        await foreach (LibsPoint p in line.Spectrometer.ReadPointsAsync(CancellationToken.None))
        {
            spectrum = p.Spectrum.ToArray();
            p.Dispose();
            break;
        }

        return (data, spectrum);
    }
}
