namespace SortLine.Sensors.Swir;

/// <summary>A SWIR push-broom camera (a real driver, a simulator or a recording replayer).</summary>
/// <remarks>
/// Lines come from a fixed pool: a consumer that falls behind makes the driver drop lines (counted in
/// <see cref="DroppedLines"/> and visible as gaps in <see cref="SampleStamp.Sequence"/>), never grow memory.
/// </remarks>
public interface ISwirCamera : IAsyncDisposable
{
    /// <summary>Gets what the camera delivers.</summary>
    SwirCameraInfo Info { get; }

    /// <summary>Gets the current state.</summary>
    SensorState State { get; }

    /// <summary>Gets the number of lines lost so far (device drops and pool exhaustion).</summary>
    long DroppedLines { get; }

    /// <summary>Connects (or reconnects after a fault).</summary>
    /// <exception cref="SensorFaultException">The device cannot be reached.</exception>
    ValueTask ConnectAsync(CancellationToken cancellationToken);

    /// <summary>Points the camera at the belt or a calibration reference; following lines show that view.</summary>
    ValueTask SelectViewAsync(CameraView view, CancellationToken cancellationToken);

    /// <summary>
    /// Streams lines until cancelled. Each line must be disposed by its last reader.
    /// </summary>
    /// <exception cref="SensorFaultException">The camera stopped delivering (disconnect, timeout, bad data);
    /// lines already yielded remain valid. Reconnect with <see cref="ConnectAsync"/> and read again.</exception>
    IAsyncEnumerable<SwirLine> ReadLinesAsync(CancellationToken cancellationToken);
}
