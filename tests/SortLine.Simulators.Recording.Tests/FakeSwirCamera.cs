using System.Runtime.CompilerServices;
using SortLine.Sensors;
using SortLine.Sensors.Swir;

namespace SortLine.Simulators.Recording.Tests;

/// <summary>A minimal in-test camera: a fixed number of lines filled by <see cref="TestData.Fill"/>, pooled.</summary>
internal sealed class FakeSwirCamera(SwirCameraInfo info, int lineCount) : ISwirCamera
{
    private readonly SamplePool<SwirLine> _pool = SwirLine.CreatePool(4, info.SpatialPixels, info.Bands);

    public SwirCameraInfo Info { get; } = info;

    public SensorState State { get; private set; }

    public long DroppedLines { get; private set; }

    public int PoolCapacity => _pool.Capacity;

    public int PoolAvailable => _pool.Available;

    public ValueTask ConnectAsync(CancellationToken cancellationToken)
    {
        State = SensorState.Running;
        return ValueTask.CompletedTask;
    }

    public ValueTask SelectViewAsync(CameraView view, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public async IAsyncEnumerable<SwirLine> ReadLinesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (int i = 0; i < lineCount; i++)
        {
            await Task.Yield();
            cancellationToken.ThrowIfCancellationRequested();
            if (!_pool.TryRent(out SwirLine line))
            {
                DroppedLines++;
                continue;
            }

            TestData.Fill(line, i, encoder: i * 10, timestamp: i * 1000);
            yield return line;
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
