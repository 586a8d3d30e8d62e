namespace SortLine.Pipeline.Particles;

/// <summary>
/// Decides what a closed particle is and whether to eject it, by <see cref="ParticleOptions.Rule"/>: majority vote
/// over its per-class pixel counts, or the fraction of target-class pixels against a threshold.
/// </summary>
/// <remarks>
/// <para>Voting pixels: all foreground pixels, except reject-class pixels under <see cref="RejectPolicy.Exclude"/>.</para>
/// <para>Majority ties: a tied target class beats a tied non-target class (a tie with the target mineral is ejected);
/// otherwise the lowest class id wins. Under <see cref="DecisionRule.TargetFraction"/> the decided class of an
/// ejected particle is its most frequent target class (ties: lowest id) with the summed target fraction as
/// confidence; a passed particle gets the majority class and its fraction.</para>
/// <para>Particles smaller than <see cref="ParticleOptions.MinParticlePixels"/> are not decided
/// (<see cref="TryDecide"/> returns false and <see cref="IgnoredTooSmall"/> counts them).</para>
/// <para><b>Runtime changes.</b> The target classes, the threshold and the minimum size come from a
/// <see cref="ParticleRulesSlot"/>, read once per particle, so an operator's change applies at a particle boundary
/// (never half-way through one) without locks or allocation. Not thread-safe apart from the slot: one stage owns a
/// decider.</para>
/// </remarks>
public sealed class ParticleDecider
{
    private readonly ParticleRulesSlot _rules;

    /// <summary>Creates a decider with fixed rules.</summary>
    /// <param name="options">The decision options; validated like the service's configuration.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">The options are invalid (e.g. a target or reject class id out of range).</exception>
    public ParticleDecider(ParticleOptions options)
        : this(new ParticleRulesSlot(ParticleRules.Create(options ?? throw new ArgumentNullException(nameof(options)))))
    {
    }

    /// <summary>Creates a decider whose rules can change while it runs.</summary>
    /// <param name="rules">The rules slot; <see cref="ParticleRulesSlot.Current"/> is read once per particle.</param>
    /// <exception cref="ArgumentNullException"><paramref name="rules"/> is null.</exception>
    public ParticleDecider(ParticleRulesSlot rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        _rules = rules;
    }

    /// <summary>Gets the number of particles ignored because they were smaller than the minimum size.</summary>
    public long IgnoredTooSmall { get; private set; }

    /// <summary>Gets the number of particles decided for ejection.</summary>
    public long Ejected { get; private set; }

    /// <summary>Gets the number of particles decided to pass.</summary>
    public long Passed { get; private set; }

    /// <summary>Decides one particle.</summary>
    /// <param name="particle">A closed particle from <see cref="ParticleTracker.Closed"/>.</param>
    /// <param name="decidedAt">The encoder position of the line that closed it (see <see cref="ParticleDecision.DecidedAt"/>).</param>
    /// <param name="decision">The decision, when the particle is large enough.</param>
    /// <returns>False when the particle is smaller than <see cref="ParticleOptions.MinParticlePixels"/> (ignored, counted).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="particle"/> is null.</exception>
    /// <exception cref="ArgumentException">The particle was tracked with a different class count.</exception>
    public bool TryDecide(Particle particle, Sensors.Encoder.EncoderPosition decidedAt, out ParticleDecision decision)
    {
        ArgumentNullException.ThrowIfNull(particle);
        // One snapshot per particle: a change published meanwhile applies from the next particle on.
        ParticleRules rules = _rules.Current;
        ReadOnlySpan<int> counts = particle.ClassPixelCounts;
        if (counts.Length != rules.ClassCount)
        {
            throw new ArgumentException($"The particle has {counts.Length} class counts; the decider expects {rules.ClassCount}.", nameof(particle));
        }

        int rejectClass = rules.RejectClass;
        RejectPolicy rejectPolicy = rules.Reject;
        DecisionRule rule = rules.Rule;
        if (particle.PixelCount < rules.MinParticlePixels)
        {
            IgnoredTooSmall++;
            decision = default;
            return false;
        }

        int voting = 0;
        int targetPixels = 0;
        int best = -1;
        int bestTarget = -1;
        for (int c = 1; c < counts.Length; c++)
        {
            int n = counts[c];
            if (n == 0 || (c == rejectClass && rejectPolicy == RejectPolicy.Exclude))
            {
                continue;
            }

            voting += n;
            if (rules.IsTarget(c))
            {
                targetPixels += n;
                if (bestTarget < 0 || n > counts[bestTarget])
                {
                    bestTarget = c;
                }
            }

            // Strictly more wins; on a tie a target class replaces a non-target one; otherwise the lower id stays.
            if (best < 0 || n > counts[best] || (n == counts[best] && rules.IsTarget(c) && !rules.IsTarget(best)))
            {
                best = c;
            }
        }

        int decidedClass;
        double confidence;
        bool eject;
        if (voting == 0)
        {
            // Only reject pixels, and they do not vote: unknown material, not ejected.
            decidedClass = rejectClass > 0 ? rejectClass : 0;
            confidence = 0;
            eject = false;
        }
        else if (rule == DecisionRule.TargetFraction && targetPixels > 0 && (double)targetPixels / voting >= rules.TargetFractionThreshold)
        {
            decidedClass = bestTarget;
            confidence = (double)targetPixels / voting;
            eject = true;
        }
        else
        {
            decidedClass = best;
            confidence = (double)counts[best] / voting;
            eject = rule == DecisionRule.MajorityVote && rules.IsTarget(best);
        }

        if (eject)
        {
            Ejected++;
        }
        else
        {
            Passed++;
        }

        decision = new ParticleDecision(particle.Id, decidedClass, confidence, eject, particle.FirstColumn, particle.LastColumn,
            particle.FirstEncoder, particle.LastEncoder, particle.PixelCount, particle.CloseReason, decidedAt, particle.FirstTimestamp);
        return true;
    }
}
