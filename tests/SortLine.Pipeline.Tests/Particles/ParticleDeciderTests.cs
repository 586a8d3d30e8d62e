using SortLine.Pipeline.Particles;
using SortLine.Sensors;
using SortLine.Sensors.Encoder;

namespace SortLine.Pipeline.Tests.Particles;

public sealed class ParticleDeciderTests
{
    private static readonly EncoderPosition DecidedAt = new(999);

    /// <summary>Builds a one-line particle with the given class composition (classes laid out left to right, from column 1).</summary>
    private static Particle ParticleWith(params (int Class, int Pixels)[] composition)
    {
        byte[] line = [0, .. composition.SelectMany(c => Enumerable.Repeat((byte)c.Class, c.Pixels)), 0];
        var tracker = new ParticleTracker(line.Length, new ParticleOptions());
        tracker.Track(new SampleStamp(4, new EncoderPosition(40), 4), line, default);
        tracker.Track(new SampleStamp(5, new EncoderPosition(50), 5), new byte[line.Length], default);
        return tracker.Closed[0];
    }

    private static ParticleDecision Decide(ParticleOptions options, params (int Class, int Pixels)[] composition)
    {
        var decider = new ParticleDecider(options);
        Assert.True(decider.TryDecide(ParticleWith(composition), DecidedAt, out ParticleDecision decision));
        return decision;
    }

    [Fact]
    public void TryDecide_MajorityOfTarget_EjectsWithWinningFraction()
    {
        ParticleDecision d = Decide(new ParticleOptions { MinParticlePixels = 1, TargetClasses = [1] }, (1, 6), (2, 2));

        Assert.True(d.Eject);
        Assert.Equal(1, d.Class);
        Assert.Equal(6.0 / 8.0, d.Confidence);
    }

    [Fact]
    public void TryDecide_MajorityOfNonTarget_Passes()
    {
        ParticleDecision d = Decide(new ParticleOptions { MinParticlePixels = 1, TargetClasses = [1] }, (1, 2), (3, 5));

        Assert.False(d.Eject);
        Assert.Equal(3, d.Class);
        Assert.Equal(5.0 / 7.0, d.Confidence);
    }

    [Fact]
    public void TryDecide_TieBetweenTargetAndNonTarget_TargetWins()
    {
        ParticleDecision d = Decide(new ParticleOptions { MinParticlePixels = 1, TargetClasses = [3] }, (2, 4), (3, 4));

        Assert.True(d.Eject);
        Assert.Equal(3, d.Class);
        Assert.Equal(0.5, d.Confidence);
    }

    [Fact]
    public void TryDecide_TieBetweenNonTargets_LowestIdWins()
    {
        ParticleDecision d = Decide(new ParticleOptions { MinParticlePixels = 1, TargetClasses = [1] }, (4, 3), (2, 3));

        Assert.False(d.Eject);
        Assert.Equal(2, d.Class);
    }

    [Fact]
    public void TryDecide_TieBetweenTwoTargets_LowestIdWins()
    {
        ParticleDecision d = Decide(new ParticleOptions { MinParticlePixels = 1, TargetClasses = [1, 2] }, (2, 3), (1, 3));

        Assert.True(d.Eject);
        Assert.Equal(1, d.Class);
    }

    [Theory]
    [InlineData(3, 7, 0.3, true)]
    [InlineData(3, 7, 0.31, false)]
    [InlineData(1, 9, 0.1, true)]
    [InlineData(0, 10, 0.1, false)]
    public void TryDecide_FractionRule_EjectsAtOrAboveThreshold(int target, int other, double threshold, bool eject)
    {
        var options = new ParticleOptions { MinParticlePixels = 1, TargetClasses = [1], Rule = DecisionRule.TargetFraction, TargetFractionThreshold = threshold };

        ParticleDecision d = Decide(options, (1, target), (2, other));

        Assert.Equal(eject, d.Eject);
        Assert.Equal(eject ? 1 : 2, d.Class);
        Assert.Equal(eject ? target / 10.0 : other / 10.0, d.Confidence);
    }

    [Fact]
    public void TryDecide_FractionRule_SumsTargetClasses()
    {
        var options = new ParticleOptions { MinParticlePixels = 1, TargetClasses = [1, 2], Rule = DecisionRule.TargetFraction, TargetFractionThreshold = 0.5 };

        ParticleDecision d = Decide(options, (1, 2), (2, 3), (3, 5));

        Assert.True(d.Eject);
        Assert.Equal(2, d.Class);
        Assert.Equal(0.5, d.Confidence);
    }

    [Fact]
    public void TryDecide_BelowMinimumSize_IgnoredAndCounted()
    {
        var decider = new ParticleDecider(new ParticleOptions { MinParticlePixels = 5, TargetClasses = [1] });

        bool decided = decider.TryDecide(ParticleWith((1, 4)), DecidedAt, out _);

        Assert.False(decided);
        Assert.Equal(1L, decider.IgnoredTooSmall);
        Assert.True(decider.TryDecide(ParticleWith((1, 5)), DecidedAt, out _));
    }

    [Fact]
    public void TryDecide_RejectExcluded_DecidedByTheRest()
    {
        ParticleDecision d = Decide(new ParticleOptions { MinParticlePixels = 1, RejectClass = 5, Reject = RejectPolicy.Exclude }, (5, 10), (1, 2), (2, 1));

        Assert.True(d.Eject);
        Assert.Equal(1, d.Class);
        Assert.Equal(2.0 / 3.0, d.Confidence);
    }

    [Fact]
    public void TryDecide_RejectExcludedAndOnlyRejectPixels_RejectClassNotEjected()
    {
        ParticleDecision d = Decide(new ParticleOptions { MinParticlePixels = 1, RejectClass = 5, Reject = RejectPolicy.Exclude }, (5, 4));

        Assert.False(d.Eject);
        Assert.Equal(5, d.Class);
        Assert.Equal(0.0, d.Confidence);
    }

    [Theory]
    [InlineData(RejectPolicy.Eject, true)]
    [InlineData(RejectPolicy.Pass, false)]
    public void TryDecide_RejectWins_EjectedOnlyUnderEjectPolicy(RejectPolicy policy, bool eject)
    {
        ParticleDecision d = Decide(new ParticleOptions { MinParticlePixels = 1, RejectClass = 5, Reject = policy, TargetClasses = [1] }, (5, 6), (1, 2));

        Assert.Equal(eject, d.Eject);
        Assert.Equal(5, d.Class);
        Assert.Equal(6.0 / 8.0, d.Confidence);
    }

    [Fact]
    public void TryDecide_CopiesGeometryAndDecisionPosition()
    {
        ParticleDecision d = Decide(new ParticleOptions { MinParticlePixels = 1 }, (1, 3));

        Assert.Equal((1, 3, 40L, 40L, 3), (d.FirstColumn, d.LastColumn, d.FirstEncoder.Counts, d.LastEncoder.Counts, d.PixelCount));
        Assert.Equal(DecidedAt, d.DecidedAt);
        Assert.Equal(4L, d.FirstTimestamp);
    }

    [Fact]
    public void Constructor_TargetClassOutOfRange_Throws()
    {
        Assert.Throws<ArgumentException>(() => new ParticleDecider(new ParticleOptions { ClassCount = 4, RejectClass = 3, TargetClasses = [4] }));
    }
}
