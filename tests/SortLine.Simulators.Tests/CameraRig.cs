using SortLine.Sensors.Swir;
using SortLine.Simulators.Belt;
using SortLine.Simulators.Encoder;
using SortLine.Simulators.Swir;

namespace SortLine.Simulators.Tests;

/// <summary>Builds a scene, an encoder and a camera for tests.</summary>
public static class CameraRig
{
    public static SimulatedSwirCamera Burst(SimulatedSwirCameraOptions? options = null, BeltSceneOptions? scene = null)
    {
        options ??= new SimulatedSwirCameraOptions();
        options = With(options, SensorPacing.Burst);
        var encoder = SimulatedBeltEncoder.CreateStepped(new SimulatedEncoderOptions());
        return new SimulatedSwirCamera(options, new BeltScene(scene ?? new BeltSceneOptions()), TestData.Library, encoder, TimeProvider.System);
    }

    public static async Task<List<(long Sequence, long Encoder, ushort[] Data)>> ReadAsync(SimulatedSwirCamera camera, int lines, CameraView view = CameraView.Belt)
    {
        await camera.ConnectAsync(CancellationToken.None);
        await camera.SelectViewAsync(view, CancellationToken.None);
        var result = new List<(long, long, ushort[])>(lines);
        await foreach (SwirLine line in camera.ReadLinesAsync(CancellationToken.None))
        {
            result.Add((line.Stamp.Sequence, line.Stamp.Encoder.Counts, line.Data.ToArray()));
            line.Dispose();
            if (result.Count == lines)
            {
                break;
            }
        }

        return result;
    }

    private static SimulatedSwirCameraOptions With(SimulatedSwirCameraOptions o, SensorPacing pacing) => o with { Pacing = pacing };
}
