using Microsoft.Extensions.Options;
using SortLine.Pipeline.Particles;
using SortLine.Sensors;
using SortLine.Sensors.Encoder;

namespace SortLine.Pipeline.Tests.Particles;

/// <summary>The runtime-swappable decision rules: validated like the options, swapped at particle boundaries.</summary>
public sealed class ParticleRulesTests
{
    private static readonly EncoderPosition DecidedAt = new(999);

    private static Particle ParticleWith(params (int Class, int Pixels)[] composition)
    {
        byte[] line = [0, .. composition.SelectMany(c => Enumerable.Repeat((byte)c.Class, c.Pixels)), 0];
        var tracker = new ParticleTracker(line.Length, new ParticleOptions());
        tracker.Track(new SampleStamp(4, new EncoderPosition(40), 4), line, default);
        tracker.Track(new SampleStamp(5, new EncoderPosition(50), 5), new byte[line.Length], default);
        return tracker.Closed[0];
    }

    private static ParticleRules Defaults() => ParticleRules.Create(new ParticleOptions { MinParticlePixels = 1 });

    [Theory]
    [InlineData(new int[0], 0.5, 20)]          // no target class ([MinLength(1)])
    [InlineData(new[] { 0 }, 0.5, 20)]          // background
    [InlineData(new[] { 5 }, 0.5, 20)]          // the reject class
    [InlineData(new[] { 6 }, 0.5, 20)]          // beyond ClassCount
    [InlineData(new[] { 1, 1 }, 0.5, 20)]       // listed twice
    [InlineData(new[] { 1 }, 0.0, 20)]          // threshold below (0, 1]
    [InlineData(new[] { 1 }, 1.5, 20)]
    [InlineData(new[] { 1 }, double.NaN, 20)]
    [InlineData(new[] { 1 }, 0.5, 0)]           // min size below 1
    [InlineData(new[] { 1 }, 0.5, 1_000_001)]   // above the options' maximum
    public void Check_ValuesTheOptionsValidatorsRefuse_Fails(int[] targets, double threshold, int minPixels)
    {
        ParticleRules rules = Defaults();

        ValidateOptionsResult result = rules.Check(targets, threshold, minPixels);

        // The same verdict as the service's start-up validation of the equivalent options.
        var options = new ParticleOptions { TargetClasses = targets, TargetFractionThreshold = threshold, MinParticlePixels = minPixels };
        bool optionsFail = new ParticleOptionsValidator().Validate(null, options).Failed || new ParticleOptionsConsistencyValidator().Validate(null, options).Failed;
        Assert.True(result.Failed);
        Assert.True(optionsFail);
        Assert.Throws<ArgumentException>(() => rules.With(targets, threshold, minPixels));
    }

    [Theory]
    [InlineData(new[] { 2, 3 }, 1e-6, 1)]
    [InlineData(new[] { 4 }, 1.0, 1_000_000)]
    public void With_ValidValues_KeepsTheFixedRules(int[] targets, double threshold, int minPixels)
    {
        ParticleRules rules = ParticleRules.Create(new ParticleOptions { Rule = DecisionRule.TargetFraction, Reject = RejectPolicy.Pass });

        ParticleRules changed = rules.With(targets, threshold, minPixels);

        Assert.Equal(targets, changed.TargetClasses);
        Assert.Equal((threshold, minPixels), (changed.TargetFractionThreshold, changed.MinParticlePixels));
        Assert.Equal((rules.ClassCount, rules.RejectClass, rules.Reject, rules.Rule), (changed.ClassCount, changed.RejectClass, changed.Reject, changed.Rule));
    }

    [Fact]
    public void IsTarget_RejectPolicyEject_RejectClassIsTarget()
    {
        ParticleRules rules = ParticleRules.Create(new ParticleOptions { TargetClasses = [2], Reject = RejectPolicy.Eject, RejectClass = 5 });

        Assert.Equal((false, true, true), (rules.IsTarget(1), rules.IsTarget(2), rules.IsTarget(5)));
    }

    [Fact]
    public void Publish_OtherFixedRules_ThrowsAndKeepsTheCurrentRules()
    {
        ParticleRules initial = Defaults();
        var slot = new ParticleRulesSlot(initial);

        Assert.Throws<ArgumentException>(() => slot.Publish(ParticleRules.Create(new ParticleOptions { ClassCount = 7, RejectClass = 6 })));
        Assert.Same(initial, slot.Current);
    }

    [Fact]
    public void Publish_NewRules_RaisesChangedWithThem()
    {
        var slot = new ParticleRulesSlot(Defaults());
        ParticleRules? seen = null;
        slot.Changed += (_, r) => seen = r;
        ParticleRules next = slot.Current.With([3], 0.5, 1);

        slot.Publish(next);

        Assert.Same(next, seen);
        Assert.Same(next, slot.Current);
    }

    [Fact]
    public void TryDecide_TargetClassesChangedBetweenParticles_NextParticleUsesTheNewTargets()
    {
        var slot = new ParticleRulesSlot(Defaults()); // target lepidolite (1)
        var decider = new ParticleDecider(slot);
        decider.TryDecide(ParticleWith((2, 10)), DecidedAt, out ParticleDecision beforeChange);

        slot.Publish(slot.Current.With([2], 0.5, 1));
        decider.TryDecide(ParticleWith((2, 10)), DecidedAt, out ParticleDecision afterChange);

        Assert.False(beforeChange.Eject);
        Assert.True(afterChange.Eject);
    }

    [Fact]
    public void TryDecide_MinimumSizeRaised_SmallerParticleIgnored()
    {
        var slot = new ParticleRulesSlot(Defaults());
        var decider = new ParticleDecider(slot);
        Assert.True(decider.TryDecide(ParticleWith((1, 5)), DecidedAt, out _));

        slot.Publish(slot.Current.With([1], 0.5, 6));

        Assert.False(decider.TryDecide(ParticleWith((1, 5)), DecidedAt, out _));
        Assert.Equal(1, decider.IgnoredTooSmall);
    }

    [Fact]
    public void TryDecide_ThresholdChanged_TargetFractionDecisionFollows()
    {
        var slot = new ParticleRulesSlot(ParticleRules.Create(new ParticleOptions { MinParticlePixels = 1, Rule = DecisionRule.TargetFraction, TargetFractionThreshold = 0.5 }));
        var decider = new ParticleDecider(slot);
        Particle particle = ParticleWith((1, 4), (2, 6)); // 40 % lepidolite
        decider.TryDecide(particle, DecidedAt, out ParticleDecision atHalf);

        slot.Publish(slot.Current.With([1], 0.4, 1));
        decider.TryDecide(particle, DecidedAt, out ParticleDecision atForty);

        Assert.Equal((false, true), (atHalf.Eject, atForty.Eject));
    }
}
