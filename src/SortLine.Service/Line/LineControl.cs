using SortLine.Sensors.Swir;
using SortLine.Service.Workers;

namespace SortLine.Service.Line;

/// <summary>
/// The operator's handle on the line (the PLC's StartLine, StopLine and capture methods): forwards to the running
/// <see cref="SortingLine"/>, which <see cref="SortingWorker"/> attaches once the camera is calibrated. Before that (or
/// with sorting disabled, or after shutdown) every command answers <see cref="ControlOutcome.InvalidState"/>.
/// </summary>
internal sealed class LineControl
{
    private SortingLine? _line;

    /// <summary>Attaches the running line, or detaches it (null) at shutdown.</summary>
    public void Attach(SortingLine? line) => Volatile.Write(ref _line, line);

    /// <summary>Starts sorting.</summary>
    public Task<ControlOutcome> StartAsync(CancellationToken cancellationToken) =>
        Volatile.Read(ref _line) is { } line ? line.StartAsync(cancellationToken) : Task.FromResult(ControlOutcome.InvalidState);

    /// <summary>Stops sorting; completes once the pipeline drained.</summary>
    public Task<ControlOutcome> StopAsync(CancellationToken cancellationToken) =>
        Volatile.Read(ref _line) is { } line ? line.StopAsync(cancellationToken) : Task.FromResult(ControlOutcome.InvalidState);

    /// <summary>Captures a dark or white reference of <paramref name="lineCount"/> lines and publishes the new plan.</summary>
    public Task<ControlOutcome> CaptureReferenceAsync(CameraView view, int lineCount, CancellationToken cancellationToken) =>
        Volatile.Read(ref _line) is { } line ? line.CaptureReferenceAsync(view, lineCount, cancellationToken) : Task.FromResult(ControlOutcome.InvalidState);
}
