namespace SortLine.Telemetry;

/// <summary>A stage of the line pipeline, as reported in metrics (label <c>stage</c>).</summary>
/// <remarks>A closed set on purpose: metric labels must have low cardinality (style guide B8).</remarks>
public enum PipelineStage
{
    /// <summary>Camera lines entering the pipeline (label <c>acquisition</c>).</summary>
    Acquisition = 0,

    /// <summary>Reflectance, smoothing and continuum removal (label <c>preprocessing</c>).</summary>
    Preprocessing = 1,

    /// <summary>Per-pixel classification by the student model (label <c>classification</c>).</summary>
    Classification = 2,

    /// <summary>Grouping classified pixels into particles (label <c>particles</c>).</summary>
    Particles = 3,

    /// <summary>Ejection scheduling and valve commands (label <c>ejection</c>).</summary>
    Ejection = 4,

    /// <summary>LIBS points paired with SWIR spectra for the teacher (label <c>libs_pairing</c>).</summary>
    LibsPairing = 5,
}
