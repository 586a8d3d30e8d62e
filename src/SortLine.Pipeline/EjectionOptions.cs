using System.ComponentModel.DataAnnotations;
using SortLine.Pipeline.Scheduling;

namespace SortLine.Pipeline;

/// <summary>Valve bank geometry and timing for <see cref="EjectionScheduler"/>.</summary>
/// <remarks>
/// Across-belt positions are in millimetres from the belt's left edge (seen in the direction of travel), which is
/// also the left edge of valve 0. Along-belt distances are in millimetres and converted to encoder counts with the
/// encoder's <see cref="Sensors.Encoder.EncoderScale"/>; times are converted with the belt speed measured from the
/// encoder rate. Defaults follow the methods brief (150 mm scan-to-valve, 3 m/s, a few ms valve latency).
/// Validated by <see cref="EjectionOptionsValidator"/> (ranges) and <see cref="EjectionOptionsConsistencyValidator"/>.
/// </remarks>
public sealed class EjectionOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "SortLine:Ejection";

    /// <summary>Gets the number of valves in the bank.</summary>
    [Range(1, 4096)]
    public int ValveCount { get; init; } = 64;

    /// <summary>Gets the across-belt width of one valve's air jet, in mm (valve v covers [v·pitch, (v+1)·pitch)).</summary>
    [Range(0.1, 1000.0)]
    public double ValvePitchMm { get; init; } = 12.0;

    /// <summary>Gets the belt width the camera and valves must cover, in mm.</summary>
    [Range(1.0, 10_000.0)]
    public double BeltWidthMm { get; init; } = 768.0;

    /// <summary>Gets the across-belt width of one camera pixel at the belt, in mm.</summary>
    [Range(0.01, 100.0)]
    public double PixelPitchMm { get; init; } = 2.0;

    /// <summary>Gets the across-belt position of camera pixel 0's left edge, in mm from the belt's left edge (may be negative).</summary>
    [Range(-10_000.0, 10_000.0)]
    public double PixelOffsetMm { get; init; }

    /// <summary>Gets the along-belt distance from the camera's scan line to the valve line, in mm.</summary>
    [Range(1.0, 10_000.0)]
    public double ScanToValveDistanceMm { get; init; } = 150.0;

    /// <summary>Gets the valve latency: command to air (opening and closing are assumed equal).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:01")]
    public TimeSpan ValveLatency { get; init; } = TimeSpan.FromMilliseconds(5);

    /// <summary>Gets the shortest valve pulse; shorter windows are lengthened at their end.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:01")]
    public TimeSpan MinimumPulse { get; init; } = TimeSpan.FromMilliseconds(2);

    /// <summary>Gets the margin added before the particle's leading edge, in mm of belt travel.</summary>
    [Range(0.0, 1000.0)]
    public double PreMarginMm { get; init; } = 5.0;

    /// <summary>Gets the margin added after the particle's trailing edge, in mm of belt travel.</summary>
    [Range(0.0, 1000.0)]
    public double PostMarginMm { get; init; } = 5.0;

    /// <summary>Gets the largest gap, in mm of belt travel, between two pulses on one valve that is bridged by merging them.</summary>
    [Range(0.0, 1000.0)]
    public double MergeGapMm { get; init; } = 2.0;

    /// <summary>
    /// Gets how long before its start a command is released to the sinks; until then it may still merge with later
    /// pulses. Covers the transport to the PLC.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:10")]
    public TimeSpan CommandLead { get; init; } = TimeSpan.FromMilliseconds(10);

    /// <summary>Gets the fastest belt speed the line runs at, in m/s.</summary>
    [Range(0.01, 20.0)]
    public double MaxBeltSpeedMetersPerSecond { get; init; } = 3.0;

    /// <summary>Gets the number of per-valve pulses the scheduler can hold before release; more are dropped and counted.</summary>
    [Range(1, 1_000_000)]
    public int PendingPulseCapacity { get; init; } = 4096;
}
