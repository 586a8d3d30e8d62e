using SortLine.Sensors;
using SortLine.Service.Options;
using SortLine.Telemetry;

namespace SortLine.Service.Workers;

/// <summary>
/// Connects a sensor with retries: exponential back-off from <see cref="SortingOptions.ReconnectInitialDelayMilliseconds"/>
/// to <see cref="SortingOptions.ReconnectMaxDelayMilliseconds"/> on <see cref="SensorFaultException"/>; publishes the
/// sensor state and logs once per transition (not per attempt).
/// </summary>
/// <remarks>Thread-safe: <see cref="State"/> is read by other threads (the PLC's commands, captures) while the feed sets it;
/// a transition is one atomic exchange, so concurrent setters publish and log each change exactly once.</remarks>
internal sealed partial class SensorConnector(SensorKind sensor, ISensorTelemetry telemetry, SortingOptions options, TimeProvider time, ILogger logger)
{
    private int _state = (int)SensorState.Disconnected;

    /// <summary>Gets the last published state.</summary>
    public SensorState State => (SensorState)Volatile.Read(ref _state);

    /// <summary>Publishes a state; logs when it changed.</summary>
    public void SetState(SensorState state, Exception? fault = null)
    {
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

    /// <summary>Waits the first back-off delay after a fault (before reconnecting).</summary>
    public Task BackOffAsync(CancellationToken cancellationToken) =>
        Task.Delay(TimeSpan.FromMilliseconds(options.ReconnectInitialDelayMilliseconds), time, cancellationToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sensor {Sensor}: {PreviousState} -> {State}")]
    private static partial void LogState(ILogger logger, SensorKind sensor, SensorState previousState, SensorState state);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sensor {Sensor} fault: {PreviousState} -> {State}")]
    private static partial void LogFaulted(ILogger logger, Exception exception, SensorKind sensor, SensorState previousState, SensorState state);
}
