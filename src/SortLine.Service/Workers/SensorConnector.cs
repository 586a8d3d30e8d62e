using System.Globalization;
using System.Runtime.CompilerServices;
using SortLine.Sensors;
using SortLine.Service.Options;
using SortLine.Telemetry;

namespace SortLine.Service.Workers;

/// <summary>
/// Connects a sensor with retries: exponential back-off from <see cref="SortingOptions.ReconnectInitialDelayMilliseconds"/>
/// to <see cref="SortingOptions.ReconnectMaxDelayMilliseconds"/> on <see cref="SensorFaultException"/>; publishes the
/// sensor state and logs once per transition (not per attempt); counts every fault by kind; and watches reads for a
/// sensor that stays connected but stops delivering (<see cref="ReadAsync{T}"/>).
/// </summary>
/// <remarks>Thread-safe: <see cref="State"/> is read by other threads (the PLC's commands, captures) while the feed sets it;
/// a transition is one atomic exchange, so concurrent setters publish and log each change exactly once.</remarks>
internal sealed partial class SensorConnector(SensorKind sensor, ISensorTelemetry telemetry, SortingOptions options, TimeProvider time, ILogger logger)
{
    private int _state = (int)SensorState.Disconnected;

    /// <summary>Gets the last published state.</summary>
    public SensorState State => (SensorState)Volatile.Read(ref _state);

    /// <summary>Gets how long a read waits for the next sample before it fails with a timeout fault.</summary>
    public TimeSpan ReadTimeout { get; } = TimeSpan.FromMilliseconds(sensor == SensorKind.Libs ? options.LibsReadTimeoutMilliseconds : options.CameraReadTimeoutMilliseconds);

    /// <summary>Publishes a state; logs when it changed. A <see cref="SensorFaultException"/> is counted by kind every time.</summary>
    public void SetState(SensorState state, Exception? fault = null)
    {
        if (fault is SensorFaultException sensorFault)
        {
            telemetry.SensorFault(sensor, sensorFault.Kind);
        }

        var previous = (SensorState)Interlocked.Exchange(ref _state, (int)state);
        if (previous == state)
        {
            return;
        }

        telemetry.SetSensorState(sensor, state);
        if (fault is not null)
        {
            LogFaulted(logger, fault, sensor, previous, state);
        }
        else
        {
            LogState(logger, sensor, previous, state);
        }
    }

    /// <summary>Connects, retrying with back-off until it succeeds or <paramref name="cancellationToken"/> fires.</summary>
    public async Task ConnectAsync(Func<CancellationToken, ValueTask> connect, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connect);
        TimeSpan delay = TimeSpan.FromMilliseconds(options.ReconnectInitialDelayMilliseconds);
        TimeSpan max = TimeSpan.FromMilliseconds(options.ReconnectMaxDelayMilliseconds);
        while (true)
        {
            if (State != SensorState.Faulted)
            {
                SetState(SensorState.Connecting);
            }

            try
            {
                await connect(cancellationToken).ConfigureAwait(false);
                SetState(SensorState.Running);
                return;
            }
            catch (SensorFaultException ex)
            {
                SetState(SensorState.Faulted, ex);
            }

            await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, max.Ticks));
        }
    }

    /// <summary>
    /// Reads a sensor's stream with a watchdog: when no sample arrives within <see cref="ReadTimeout"/> of asking for it,
    /// the read is cancelled and fails with a <see cref="SensorFaultException"/> of kind <see cref="SensorFaultKind.Timeout"/>,
    /// which the caller handles like a disconnect (Faulted, counted, reconnect with back-off).
    /// </summary>
    /// <remarks>Only the wait for a sample is timed: the timer is stopped while the consumer holds a sample, so a slow
    /// consumer (training beside the feed) never looks like a hung sensor. Per sample this re-arms one timer and
    /// allocates nothing.</remarks>
    /// <typeparam name="T">The sample type.</typeparam>
    /// <param name="read">Opens the sensor's stream with the token to read it with.</param>
    /// <param name="cancellationToken">Ends the read (<see cref="OperationCanceledException"/>, not a fault).</param>
    /// <returns>The sensor's samples.</returns>
    /// <exception cref="SensorFaultException">The sensor faulted, or delivered nothing for <see cref="ReadTimeout"/>.</exception>
    public async IAsyncEnumerable<T> ReadAsync<T>(Func<CancellationToken, IAsyncEnumerable<T>> read,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(read);
        using var reading = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var watchdog = new ReadWatchdog(reading);
        using ITimer timer = time.CreateTimer(static s => ((ReadWatchdog)s!).Expire(), watchdog, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        IAsyncEnumerator<T> samples = read(reading.Token).GetAsyncEnumerator(reading.Token);
        try
        {
            while (true)
            {
                bool more;
                timer.Change(ReadTimeout, Timeout.InfiniteTimeSpan);
                try
                {
                    more = await samples.MoveNextAsync().ConfigureAwait(false);
                }
                catch (OperationCanceledException ex) when (watchdog.HasExpired && !cancellationToken.IsCancellationRequested)
                {
                    throw new SensorFaultException(TelemetryLabels.Of(sensor), SensorFaultKind.Timeout, string.Create(CultureInfo.InvariantCulture,
                        $"The {TelemetryLabels.Of(sensor)} sensor delivered nothing for {ReadTimeout.TotalMilliseconds} ms while connected; reconnecting."), ex);
                }
                finally
                {
                    timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
                }

                if (!more)
                {
                    yield break;
                }

                yield return samples.Current;
            }
        }
        finally
        {
            await samples.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Waits the first back-off delay after a fault (before reconnecting).</summary>
    public Task BackOffAsync(CancellationToken cancellationToken) =>
        Task.Delay(TimeSpan.FromMilliseconds(options.ReconnectInitialDelayMilliseconds), time, cancellationToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sensor {Sensor}: {PreviousState} -> {State}")]
    private static partial void LogState(ILogger logger, SensorKind sensor, SensorState previousState, SensorState state);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sensor {Sensor} fault: {PreviousState} -> {State}")]
    private static partial void LogFaulted(ILogger logger, Exception exception, SensorKind sensor, SensorState previousState, SensorState state);

    /// <summary>Cancels a read whose sample is overdue and remembers that it did (so the cancellation is a timeout).</summary>
    private sealed class ReadWatchdog(CancellationTokenSource reading)
    {
        private int _expired;

        /// <summary>Gets whether the timer fired.</summary>
        public bool HasExpired => Volatile.Read(ref _expired) == 1;

        /// <summary>Timer callback: marks the timeout and cancels the read.</summary>
        public void Expire()
        {
            Volatile.Write(ref _expired, 1);
            try
            {
                reading.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // The read ended just as the timer fired; nothing to cancel.
            }
        }
    }
}
