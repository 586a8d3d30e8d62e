using Microsoft.Extensions.Options;

namespace SortLine.Pipeline.Particles;

/// <summary>
/// The particle decision rules an operator may change while the line runs (which classes are ejected, the
/// target-fraction threshold and the minimum particle size), with the fixed rules they combine with (class count,
/// reject class and policy, decision rule). Immutable: <see cref="ParticleDecider"/> reads one snapshot per particle
/// from a <see cref="ParticleRulesSlot"/>, so a change applies at a particle boundary.
/// </summary>
/// <remarks>
/// A snapshot is valid exactly when the <see cref="ParticleOptions"/> it describes passes
/// <see cref="ParticleOptionsValidator"/> and <see cref="ParticleOptionsConsistencyValidator"/> (the service's start-up
/// validation): a change that would not be a valid configuration file is not a valid runtime change either.
/// </remarks>
public sealed class ParticleRules
{
    private readonly bool[] _isTarget;
    private readonly int[] _targets;

    private ParticleRules(ParticleOptions options)
    {
        ClassCount = options.ClassCount;
        RejectClass = options.RejectClass;
        Reject = options.Reject;
        Rule = options.Rule;
        TargetFractionThreshold = options.TargetFractionThreshold;
        MinParticlePixels = options.MinParticlePixels;
        _targets = [.. options.TargetClasses];
        _isTarget = new bool[ClassCount];
        foreach (int target in _targets)
        {
            _isTarget[target] = true;
        }

        if (RejectClass > 0 && Reject == RejectPolicy.Eject)
        {
            // Ejecting unknown material: the reject class behaves like a target class.
            _isTarget[RejectClass] = true;
        }
    }

    /// <summary>Gets the number of class ids, background included.</summary>
    public int ClassCount { get; }

    /// <summary>Gets the reject/unknown class id, or −1.</summary>
    public int RejectClass { get; }

    /// <summary>Gets what happens to reject pixels.</summary>
    public RejectPolicy Reject { get; }

    /// <summary>Gets the decision rule.</summary>
    public DecisionRule Rule { get; }

    /// <summary>Gets the class ids to eject, in the order given.</summary>
    public IReadOnlyList<int> TargetClasses => _targets;

    /// <summary>Gets the target-pixel fraction at or above which <see cref="DecisionRule.TargetFraction"/> ejects, in (0, 1].</summary>
    public double TargetFractionThreshold { get; }

    /// <summary>Gets the smallest particle that is decided, pixels.</summary>
    public int MinParticlePixels { get; }

    /// <summary>Builds the rules of validated options.</summary>
    /// <param name="options">The particle options.</param>
    /// <returns>The rules.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">The options fail the validators (the message lists every failure).</exception>
    public static ParticleRules Create(ParticleOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ValidateOptionsResult result = Validate(options);
        if (result.Failed)
        {
            throw new ArgumentException("Invalid particle rules: " + result.FailureMessage, nameof(options));
        }

        return new ParticleRules(options);
    }

    /// <summary>Checks a candidate change without building it (e.g. an OPC UA write validator).</summary>
    /// <param name="targetClasses">The class ids to eject.</param>
    /// <param name="targetFractionThreshold">The threshold, in (0, 1].</param>
    /// <param name="minParticlePixels">The minimum particle size, pixels.</param>
    /// <returns>The validators' verdict on the options with these values.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="targetClasses"/> is null.</exception>
    public ValidateOptionsResult Check(IReadOnlyList<int> targetClasses, double targetFractionThreshold, int minParticlePixels) =>
        Validate(ToOptions(targetClasses, targetFractionThreshold, minParticlePixels));

    /// <summary>Returns these rules with new runtime values; the fixed rules are kept.</summary>
    /// <param name="targetClasses">The class ids to eject.</param>
    /// <param name="targetFractionThreshold">The threshold, in (0, 1].</param>
    /// <param name="minParticlePixels">The minimum particle size, pixels.</param>
    /// <returns>The new rules.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="targetClasses"/> is null.</exception>
    /// <exception cref="ArgumentException">The values fail the validators.</exception>
    public ParticleRules With(IReadOnlyList<int> targetClasses, double targetFractionThreshold, int minParticlePixels) =>
        Create(ToOptions(targetClasses, targetFractionThreshold, minParticlePixels));

    /// <summary>Gets whether a class is ejected (a target class, or the reject class under <see cref="RejectPolicy.Eject"/>).</summary>
    /// <param name="classId">A class id below <see cref="ClassCount"/>.</param>
    /// <returns>True when ejected.</returns>
    public bool IsTarget(int classId) => _isTarget[classId];

    private ParticleOptions ToOptions(IReadOnlyList<int> targetClasses, double targetFractionThreshold, int minParticlePixels)
    {
        ArgumentNullException.ThrowIfNull(targetClasses);
        return new ParticleOptions
        {
            ClassCount = ClassCount,
            RejectClass = RejectClass,
            Reject = Reject,
            Rule = Rule,
            TargetClasses = [.. targetClasses],
            TargetFractionThreshold = targetFractionThreshold,
            MinParticlePixels = minParticlePixels,
        };
    }

    private static ValidateOptionsResult Validate(ParticleOptions options)
    {
        if (options.TargetClasses is null)
        {
            return ValidateOptionsResult.Fail("TargetClasses is required.");
        }

        var failures = new List<string>();
        foreach (IValidateOptions<ParticleOptions> validator in Validators)
        {
            ValidateOptionsResult result = validator.Validate(Microsoft.Extensions.Options.Options.DefaultName, options);
            if (result.Failed)
            {
                failures.AddRange(result.Failures ?? [result.FailureMessage]);
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static readonly IValidateOptions<ParticleOptions>[] Validators = [new ParticleOptionsValidator(), new ParticleOptionsConsistencyValidator()];
}
