namespace SortLine.Simulators.Swir;

/// <summary>How a simulated sensor paces its samples.</summary>
public enum SensorPacing
{
    /// <summary>Samples are due at start + n / rate on the injected <see cref="TimeProvider"/>; the reader waits for each.</summary>
    RealTime = 0,

    /// <summary>Samples are produced as fast as the reader takes them (benchmarks, offline data sets). With a stepped
    /// <see cref="Encoder.SimulatedBeltEncoder"/> the sensor advances the belt by one sample period per sample.</summary>
    Burst = 1,
}
