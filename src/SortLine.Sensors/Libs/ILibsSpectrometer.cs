namespace SortLine.Sensors.Libs;

/// <summary>A whisk-broom LIBS spectrometer (a real driver, a simulator or a recording replayer).</summary>
public interface ILibsSpectrometer : IAsyncDisposable
{
    /// <summary>Gets what the instrument delivers.</summary>
    LibsSpectrometerInfo Info { get; }

    /// <summary>Gets the current state.</summary>
    SensorState State { get; }

    /// <summary>Gets the number of points lost so far.</summary>
    long DroppedPoints { get; }

    /// <summary>Connects (or reconnects after a fault).</summary>
    /// <exception cref="SensorFaultException">The device cannot be reached.</exception>
    ValueTask ConnectAsync(CancellationToken cancellationToken);

    /// <summary>Streams points until cancelled. Each point must be disposed by its last reader.</summary>
    /// <exception cref="SensorFaultException">The instrument stopped delivering; points already yielded remain valid.</exception>
    IAsyncEnumerable<LibsPoint> ReadPointsAsync(CancellationToken cancellationToken);
}
