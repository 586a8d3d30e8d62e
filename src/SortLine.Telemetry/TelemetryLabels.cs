using SortLine.Sensors;

namespace SortLine.Telemetry;

/// <summary>The metric label value of each telemetry enum member (lower snake case, stable across releases).</summary>
/// <remarks>Dashboards and alert rules match on these strings: renaming one is a breaking change.</remarks>
public static class TelemetryLabels
{
    /// <summary>The <c>stage</c> label value.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="stage"/> is not a defined member.</exception>
    public static string Of(PipelineStage stage) => stage switch
    {
        PipelineStage.Acquisition => "acquisition",
        PipelineStage.Preprocessing => "preprocessing",
        PipelineStage.Classification => "classification",
        PipelineStage.Particles => "particles",
        PipelineStage.Ejection => "ejection",
        PipelineStage.LibsPairing => "libs_pairing",
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, "Unknown pipeline stage."),
    };

    /// <summary>The <c>reason</c> label value.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="reason"/> is not a defined member.</exception>
    public static string Of(DropReason reason) => reason switch
    {
        DropReason.Deadline => "deadline",
        DropReason.QueueFull => "queue_full",
        DropReason.Sensor => "sensor",
        DropReason.Invalid => "invalid",
        DropReason.Fault => "fault",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, "Unknown drop reason."),
    };

    /// <summary>The <c>sensor</c> label value.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="sensor"/> is not a defined member.</exception>
    public static string Of(SensorKind sensor) => sensor switch
    {
        SensorKind.Swir => "swir",
        SensorKind.Libs => "libs",
        SensorKind.Encoder => "encoder",
        _ => throw new ArgumentOutOfRangeException(nameof(sensor), sensor, "Unknown sensor."),
    };

    /// <summary>The <c>state</c> label value.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="state"/> is not a defined member.</exception>
    public static string Of(SensorState state) => state switch
    {
        SensorState.Disconnected => "disconnected",
        SensorState.Connecting => "connecting",
        SensorState.Running => "running",
        SensorState.Degraded => "degraded",
        SensorState.Faulted => "faulted",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Unknown sensor state."),
    };

    /// <summary>The <c>kind</c> label value of a sensor fault.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is not a defined member.</exception>
    public static string Of(SensorFaultKind kind) => kind switch
    {
        SensorFaultKind.Disconnected => "disconnected",
        SensorFaultKind.Timeout => "timeout",
        SensorFaultKind.DataError => "data_error",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown sensor fault kind."),
    };

    /// <summary>The <c>state</c> label value of the line.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="state"/> is not a defined member.</exception>
    public static string Of(LineState state) => state switch
    {
        LineState.Stopped => "stopped",
        LineState.Starting => "starting",
        LineState.Running => "running",
        LineState.Stopping => "stopping",
        LineState.Calibrating => "calibrating",
        LineState.Faulted => "faulted",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Unknown line state."),
    };

    /// <summary>The <c>outcome</c> label value.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="outcome"/> is not a defined member.</exception>
    public static string Of(RetrainOutcome outcome) => outcome switch
    {
        RetrainOutcome.Succeeded => "succeeded",
        RetrainOutcome.Rejected => "rejected",
        RetrainOutcome.Failed => "failed",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Unknown retrain outcome."),
    };

    /// <summary>The <c>condition</c> label value.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="condition"/> is not a defined member.</exception>
    public static string Of(ReadinessCondition condition) => condition switch
    {
        ReadinessCondition.Calibrated => "calibrated",
        ReadinessCondition.ModelLoaded => "model_loaded",
        ReadinessCondition.SensorsUp => "sensors_up",
        _ => throw new ArgumentOutOfRangeException(nameof(condition), condition, "Unknown readiness condition."),
    };
}
