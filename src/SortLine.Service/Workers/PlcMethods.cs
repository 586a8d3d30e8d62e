using SortLine.OpcUa.AddressSpace;
using SortLine.OpcUa.Encoding;
using SortLine.Sensors.Swir;
using SortLine.Service.Line;

namespace SortLine.Service.Workers;

/// <summary>
/// The sorter methods of the PLC link (<see cref="SortLineMethodHandlers"/>) with real effects: StartLine/StopLine and the
/// reference captures through <see cref="LineControl"/>, RequestRetrain/RollbackModel through
/// <see cref="RetrainingControl"/>, ResetCounters through <see cref="PlcCounters"/>. Outcomes map to status codes: done →
/// Good, <see cref="ControlOutcome.InvalidState"/> → Bad_InvalidState, <see cref="ControlOutcome.NotFound"/> →
/// Bad_NotFound. The node set has checked the inputs (ranges, lengths) before a handler runs.
/// </summary>
internal sealed class PlcMethods(LineControl line, RetrainingControl retraining, PlcCounters counters, Action countersReset)
{
    /// <summary>The actor recorded in the model registry for a rollback from the PLC.</summary>
    public const string Actor = "opcua";

    /// <summary>Creates the handlers for <see cref="SortLineNodeSet.Create(AddressSpaceBuilder, SortLineNodeSetOptions, SortLineMethodHandlers, TimeProvider?)"/>.</summary>
    public SortLineMethodHandlers CreateHandlers() => new()
    {
        StartLine = async ct => ToStatus(await line.StartAsync(ct).ConfigureAwait(false)),
        StopLine = async ct => ToStatus(await line.StopAsync(ct).ConfigureAwait(false)),
        CaptureDarkReference = async (count, ct) => ToStatus(await line.CaptureReferenceAsync(CameraView.DarkShutter, (int)count, ct).ConfigureAwait(false)),
        CaptureWhiteReference = async (count, ct) => ToStatus(await line.CaptureReferenceAsync(CameraView.WhiteReference, (int)count, ct).ConfigureAwait(false)),
        RequestRetrain = (reason, _) => ValueTask.FromResult(string.IsNullOrWhiteSpace(reason) ? StatusCode.BadInvalidArgument : ToStatus(retraining.RequestRetrain(reason.Trim()))),
        RollbackModel = (version, cancellationToken) => ValueTask.FromResult(string.IsNullOrWhiteSpace(version) ? StatusCode.BadNotFound : ToStatus(retraining.RollbackTo(version, Actor, out _))),
        ResetCounters = _ =>
        {
            counters.Reset();
            countersReset();
            return ValueTask.FromResult(StatusCode.Good);
        },
    };

    /// <summary>The status code of an outcome.</summary>
    public static StatusCode ToStatus(ControlOutcome outcome) => outcome switch
    {
        ControlOutcome.Done => StatusCode.Good,
        ControlOutcome.NotFound => StatusCode.BadNotFound,
        _ => StatusCode.BadInvalidState,
    };
}
