namespace SortLine.Telemetry;

/// <summary>A condition that must hold before the service reports ready (<c>/readyz</c>).</summary>
public enum ReadinessCondition
{
    /// <summary>Dark and white references of the SWIR camera are taken (label <c>calibrated</c>).</summary>
    Calibrated = 0,

    /// <summary>A student model is loaded and active (label <c>model_loaded</c>).</summary>
    ModelLoaded = 1,

    /// <summary>The sensors the line needs are delivering (label <c>sensors_up</c>).</summary>
    SensorsUp = 2,
}
