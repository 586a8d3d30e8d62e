using SortLine.Telemetry;

namespace SortLine.Service.Line;

/// <summary>
/// The line's state (<see cref="LineState"/>): published to the metrics (<c>sortline_line_state</c>) and, through
/// <see cref="Changed"/>, to the PLC (<c>Line/State</c>). Thread-safe.
/// </summary>
internal sealed class LineStatus
{
    private readonly ILineTelemetry _telemetry;
    private readonly Lock _gate = new();
    private LineState _state;

    /// <summary>Creates the status in <paramref name="initial"/>.</summary>
    public LineStatus(ILineTelemetry telemetry, LineState initial)
    {
        ArgumentNullException.ThrowIfNull(telemetry);
        _telemetry = telemetry;
        _state = initial;
        telemetry.SetLineState(initial);
    }

    /// <summary>Raised after the state changed, on the changing thread, with the new state.</summary>
    public event EventHandler<LineState>? Changed;

    /// <summary>Gets the current state.</summary>
    public LineState State
    {
        get
        {
            lock (_gate)
            {
                return _state;
            }
        }
    }

    /// <summary>Sets the state; publishes it when it changed.</summary>
    public void Set(LineState state)
    {
        lock (_gate)
        {
            if (_state == state)
            {
                return;
            }

            _state = state;

            // Under the lock, so the metric and the PLC see the transitions in the order they happened.
            _telemetry.SetLineState(state);
            Changed?.Invoke(this, state);
        }
    }
}
