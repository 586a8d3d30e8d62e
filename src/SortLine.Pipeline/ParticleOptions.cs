using System.ComponentModel.DataAnnotations;
using SortLine.Pipeline.Particles;

namespace SortLine.Pipeline;

/// <summary>Particle tracking and decision settings (<see cref="ParticleTracker"/>, <see cref="ParticleDecider"/>).</summary>
/// <remarks>
/// Class 0 is always the belt/background. Validated by <see cref="ParticleOptionsValidator"/> (ranges) and
/// <see cref="ParticleOptionsConsistencyValidator"/> (cross-field rules).
/// </remarks>
public sealed class ParticleOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "SortLine:Particles";

    /// <summary>Gets the number of class ids the classifier emits, background included (ids 0..ClassCount−1).</summary>
    [Range(2, 256)]
    public int ClassCount { get; init; } = 6;

    /// <summary>Gets the reject/unknown class id (foreground, but not a mineral), or −1 when the model has none.</summary>
    [Range(-1, 255)]
    public int RejectClass { get; init; } = 5;

    /// <summary>Gets the class ids to eject (e.g. lepidolite = 1).</summary>
    [Required]
    [MinLength(1)]
    public int[] TargetClasses { get; init; } = [1];

    /// <summary>Gets the decision rule.</summary>
    [EnumDataType(typeof(DecisionRule))]
    public DecisionRule Rule { get; init; } = DecisionRule.MajorityVote;

    /// <summary>Gets the target-pixel fraction at or above which <see cref="DecisionRule.TargetFraction"/> ejects.</summary>
    /// <remarks>A fraction of the voting pixels, in (0, 1].</remarks>
    [Range(1e-6, 1.0)]
    public double TargetFractionThreshold { get; init; } = 0.5;

    /// <summary>Gets what happens to reject/unknown pixels.</summary>
    [EnumDataType(typeof(RejectPolicy))]
    public RejectPolicy Reject { get; init; } = RejectPolicy.Exclude;

    /// <summary>Gets the smallest particle, in pixels, that is decided; smaller ones are ignored and counted (noise, dust).</summary>
    [Range(1, 1_000_000)]
    public int MinParticlePixels { get; init; } = 20;

    /// <summary>Gets the number of particles that may be open at once; more are not tracked and counted as overflow.</summary>
    [Range(1, 65_536)]
    public int MaxOpenParticles { get; init; } = 256;

    /// <summary>
    /// Gets the longest run of missing lines (a gap in <see cref="Sensors.SampleStamp.Sequence"/>) that particles bridge;
    /// a longer gap closes every open particle first.
    /// </summary>
    /// <remarks>In lines. 0 means any dropped line breaks the particles.</remarks>
    [Range(0, 1000)]
    public int MaxGapLines { get; init; } = 2;

    /// <summary>Gets the longest particle, in lines; a particle that reaches it is force-closed and counted (something stuck in view).</summary>
    /// <remarks>In lines rather than encoder counts so that the guard also works while the belt stands still.</remarks>
    [Range(1, 1_000_000)]
    public int MaxParticleLines { get; init; } = 512;
}
