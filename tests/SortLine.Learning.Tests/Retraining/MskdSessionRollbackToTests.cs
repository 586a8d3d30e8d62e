using Microsoft.Extensions.Time.Testing;
using SortLine.Learning.Models;
using SortLine.Learning.Registry;
using SortLine.Learning.Retraining;

namespace SortLine.Learning.Tests.Retraining;

/// <summary><see cref="MskdSession.RollbackTo"/>: the operator's return to a given registered version.</summary>
[Collection(MskdSessionGroup.Name)]
public sealed class MskdSessionRollbackToTests
{
    private static RetrainingOptions Options() => new() { TeacherBootstrapPoints = 50, MinPairs = 100, MaxComponents = 8, RetrainInterval = TimeSpan.FromMinutes(10) };

    private static FakeTimeProvider Clock() => new(new DateTimeOffset(2025, 11, 23, 8, 0, 0, TimeSpan.Zero));

    /// <summary>A rig whose registry holds "a.001" (champion) and "b.002" (registered), and a session opened on it.</summary>
    private static async Task<(MskdRig Rig, MskdSession Session)> OpenAsync()
    {
        var rig = new MskdRig(Options(), Clock());
        foreach ((string version, int seed) in new[] { ("a.001", 5), ("b.002", 6) })
        {
            rig.Registry.Register(TestModels.Create(seed: seed, bands: MskdRig.Bands, version: version, parent: null), "test");
        }

        rig.Registry.Promote("a.001", "test", "first champion");
        await rig.Session.DisposeAsync();
        var session = new MskdSession(Options(), rig.Info, MskdRig.Registration(), rig.History, rig.Buffer, rig.Registry,
            TestModels.Bands(MskdRig.Bands), MskdRig.Preprocessing, Clock());
        return (rig, session);
    }

    [Fact]
    public async Task RollbackTo_RegisteredVersion_PromotedChampionChangedRaisedAndRecorded()
    {
        (MskdRig rig, MskdSession session) = await OpenAsync();
        await using (rig)
        await using (session)
        {
            var changed = new List<string>();
            session.ChampionChanged += (_, m) => changed.Add(m.Version);

            StudentModel restored = session.RollbackTo("b.002", "opcua", "operator rollback");

            Assert.Equal("b.002", restored.Version);
            Assert.Equal("b.002", session.Champion!.Version);
            Assert.Equal(["b.002"], changed);
            Assert.Equal("b.002", rig.Registry.Champion!.Version);
            Assert.NotEqual(ModelStatus.Champion, rig.Registry.Get("a.001").Status);
            Assert.Equal(TestModels.Create(seed: 6, bands: MskdRig.Bands, version: "b.002", parent: null).Bias, restored.Bias);
        }
    }

    [Fact]
    public async Task RollbackTo_CurrentChampion_NoChangeAndNoEvent()
    {
        (MskdRig rig, MskdSession session) = await OpenAsync();
        await using (rig)
        await using (session)
        {
            int events = 0;
            session.ChampionChanged += (_, _) => events++;

            StudentModel same = session.RollbackTo("a.001", "opcua", "operator rollback");

            Assert.Equal("a.001", same.Version);
            Assert.Equal(0, events);
            Assert.Equal("a.001", rig.Registry.Champion!.Version);
        }
    }

    [Fact]
    public async Task RollbackTo_UnknownVersion_KeyNotFoundAndNothingChanges()
    {
        (MskdRig rig, MskdSession session) = await OpenAsync();
        await using (rig)
        await using (session)
        {
            int events = 0;
            session.ChampionChanged += (_, _) => events++;

            Assert.Throws<KeyNotFoundException>(() => session.RollbackTo("z.999", "opcua", "operator rollback"));

            Assert.Equal(0, events);
            Assert.Equal("a.001", session.Champion!.Version);
            Assert.Equal("a.001", rig.Registry.Champion!.Version);
        }
    }

    [Fact]
    public async Task RollbackTo_RejectedVersion_InvalidOperationAndNothingChanges()
    {
        (MskdRig rig, MskdSession session) = await OpenAsync();
        await using (rig)
        await using (session)
        {
            rig.Registry.Reject("b.002", "test", "worse than the champion");
            int events = 0;
            session.ChampionChanged += (_, _) => events++;

            Assert.Throws<InvalidOperationException>(() => session.RollbackTo("b.002", "opcua", "operator rollback"));

            Assert.Equal(0, events);
            Assert.Equal("a.001", rig.Registry.Champion!.Version);
            Assert.Equal(ModelStatus.Rejected, rig.Registry.Get("b.002").Status);
        }
    }

    // An operator's rollback while a retrain is fitting stands: the retrain registers its challenger but does not promote it
    // over the operator's choice. The next retrain, with no operator action, promotes as usual (the rule is about the race).
    [Fact]
    public async Task Retrain_OperatorRollbackDuringFit_SupersededAndTheRollbackStands()
    {
        FakeTimeProvider clock = Clock();
        RetrainingOptions options = Options();
        await using var rig = new MskdRig(options, clock);
        rig.Feed(400);
        string[] minerals = [.. rig.Session.Teacher!.MineralNames];
        foreach ((string version, int seed) in new[] { ("weak.001", 5), ("weak.002", 6) })
        {
            rig.Registry.Register(TestModels.Create(seed: seed, bands: MskdRig.Bands, version: version, parent: null, classNames: minerals), "test");
        }

        rig.Registry.Promote("weak.001", "test", "a weak champion");
        await using var session = new MskdSession(options, rig.Info, MskdRig.Registration(), rig.History, rig.Buffer, rig.Registry,
            TestModels.Bands(MskdRig.Bands), MskdRig.Preprocessing, clock);
        var changed = new List<string>();
        session.ChampionChanged += (_, m) => changed.Add(m.Version);
        bool rollBack = true;
        session.FitStarting = () =>
        {
            if (rollBack)
            {
                session.RollbackTo("weak.002", "opcua", "operator rollback");
            }
        };
        session.Start();

        RetrainingResult raced = await session.RetrainAsync("test", CancellationToken.None);
        string? stillChampion = session.Champion?.Version;
        rollBack = false;
        RetrainingResult next = await session.RetrainAsync("test", CancellationToken.None);

        Assert.Equal(RetrainingOutcome.Superseded, raced.Outcome);
        Assert.Contains("weak.002", raced.Reason, StringComparison.Ordinal);
        Assert.Equal("weak.002", stillChampion);
        Assert.Equal(ModelStatus.Candidate, rig.Registry.Get(raced.ChallengerVersion!).Status);
        Assert.Equal(RetrainingOutcome.Promoted, next.Outcome);
        Assert.Equal(["weak.002", next.ChallengerVersion!], changed);
        Assert.Equal(next.ChallengerVersion, rig.Registry.Champion!.Version);
    }

    [Theory]
    [InlineData("", "opcua", "why")]
    [InlineData("b.002", " ", "why")]
    [InlineData("b.002", "opcua", "")]
    public async Task RollbackTo_BlankArgument_Throws(string version, string actor, string reason)
    {
        (MskdRig rig, MskdSession session) = await OpenAsync();
        await using (rig)
        await using (session)
        {
            Assert.ThrowsAny<ArgumentException>(() => session.RollbackTo(version, actor, reason));
            Assert.Equal("a.001", rig.Registry.Champion!.Version);
        }
    }
}
