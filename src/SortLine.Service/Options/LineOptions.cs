using System.ComponentModel.DataAnnotations;

namespace SortLine.Service.Options;

/// <summary>The sorting line: identity, belt kinematics and the latency budget of a decision.</summary>
/// <remarks>
/// Defaults are the values of the methods brief (§1): 3 m/s belt, valves 150 mm after the scan line, so a
/// particle reaches them 50 ms after it is scanned; valves need a few ms (3 ms here). The per-line processing
/// target of 1 ms keeps up with today's fastest cameras (700 lines/s gives 1.4 ms per line).
/// </remarks>
internal sealed class LineOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "SortLine:Line";

    /// <summary>Gets the line identifier (shown in logs and as the <c>line</c> label of <c>sortline_service_info</c>).</summary>
    [Required(ErrorMessage = $"{SectionName}:{nameof(LineId)} is required.")]
    [RegularExpression("^[a-z0-9][a-z0-9-]{0,31}$", ErrorMessage = $"{SectionName}:{nameof(LineId)} must be 1-32 characters of a-z, 0-9 and '-', starting with a letter or digit.")]
    public string LineId { get; set; } = "line-1";

    /// <summary>Gets the belt speed in m/s.</summary>
    [Range(0.1, 10.0)]
    public double BeltSpeedMetersPerSecond { get; set; } = 3.0;

    /// <summary>Gets the belt encoder's counts per metre of belt travel.</summary>
    [Range(1.0, 1.0e7)]
    public double EncoderCountsPerMeter { get; set; } = 10_000.0;

    /// <summary>Gets the distance from the SWIR scan line to the valve bank along the belt, in mm.</summary>
    [Range(10.0, 5_000.0)]
    public double ScanToValveDistanceMillimeters { get; set; } = 150.0;

    /// <summary>Gets the valve latency (command to air jet), in ms.</summary>
    [Range(0.0, 100.0)]
    public double ValveLatencyMilliseconds { get; set; } = 3.0;

    /// <summary>Gets the end-to-end budget from scan line to air jet, in ms; at most the belt travel time to the valves.</summary>
    [Range(0.1, 10_000.0)]
    public double LatencyBudgetMilliseconds { get; set; } = 50.0;

    /// <summary>Gets the target for scan line to ejection decision (the p99 alert threshold), in ms.</summary>
    [Range(0.01, 1_000.0)]
    public double DecisionBudgetMilliseconds { get; set; } = 1.0;

    /// <summary>
    /// Gets the sort classes of the line (mineral names, lower snake case); the model's classes must be among them.
    /// Empty after binding means the documented default (lepidolite, albite, quartz, muscovite, background).
    /// </summary>
    /// <remarks>A get-only list: the configuration binder appends to a list, so defaults cannot live in an initializer.</remarks>
    public IList<string> Classes { get; } = new List<string>();

    /// <summary>The documented default classes (methods brief §3: four minerals and background).</summary>
    public static IReadOnlyList<string> DefaultClasses { get; } = ["lepidolite", "albite", "quartz", "muscovite", "background"];

    /// <summary>Gets the belt travel time from scan line to valves, in ms.</summary>
    public double TravelTimeMilliseconds => ScanToValveDistanceMillimeters / BeltSpeedMetersPerSecond;
}
