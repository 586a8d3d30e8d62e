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
/// (<see cref="TryDecide"/> returns false and <see cref="IgnoredTooSmall"/> counts them). Immutable after
/// construction apart from the counters; not thread-safe.</para>
/// </remarks>
public sealed class ParticleDecider
{
    private readonly bool[] _isTarget;
    private readonly int _classCount;
    private readonly int _rejectClass;
    private readonly RejectPolicy _rejectPolicy;
    private readonly DecisionRule _rule;
    private readonly double _threshold;
    private readonly int _minPixels;

    /// <summary>Creates a decider.</summary>
    /// <param name="options">The decision options (assumed validated; class ids are checked again).</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">A target or reject class id is out of range.</exception>
    public ParticleDecider(ParticleOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(options.TargetClasses, nameof(options));
        _classCount = options.ClassCount;
        _rejectClass = options.RejectClass;
        _rejectPolicy = options.Reject;
        _rule = options.Rule;
        _threshold = options.TargetFractionThreshold;
        _minPixels = options.MinParticlePixels;
        if (_rejectClass == 0 || _rejectClass >= _classCount || _rejectClass < -1)
        {
            throw new ArgumentException($"RejectClass {_rejectClass} is not -1 or a foreground class id below {_classCount}.", nameof(options));
        }

        _isTarget = new bool[_classCount];
        foreach (int target in options.TargetClasses)
        {
            if (target < 1 || target >= _classCount)
            {
                throw new ArgumentException($"Target class {target} is not a foreground class id below {_classCount}.", nameof(options));
            }

            _isTarget[target] = true;
        }

        if (_rejectClass > 0 && _rejectPolicy == RejectPolicy.Eject)
        {
            // Ejecting unknown material: the reject class behaves like a target class.
            _isTarget[_rejectClass] = true;
        }
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
        ReadOnlySpan<int> counts = particle.ClassPixelCounts;
        if (counts.Length != _classCount)
        {
            throw new ArgumentException($"The particle has {counts.Length} class counts; the decider expects {_classCount}.", nameof(particle));
        }

        if (particle.PixelCount < _minPixels)
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
            if (n == 0 || (c == _rejectClass && _rejectPolicy == RejectPolicy.Exclude))
            {
                continue;
            }

            voting += n;
            if (_isTarget[c])
            {
                targetPixels += n;
                if (bestTarget < 0 || n > counts[bestTarget])
                {
                    bestTarget = c;
                }
            }

            // Strictly more wins; on a tie a target class replaces a non-target one; otherwise the lower id stays.
            if (best < 0 || n > counts[best] || (n == counts[best] && _isTarget[c] && !_isTarget[best]))
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
            decidedClass = _rejectClass > 0 ? _rejectClass : 0;
            confidence = 0;
            eject = false;
        }
        else if (_rule == DecisionRule.TargetFraction && targetPixels > 0 && (double)targetPixels / voting >= _threshold)
        {
            decidedClass = bestTarget;
            confidence = (double)targetPixels / voting;
            eject = true;
        }
        else
        {
            decidedClass = best;
            confidence = (double)counts[best] / voting;
            eject = _rule == DecisionRule.MajorityVote && _isTarget[best];
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
