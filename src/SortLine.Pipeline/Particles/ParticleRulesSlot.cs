namespace SortLine.Pipeline.Particles;

/// <summary>
/// The line's current <see cref="ParticleRules"/>, swapped atomically while the line runs. The decider reads
/// <see cref="Current"/> once per particle (one volatile read: no lock, no allocation); a writer publishes a whole new
/// snapshot, so a particle is never decided with half of a change.
/// </summary>
/// <remarks>Thread-safe. Outlives pipelines: a stopped and restarted line keeps the rules an operator set.</remarks>
public sealed class ParticleRulesSlot
{
    private ParticleRules _current;

    /// <summary>Creates the slot with its first rules.</summary>
    /// <param name="initial">The rules from the configuration.</param>
    /// <exception cref="ArgumentNullException"><paramref name="initial"/> is null.</exception>
    public ParticleRulesSlot(ParticleRules initial)
    {
        ArgumentNullException.ThrowIfNull(initial);
        _current = initial;
    }

    /// <summary>Raised after <see cref="Publish"/> swapped the rules, on the publisher's thread, with the new rules.</summary>
    public event EventHandler<ParticleRules>? Changed;

    /// <summary>Gets the rules in force.</summary>
    public ParticleRules Current => Volatile.Read(ref _current);

    /// <summary>Replaces the rules; particles decided from now on use them.</summary>
    /// <param name="rules">The new rules.</param>
    /// <exception cref="ArgumentNullException"><paramref name="rules"/> is null.</exception>
    /// <exception cref="ArgumentException">The rules have another class count, reject class, reject policy or decision rule
    /// (those are fixed for the line's classifier and are not swapped at runtime).</exception>
    public void Publish(ParticleRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ParticleRules current = Current;
        if (rules.ClassCount != current.ClassCount || rules.RejectClass != current.RejectClass || rules.Reject != current.Reject || rules.Rule != current.Rule)
        {
            throw new ArgumentException("Only the target classes, the threshold and the minimum size change at runtime.", nameof(rules));
        }

        Volatile.Write(ref _current, rules);
        Changed?.Invoke(this, rules);
    }
}
