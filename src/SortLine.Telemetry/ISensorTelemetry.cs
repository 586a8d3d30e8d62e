using SortLine.Sensors;

namespace SortLine.Telemetry;

/// <summary>What the sensor workers report (implemented by the service's metrics).</summary>
/// <remarks>Implementations are thread-safe and allocation-free.</remarks>
public interface ISensorTelemetry
{
    /// <summary>Publishes the current state of a sensor.</summary>
    /// <param name="sensor">The sensor.</param>
    /// <param name="state">Its state now.</param>
    void SetSensorState(SensorKind sensor, SensorState state);

    /// <summary>Counts a sensor fault (a disconnect, a read timeout, bad data), each time it happens.</summary>
    /// <param name="sensor">The sensor.</param>
    /// <param name="kind">What went wrong.</param>
    void SensorFault(SensorKind sensor, SensorFaultKind kind);

    /// <summary>Publishes the camera's nominal line rate, so dashboards can compare throughput with it.</summary>
    /// <param name="linesPerSecond">Nominal line rate in lines per second (Hz).</param>
    void SetSwirNominalLineRate(double linesPerSecond);

    /// <summary>Counts LIBS points delivered by the spectrometer.</summary>
    /// <param name="count">Number of points (&gt;= 0).</param>
    void LibsPointsReceived(int count);

    /// <summary>Counts LIBS shots without a usable plasma (no signal above the noise floor).</summary>
    /// <param name="count">Number of misfires (&gt;= 0).</param>
    void LibsMisfires(int count);
}
