using System.Globalization;
using Microsoft.Extensions.Options;
using SortLine.Pipeline;
using SortLine.Service.Options;

namespace SortLine.Service.Line;

/// <summary>
/// The pipeline's class names by class id, derived from the configuration: id 0 is the belt (<see cref="Background"/>),
/// ids 1..m are the minerals of <c>SortLine:Line:Classes</c> in their configured order (background left out), and the
/// reject class <c>SortLine:Particles:RejectClass</c>, when there is one, is id m + 1 named <see cref="Unknown"/>.
/// Published to the PLC as <c>Line/ClassNames</c> and used for the per-class counters and configuration writes.
/// </summary>
/// <remarks>
/// The ids must agree with <c>SortLine:Particles:ClassCount</c>: <c>ClassCount</c> = 1 + m, plus 1 when a reject class is
/// configured, and that reject class must be m + 1. <see cref="Check"/> states every disagreement with the keys
/// involved; the host refuses to start on one (<see cref="PipelineClassesValidator"/>).
/// </remarks>
internal sealed class PipelineClasses
{
    /// <summary>The name of class id 0, the belt.</summary>
    public const string Background = "background";

    /// <summary>The name of the reject class.</summary>
    public const string Unknown = "unknown";

    private PipelineClasses(string[] names) => Names = names;

    /// <summary>Gets the class names by class id.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>Derives the class names.</summary>
    /// <param name="line">The line options (its <see cref="LineOptions.Classes"/>, defaults applied).</param>
    /// <param name="particles">The particle options (<see cref="ParticleOptions.ClassCount"/>, <see cref="ParticleOptions.RejectClass"/>).</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="OptionsValidationException">The two sections disagree (the message names the keys).</exception>
    public static PipelineClasses Create(LineOptions line, ParticleOptions particles)
    {
        List<string> failures = Check(line, particles, out string[] names);
        return failures.Count == 0 ? new PipelineClasses(names) : throw new OptionsValidationException(ParticleOptions.SectionName, typeof(ParticleOptions), failures);
    }

    /// <summary>Derives the class names and lists every disagreement between the two sections.</summary>
    /// <param name="line">The line options.</param>
    /// <param name="particles">The particle options.</param>
    /// <param name="names">The names by class id (also when there are failures: then only for the record).</param>
    /// <returns>The failures; empty when the configuration is consistent.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static List<string> Check(LineOptions line, ParticleOptions particles, out string[] names)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(particles);
        var list = new List<string> { Background };
        foreach (string c in line.Classes)
        {
            if (!string.Equals(c, Background, StringComparison.Ordinal))
            {
                list.Add(c);
            }
        }

        int minerals = list.Count - 1;
        bool hasReject = particles.RejectClass >= 0;
        if (hasReject)
        {
            list.Add(Unknown);
        }

        names = [.. list];
        var failures = new List<string>();
        const string Count = ParticleOptions.SectionName + ":" + nameof(ParticleOptions.ClassCount);
        const string Reject = ParticleOptions.SectionName + ":" + nameof(ParticleOptions.RejectClass);
        const string Classes = LineOptions.SectionName + ":" + nameof(LineOptions.Classes);
        if (particles.ClassCount != names.Length)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture,
                $"{Count} ({particles.ClassCount}) must be {names.Length}: background, the {minerals} minerals of {Classes}{(hasReject ? " and the reject class" : string.Empty)} ({string.Join(", ", names)})."));
        }

        if (hasReject && particles.RejectClass != minerals + 1)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture,
                $"{Reject} ({particles.RejectClass}) must be {minerals + 1}, the id after the {minerals} minerals of {Classes}, or -1 for none."));
        }

        return failures;
    }
}
