namespace SortLine.Telemetry;

/// <summary>A sensor of the line, as reported in metrics (label <c>sensor</c>).</summary>
public enum SensorKind
{
    /// <summary>The SWIR push-broom camera (label <c>swir</c>).</summary>
    Swir = 0,

    /// <summary>The LIBS spectrometer (label <c>libs</c>).</summary>
    Libs = 1,

    /// <summary>The belt encoder (label <c>encoder</c>).</summary>
    Encoder = 2,
}
