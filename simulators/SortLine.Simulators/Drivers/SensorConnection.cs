using SortLine.Sensors;

namespace SortLine.Simulators.Drivers;

/// <summary>
/// The connection state machine every simulated and replayed sensor shares: Disconnected → Running on connect,
/// Running → Degraded when a sample is dropped, Faulted on a fault, Disconnected on dispose; one reader at a time;
/// the samples delivered since the last connect.
/// </summary>
/// <remarks>
/// The state is read from any thread; <see cref="ConnectAsync"/>, <see cref="BeginRead"/> / <see cref="EndRead"/> and the
/// transitions are lock-free. The <paramref name="sensorNoun"/> names the sensor in messages ("camera", "replayer").
/// </remarks>
/// <param name="owner">The sensor (named by <see cref="ObjectDisposedException"/>).</param>
/// <param name="model">The sensor's model name (the source of its faults).</param>
/// <param name="sensorNoun">What the sensor is called in messages.</param>
internal sealed class SensorConnection(object owner, string model, string sensorNoun)
{
    private int _state = (int)SensorState.Disconnected;
    private int _reading;
    private long _samplesSinceConnect;
    private volatile bool _disposed;

    /// <summary>Gets the state.</summary>
    public SensorState State => (SensorState)Volatile.Read(ref _state);

    /// <summary>Gets whether the sensor is disposed.</summary>
    public bool IsDisposed => _disposed;

    /// <summary>Gets the samples delivered since the last <see cref="ConnectAsync"/>.</summary>
    public long SamplesSinceConnect => Interlocked.Read(ref _samplesSinceConnect);

    /// <summary>Connects (at once): the state becomes Running and the sample count restarts.</summary>
    /// <param name="cancellationToken">Checked before connecting.</param>
    /// <returns>A completed task.</returns>
    /// <exception cref="ObjectDisposedException">The sensor is disposed.</exception>
    /// <exception cref="OperationCanceledException">The token is cancelled.</exception>
    public ValueTask ConnectAsync(CancellationToken cancellationToken)
    {
        ThrowIfDisposed();
        cancellationToken.ThrowIfCancellationRequested();
        Set(SensorState.Connecting);
        Interlocked.Exchange(ref _samplesSinceConnect, 0);
        Set(SensorState.Running);
        return ValueTask.CompletedTask;
    }

    /// <summary>Throws when the sensor is disposed.</summary>
    /// <exception cref="ObjectDisposedException">The sensor is disposed.</exception>
    public void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed, owner);

    /// <summary>Starts the one read: the sensor must be streaming and not read by anyone else.</summary>
    /// <exception cref="ObjectDisposedException">The sensor is disposed.</exception>
    /// <exception cref="InvalidOperationException">Not connected, or another read is running.</exception>
    public void BeginRead()
    {
        ThrowIfDisposed();
        if (!IsStreaming)
        {
            throw new InvalidOperationException($"The {sensorNoun} is {State}; call ConnectAsync first.");
        }

        if (Interlocked.Exchange(ref _reading, 1) == 1)
        {
            throw new InvalidOperationException($"The {sensorNoun} has one reader at a time; another enumeration is running.");
        }
    }

    /// <summary>Ends the read that <see cref="BeginRead"/> started.</summary>
    public void EndRead() => Volatile.Write(ref _reading, 0);

    /// <summary>Throws when the sensor stopped streaming during a read (disconnected, faulted or disposed).</summary>
    /// <exception cref="SensorFaultException">The state is not Running or Degraded (<see cref="SensorFaultKind.Disconnected"/>).</exception>
    public void ThrowIfNotStreaming()
    {
        if (!IsStreaming)
        {
            throw new SensorFaultException(model, SensorFaultKind.Disconnected, $"The {sensorNoun} is {State}.");
        }
    }

    /// <summary>Throws and faults the sensor when it has delivered <paramref name="limit"/> samples since connecting
    /// (a simulated disconnect); nothing when <paramref name="limit"/> is null.</summary>
    /// <param name="limit">The samples after which the link drops, or null.</param>
    /// <param name="samplesNoun">What the samples are called in the message ("lines").</param>
    /// <exception cref="SensorFaultException">The limit is reached (<see cref="SensorFaultKind.Disconnected"/>).</exception>
    public void ThrowIfDisconnectDue(long? limit, string samplesNoun)
    {
        if (limit is long n && SamplesSinceConnect >= n)
        {
            Set(SensorState.Faulted);
            throw new SensorFaultException(model, SensorFaultKind.Disconnected, $"Simulated disconnect after {n} {samplesNoun}; reconnect to continue.");
        }
    }

    /// <summary>Counts a delivered sample.</summary>
    public void CountSample() => Interlocked.Increment(ref _samplesSinceConnect);

    /// <summary>Marks a running sensor degraded (it dropped a sample).</summary>
    public void Degrade() => Interlocked.CompareExchange(ref _state, (int)SensorState.Degraded, (int)SensorState.Running);

    /// <summary>Faults the sensor and makes the exception that reports the damaged data it stopped at.</summary>
    /// <param name="cause">The damage.</param>
    /// <returns>The exception to throw (<see cref="SensorFaultKind.DataError"/>, <paramref name="cause"/> inside).</returns>
    public SensorFaultException DataFault(Exception cause)
    {
        Set(SensorState.Faulted);
        return new SensorFaultException(model, SensorFaultKind.DataError, "Replay stopped at damaged data: " + cause.Message, cause);
    }

    /// <summary>Marks the stream ended normally (Disconnected).</summary>
    public void Disconnect() => Set(SensorState.Disconnected);

    /// <summary>Disposes: Disconnected for good. Returns false when it was disposed already.</summary>
    public bool Dispose()
    {
        bool first = !_disposed;
        _disposed = true;
        Set(SensorState.Disconnected);
        return first;
    }

    private bool IsStreaming => State is SensorState.Running or SensorState.Degraded;

    private void Set(SensorState state) => Volatile.Write(ref _state, (int)state);
}
