using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SortLine.Sensors;
using SortLine.Service.Options;
using SortLine.Service.Workers;
using SortLine.Telemetry;

namespace SortLine.Service.Tests.Workers;

/// <summary>The read watchdog and fault counting of <see cref="SensorConnector"/>, on a fake clock.</summary>
public sealed class SensorConnectorTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly FaultCountingTelemetry _telemetry = new();

    private SensorConnector Create(SensorKind sensor = SensorKind.Swir) =>
        new(sensor, _telemetry, new SortingOptions { CameraReadTimeoutMilliseconds = 1_000, LibsReadTimeoutMilliseconds = 5_000 }, _time, NullLogger.Instance);

    /// <summary>Delivers <paramref name="count"/> samples at once, then hangs (connected, nothing more) until cancelled.</summary>
    private static async IAsyncEnumerable<int> StallAfter(int count, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (int i = 0; i < count; i++)
        {
            yield return i;
        }

        await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
        yield return -1;
    }

    [Theory]
    [InlineData(SensorKind.Swir, 1_000)]
    [InlineData(SensorKind.Libs, 5_000)]
    public async Task ReadAsync_SensorStallsWhileConnected_ThrowsTimeoutFaultExactlyAtTheReadTimeout(SensorKind sensor, int timeoutMs)
    {
        SensorConnector connector = Create(sensor);
        await using IAsyncEnumerator<int> samples = connector.ReadAsync(ct => StallAfter(3, ct), CancellationToken.None).GetAsyncEnumerator();
        for (int i = 0; i < 3; i++)
        {
            Assert.True(await samples.MoveNextAsync());
        }

        ValueTask<bool> next = samples.MoveNextAsync();
        _time.Advance(TimeSpan.FromMilliseconds(timeoutMs - 1));
        Assert.False(next.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(1));

        SensorFaultException ex = await Assert.ThrowsAsync<SensorFaultException>(async () => await next);
        Assert.Equal(SensorFaultKind.Timeout, ex.Kind);
        Assert.Equal(TelemetryLabels.Of(sensor), ex.Sensor);
        Assert.Contains($"delivered nothing for {timeoutMs} ms", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_ConsumerHoldsASampleLongerThanTheTimeout_IsNotAFault()
    {
        SensorConnector connector = Create();
        await using IAsyncEnumerator<int> samples = connector.ReadAsync(ct => StallAfter(2, ct), CancellationToken.None).GetAsyncEnumerator();
        Assert.True(await samples.MoveNextAsync());

        _time.Advance(TimeSpan.FromSeconds(10)); // the consumer works on sample 0; the sensor is not being waited for

        Assert.True(await samples.MoveNextAsync());
        Assert.Equal(1, samples.Current);
    }

    [Fact]
    public async Task ReadAsync_CancelledByTheCaller_ThrowsOperationCanceledNotAFault()
    {
        SensorConnector connector = Create();
        using var cts = new CancellationTokenSource();
        await using IAsyncEnumerator<int> samples = connector.ReadAsync(ct => StallAfter(0, ct), cts.Token).GetAsyncEnumerator();
        ValueTask<bool> next = samples.MoveNextAsync();

        await cts.CancelAsync();

        Exception ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await next);
        Assert.IsNotType<SensorFaultException>(ex);
    }

    [Fact]
    public void SetState_FaultedBySensorFaults_CountsEveryFaultByKindEvenWithoutATransition()
    {
        SensorConnector connector = Create(SensorKind.Libs);

        connector.SetState(SensorState.Faulted, new SensorFaultException("libs", SensorFaultKind.Timeout, "stalled"));
        connector.SetState(SensorState.Faulted, new SensorFaultException("libs", SensorFaultKind.Disconnected, "cable"));
        connector.SetState(SensorState.Faulted, new SensorFaultException("libs", SensorFaultKind.Timeout, "stalled again"));
        connector.SetState(SensorState.Running);

        Assert.Equal([(SensorKind.Libs, SensorFaultKind.Timeout), (SensorKind.Libs, SensorFaultKind.Disconnected), (SensorKind.Libs, SensorFaultKind.Timeout)],
            _telemetry.Faults);
    }

    /// <summary>Records the faults counted.</summary>
    private sealed class FaultCountingTelemetry : ISensorTelemetry
    {
        public List<(SensorKind, SensorFaultKind)> Faults { get; } = [];

        public void SetSensorState(SensorKind sensor, SensorState state)
        {
        }

        public void SensorFault(SensorKind sensor, SensorFaultKind kind)
        {
            lock (Faults)
            {
                Faults.Add((sensor, kind));
            }
        }

        public void SetSwirNominalLineRate(double linesPerSecond)
        {
        }

        public void LibsPointsReceived(int count)
        {
        }

        public void LibsMisfires(int count)
        {
        }
    }
}
