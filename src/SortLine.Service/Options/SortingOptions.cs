using System.ComponentModel.DataAnnotations;

namespace SortLine.Service.Options;

/// <summary>How the host runs the sorting pipeline: calibration, preprocessing, edges into the pipeline, sinks, reconnects.</summary>
/// <remarks>
/// Preprocessing follows the methods brief §2: reflectance from dark/white references averaged over
/// <see cref="DarkLines"/>/<see cref="WhiteLines"/> lines, Savitzky-Golay along bands, hull quotient. The pipeline's
/// own settings are bound from <c>SortLine:Particles</c>, <c>SortLine:Ejection</c> and <c>SortLine:Pipeline</c>.
/// </remarks>
internal sealed class SortingOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "SortLine:Sorting";

    /// <summary>Gets whether the service runs the line (sensors, calibration, learning, sorting); false serves only the
    /// endpoints (metrics, probes), e.g. for tests of the host itself.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Gets the lines averaged into the dark reference.</summary>
    [Range(1, 100_000)]
    public int DarkLines { get; set; } = 64;

    /// <summary>Gets the lines averaged into the white reference.</summary>
    [Range(1, 100_000)]
    public int WhiteLines { get; set; } = 64;

    /// <summary>Gets the Savitzky-Golay window along bands (odd, greater than the order).</summary>
    [Range(3, 101)]
    public int SavitzkyGolayWindow { get; set; } = 11;

    /// <summary>Gets the Savitzky-Golay polynomial order.</summary>
    [Range(0, 10)]
    public int SavitzkyGolayOrder { get; set; } = 2;

    /// <summary>Gets the mean reflectance below which a pixel is belt (background, class 0) without asking the model.</summary>
    /// <remarks>The hull quotient removes brightness, so a flat dark belt and a flat bright mineral look alike to the
    /// student; the belt is segmented by brightness first (dark rubber ≈ 0.05, ores ≥ 0.3).</remarks>
    [Range(0.0, 1.0)]
    public double BackgroundReflectanceThreshold { get; set; } = 0.15;

    /// <summary>Gets the capacity of the camera edge (raw lines waiting for classification; full: the oldest is dropped).</summary>
    [Range(1, 100_000)]
    public int CameraChannelCapacity { get; set; } = 64;

    /// <summary>Gets the number of classification workers (each preprocesses and classifies whole lines; lines leave in order).</summary>
    /// <remarks>Default 2: on the 2-core reference machine two workers hold 670 lines/s with the retraining beside them
    /// (see benchmarks/README.md, "Service pipeline"); more than the cores available only adds switching.</remarks>
    [Range(1, 64)]
    public int ClassificationWorkers { get; set; } = 2;

    /// <summary>Gets the decision log file (one line per ejection command; relative paths are under the working directory; empty: none).</summary>
    public string DecisionLogPath { get; set; } = "logs/decisions.log";

    /// <summary>Gets how many ejection commands are logged at Information after start; later ones at Debug.</summary>
    [Range(0, 1_000_000)]
    public int InformationCommands { get; set; } = 20;

    /// <summary>Gets the first reconnect delay after a sensor fault, ms (doubled per failed attempt).</summary>
    [Range(1, 600_000)]
    public int ReconnectInitialDelayMilliseconds { get; set; } = 200;

    /// <summary>Gets the longest reconnect delay, ms.</summary>
    [Range(1, 600_000)]
    public int ReconnectMaxDelayMilliseconds { get; set; } = 10_000;

    /// <summary>Gets how long, ms, the service waits for the next camera line before it declares a timeout fault
    /// (then the camera is Faulted, the fault counted, and it is reconnected with back-off, as after a disconnect).</summary>
    /// <remarks>Default 1 s: 670 line periods at the fastest line rate (670 lines/s) and 100 at the simulator's 100 lines/s,
    /// so only a camera that stopped delivering trips it, never scheduling jitter of a loaded host. Time the consumer
    /// spends on a line it holds does not count.</remarks>
    [Range(10, 600_000)]
    public int CameraReadTimeoutMilliseconds { get; set; } = 1_000;

    /// <summary>Gets how long, ms, the service waits for the next LIBS point before it declares a timeout fault.</summary>
    /// <remarks>Default 5 s: 500 shot periods at 100 points/s and still 5 periods at the slowest 1 point/s scan.</remarks>
    [Range(10, 600_000)]
    public int LibsReadTimeoutMilliseconds { get; set; } = 5_000;
}
