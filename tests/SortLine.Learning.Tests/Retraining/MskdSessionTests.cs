using Microsoft.Extensions.Time.Testing;
using SortLine.Learning.Models;
using SortLine.Learning.Registry;
using SortLine.Learning.Retraining;
using SortLine.Learning.Teacher;
using SortLine.Learning.Training;
using SortLine.Sensors.Encoder;

namespace SortLine.Learning.Tests.Retraining;

[Collection(MskdSessionGroup.Name)]
public sealed class MskdSessionTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromMinutes(2);

    private static RetrainingOptions Options(double margin = 0.005, int bootstrap = 50, int minPairs = 100) => new()
    {
        TeacherBootstrapPoints = bootstrap,
        MinPairs = minPairs,
        PromotionMargin = margin,
        MaxComponents = 8,
        AgreementWindowPairs = 100,
        AgreementMinPairs = 20,
        RetrainInterval = TimeSpan.FromMinutes(10),
    };

    private static FakeTimeProvider Clock() => new(new DateTimeOffset(2025, 11, 23, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task AddLibsPoint_BootstrapBatchComplete_FitsPersistsTeacherAndAppendsBatchPairs()
    {
        await using var rig = new MskdRig(Options(bootstrap: 50), Clock());
        TeacherModel? fitted = null;
        rig.Session.TeacherFitted += (_, t) => fitted = t;

        int pairedBefore = rig.Feed(49);
        Assert.Equal(0, pairedBefore);
        Assert.Null(rig.Session.Teacher);
        Assert.Equal(0, rig.Buffer.Count);
        rig.Feed(1, start: 49);

        Assert.NotNull(fitted);
        Assert.Same(fitted, rig.Session.Teacher);
        Assert.True(File.Exists(rig.Session.TeacherPath));
        Assert.Equal(fitted.ToJson(), TeacherModel.FromJson(File.ReadAllText(rig.Session.TeacherPath)).ToJson());
        IReadOnlyList<StoredTrainingPair> pairs = rig.Buffer.ReadAll();
        Assert.Equal(50, pairs.Count);
        int agreeing = pairs.Count(p => p.Pair.TeacherLabel == (int)(p.Sequence % 5)); // shot k is class k mod 5
        Assert.True(agreeing >= 45, $"{agreeing} of 50 batch pairs carry their shot's class");
        Assert.Equal(50, rig.Session.GetPointCount(LibsPointOutcome.Bootstrapping));
    }

    [Fact]
    public async Task Constructor_TeacherFileExists_LoadsTeacherAndLabelsOnArrival()
    {
        string root = Directory.CreateTempSubdirectory("sortline-mskd-").FullName;
        try
        {
            string json;
            await using (var first = new MskdRig(Options(), Clock(), root))
            {
                first.Feed(50);
                json = first.Session.Teacher!.ToJson();
            }

            await using var second = new MskdRig(Options(), Clock(), root);
            Assert.NotNull(second.Session.Teacher);
            Assert.Equal(json, second.Session.Teacher.ToJson());
            Assert.Equal(LibsPointOutcome.Paired, second.Session.AddLibsPoint(second.Shot(1000)));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task UpdatePreprocessing_ThenRetrain_ModelNamesTheNewReferences()
    {
        await using var rig = new MskdRig(Options(), Clock());
        rig.Feed(400);
        var recalibrated = MskdRig.Preprocessing with
        {
            DarkReference = ReferenceFrameIdentity.FromFrame([3f], new DateTimeOffset(2025, 1, 2, 0, 0, 0, TimeSpan.Zero)),
            WhiteReference = ReferenceFrameIdentity.FromFrame([4f], new DateTimeOffset(2025, 1, 2, 0, 1, 0, TimeSpan.Zero)),
        };
        rig.Session.Start();

        rig.Session.UpdatePreprocessing(recalibrated);
        RetrainingResult result = await rig.Session.RetrainAsync("after recalibration", CancellationToken.None).WaitAsync(Wait);

        Assert.Equal(RetrainingOutcome.Promoted, result.Outcome);
        Assert.Equal(recalibrated, rig.Session.Champion!.Preprocessing);
        Assert.NotEqual(MskdRig.Preprocessing.DarkReference, rig.Session.Champion.Preprocessing.DarkReference);
        Assert.Equal(recalibrated, rig.Registry.LoadModel(result.ChallengerVersion!).Preprocessing); // and in the model file
    }

    [Fact]
    public async Task RetrainAsync_NoChampion_PromotesChallengerAndRaisesChampionChanged()
    {
        await using var rig = new MskdRig(Options(), Clock());
        rig.Feed(400);
        var changed = new List<StudentModel>();
        rig.Session.ChampionChanged += (_, m) => changed.Add(m);
        rig.Session.Start();

        RetrainingResult result = await rig.Session.RetrainAsync("test", CancellationToken.None).WaitAsync(Wait);

        Assert.Equal(RetrainingOutcome.Promoted, result.Outcome);
        Assert.Contains("bootstrap", result.Reason, StringComparison.OrdinalIgnoreCase);
        StudentModel champion = Assert.Single(changed);
        Assert.Equal(result.ChallengerVersion, champion.Version);
        Assert.Same(champion, rig.Session.Champion);
        Assert.Null(champion.ParentVersion);
        Assert.Equal(rig.Session.Teacher!.MineralNames, champion.ClassNames);
        RegistryEntry entry = rig.Registry.Champion!;
        Assert.Equal(champion.Version, entry.Version);
        Assert.Equal(result.TrainingCount, entry.PairCount);
        Assert.Equal(result.HeldOutCount, entry.HeldOut.Count);
        Assert.Equal(320, result.TrainingCount); // 400 pairs, none on an edge: the newest 20 % are held out
        Assert.Equal(80, result.HeldOutCount);
        Assert.True(result.Challenger!.Accuracy >= 0.95, $"held-out accuracy {result.Challenger.Accuracy}");
        Assert.InRange(champion.Provenance.Components, 1, 8);
        Assert.Equal(FirstShotEncoderOfWindow(rig, 0, 320), champion.Provenance.Window.EncoderStart);
    }

    [Fact]
    public async Task RetrainAsync_ChallengerNotBetterByMargin_RejectedAndChampionKept()
    {
        await using var rig = new MskdRig(Options(margin: 0.01), Clock());
        rig.Feed(400);
        rig.Session.Start();
        RetrainingResult first = await rig.Session.RetrainAsync("first", CancellationToken.None).WaitAsync(Wait);
        int changes = 0;
        rig.Session.ChampionChanged += (_, _) => changes++;

        RetrainingResult second = await rig.Session.RetrainAsync("second", CancellationToken.None).WaitAsync(Wait);

        Assert.Equal(RetrainingOutcome.Promoted, first.Outcome);
        Assert.Equal(RetrainingOutcome.Rejected, second.Outcome);
        Assert.Equal(first.ChallengerVersion, second.ChampionVersion);
        Assert.Equal(second.Challenger!.Count, second.Champion!.Count);
        Assert.Equal(0, changes);
        Assert.Equal(first.ChallengerVersion, rig.Session.Champion!.Version);
        RegistryEntry rejected = rig.Registry.Get(second.ChallengerVersion!);
        Assert.Equal(ModelStatus.Rejected, rejected.Status);
        Assert.Equal(first.ChallengerVersion, rejected.ParentVersion);
        Assert.Equal(RegistryEventKind.Rejected, rig.Registry.History[^1].Kind);
    }

    [Fact]
    public async Task RetrainAsync_WeakChampion_PromotesChallengerThenRollbackRestoresIt()
    {
        await using var rig = new MskdRig(Options(), Clock());
        rig.Feed(400);
        StudentModel weak = TestModels.Create(seed: 5, bands: MskdRig.Bands, version: "weak.001", parent: null, classNames: [.. rig.Session.Teacher!.MineralNames]);
        rig.Registry.Register(weak, "test");
        rig.Registry.Promote(weak.Version, "test", "a weak champion");
        await using var session = new MskdSession(Options(), rig.Info, MskdRig.Registration(), rig.History, rig.Buffer, rig.Registry,
            TestModels.Bands(MskdRig.Bands), MskdRig.Preprocessing, Clock());
        Assert.Equal("weak.001", session.Champion!.Version);
        var changed = new List<string>();
        session.ChampionChanged += (_, m) => changed.Add(m.Version);
        session.Start();

        RetrainingResult result = await session.RetrainAsync("test", CancellationToken.None).WaitAsync(Wait);
        StudentModel restored = session.Rollback("operator", "test rollback");

        Assert.Equal(RetrainingOutcome.Promoted, result.Outcome);
        Assert.True(result.Challenger!.Accuracy > result.Champion!.Accuracy + 0.005);
        Assert.Equal("weak.001", rig.Registry.Get(result.ChallengerVersion!).ParentVersion);
        Assert.Equal("weak.001", restored.Version);
        Assert.Equal([result.ChallengerVersion!, "weak.001"], changed);
        Assert.Equal("weak.001", rig.Registry.Champion!.Version);
        Assert.Equal(ModelStatus.Retired, rig.Registry.Get(result.ChallengerVersion!).Status);
    }

    [Fact]
    public async Task RetrainAsync_TooFewPairs_Skipped()
    {
        await using var rig = new MskdRig(Options(minPairs: 100), Clock());
        rig.Feed(60);
        rig.Session.Start();

        RetrainingResult result = await rig.Session.RetrainAsync("test", CancellationToken.None).WaitAsync(Wait);

        Assert.Equal(RetrainingOutcome.Skipped, result.Outcome);
        Assert.Contains("60 pairs", result.Reason, StringComparison.Ordinal);
        Assert.Null(rig.Session.Champion);
        Assert.Empty(rig.Registry.Versions);
    }

    [Fact]
    public async Task RetrainAsync_NoTeacherYet_Skipped()
    {
        await using var rig = new MskdRig(Options(bootstrap: 50), Clock());
        rig.Feed(10);
        rig.Session.Start();

        RetrainingResult result = await rig.Session.RetrainAsync("test", CancellationToken.None).WaitAsync(Wait);

        Assert.Equal(RetrainingOutcome.Skipped, result.Outcome);
        Assert.Contains("teacher", result.Reason, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task RetrainAsync_InconsistentBuffer_FailedWithReasonAndChampionUnchanged()
    {
        await using var rig = new MskdRig(Options(), Clock());
        rig.Feed(300);
        rig.Buffer.Append(new TrainingPair([1f, 2f, 3f], 0, 1, 0, [], new EncoderPosition(1), DateTimeOffset.UnixEpoch, 0, 0, false, 1));
        rig.Session.Start();

        RetrainingResult result = await rig.Session.RetrainAsync("test", CancellationToken.None).WaitAsync(Wait);

        Assert.Equal(RetrainingOutcome.Failed, result.Outcome);
        Assert.Contains("ArgumentException", result.Reason, StringComparison.Ordinal);
        Assert.Null(rig.Session.Champion);
        Assert.Same(result, rig.Session.LastResult);
    }

    [Fact]
    public async Task RetrainAsync_Running_TrainsOnABackgroundNiceThread()
    {
        await using var rig = new MskdRig(Options(), Clock());
        rig.Feed(300);
        int nice = -1;
        rig.Session.RetrainCompleted += (_, _) => nice = SortLine.Learning.Tests.Internal.ThreadNicenessTests.CurrentThreadNice(); // raised on the worker
        rig.Session.Start();

        await rig.Session.RetrainAsync("test", CancellationToken.None).WaitAsync(Wait);

        Assert.Equal(SortLine.Learning.Internal.ThreadNiceness.Background, nice);
    }

    [Fact]
    public async Task Start_IntervalElapses_ScheduledRetrainRuns()
    {
        FakeTimeProvider clock = Clock();
        await using var rig = new MskdRig(Options(), clock);
        rig.Feed(300);
        var completed = new TaskCompletionSource<RetrainingResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        rig.Session.RetrainCompleted += (_, r) => completed.TrySetResult(r);
        rig.Session.Start();

        Assert.False(completed.Task.IsCompleted);
        clock.Advance(TimeSpan.FromMinutes(10));
        RetrainingResult result = await completed.Task.WaitAsync(Wait);

        Assert.Equal("schedule", result.Trigger);
        Assert.Equal(RetrainingOutcome.Promoted, result.Outcome);
    }

    [Fact]
    public async Task RequestRetrain_WhilePending_MergedIntoOneRetrain()
    {
        await using var rig = new MskdRig(Options(), Clock());
        rig.Feed(300);
        var results = new List<RetrainingResult>();
        rig.Session.RetrainCompleted += (_, r) => { lock (results) { results.Add(r); } };

        bool first = rig.Session.RequestRetrain("operator");
        bool second = rig.Session.RequestRetrain("drift alarm");
        Task<RetrainingResult> waiting = rig.Session.RetrainAsync("test", CancellationToken.None);
        rig.Session.Start();
        RetrainingResult joined = await waiting.WaitAsync(Wait);

        Assert.True(first);
        Assert.False(second);
        Assert.Equal("operator, drift alarm, test", joined.Trigger);
        lock (results)
        {
            Assert.Single(results);
        }
    }

    [Fact]
    public async Task DisposeAsync_Started_WorkerStopsAndLaterRequestsAreRefused()
    {
        var rig = new MskdRig(Options(), Clock());
        rig.Session.Start();

        await rig.DisposeAsync();

        Assert.False(rig.Session.RequestRetrain("late"));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => rig.Session.RetrainAsync("late", CancellationToken.None));
    }

    [Fact]
    public async Task AddLibsPoint_WithChampion_RecordsTeacherAgreement()
    {
        await using var rig = new MskdRig(Options(), Clock());
        rig.Feed(400);
        rig.Session.Start();
        await rig.Session.RetrainAsync("test", CancellationToken.None).WaitAsync(Wait);

        rig.Feed(50, start: 400);

        TeacherAgreement agreement = rig.Session.Agreement.Current;
        Assert.Equal(50, agreement.Count);
        Assert.True(agreement.Agreement >= 0.9, $"agreement {agreement.Agreement}"); // the synthetic teacher mislabels a few shots
        Assert.Equal(rig.Session.Champion!.Version, agreement.ModelVersion);
        Assert.False(agreement.IsAlarmed);
    }

    [Fact]
    public async Task AddLibsPoint_SwirMaterialsChangeUnderTheChampion_AgreementAlarm()
    {
        // From line 1500 on every stripe shows the next class's spectrum: the SWIR camera no longer sees what the student learnt.
        await using var rig = new MskdRig(Options(), Clock(), swapClasses: 1500);
        var alarms = new List<TeacherAgreement>();
        rig.Session.Agreement.AlarmChanged += (_, a) => alarms.Add(a);
        int k = 0;
        int fed = 0;
        while (fed < 400)
        {
            if (rig.Shot(k).Stamp.Encoder.Counts < MskdRig.FirstEncoder + (1500 * MskdRig.CountsPerLine) + MskdRig.TravelCounts - 100)
            {
                rig.Session.AddLibsPoint(rig.Shot(k));
                fed++;
            }

            k++;
        }

        rig.Session.Start();
        await rig.Session.RetrainAsync("test", CancellationToken.None).WaitAsync(Wait);
        for (int i = 0; i < 2000 && alarms.Count == 0; i++, k++)
        {
            rig.Session.AddLibsPoint(rig.Shot(k));
        }

        TeacherAgreement alarm = Assert.Single(alarms);
        Assert.True(alarm.IsAlarmed);
        Assert.True(alarm.Agreement < 0.8, $"agreement {alarm.Agreement}");
        Assert.True(alarm.Count >= 20);
    }

    /// <summary>The smallest LIBS encoder count among the first <paramref name="count"/> buffered pairs.</summary>
    private static long FirstShotEncoderOfWindow(MskdRig rig, int start, int count) =>
        rig.Buffer.ReadAll().Skip(start).Take(count).Min(p => p.Pair.Encoder.Counts);
}
