using System.Text;
using SortLine.Learning.Models;
using SortLine.Learning.Registry;
using SortLine.Learning.Tests.Models;

namespace SortLine.Learning.Tests.Registry;

public sealed class ModelRegistryTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2025, 11, 23, 12, 0, 0, TimeSpan.Zero);
    private readonly string _root = Directory.CreateTempSubdirectory("sortline-registry-").FullName;
    private readonly ManualTimeProvider _time = new(T0);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Register_NewModel_IsCandidateWithMetricsAndFiles()
    {
        ModelRegistry registry = ModelRegistry.Open(_root, _time);
        StudentModel model = TestModels.Create(version: "v1", parent: null);

        RegistryEntry entry = registry.Register(model);

        Assert.Equal(ModelStatus.Candidate, entry.Status);
        Assert.Equal(model.Provenance.Window, entry.Window);
        Assert.Equal(model.Provenance.HeldOut.Accuracy, entry.HeldOut.Accuracy);
        Assert.True(File.Exists(Path.Combine(_root, "models", "v1.slmodel")));
        Assert.True(File.Exists(Path.Combine(_root, "models", "v1.metrics.json")));
        Assert.Null(registry.Champion);
        StudentModelFileTests.AssertSameModel(model, registry.LoadModel("v1"));
    }

    [Fact]
    public void Register_SameVersionTwice_Throws()
    {
        ModelRegistry registry = ModelRegistry.Open(_root, _time);
        registry.Register(TestModels.Create(version: "v1"));

        Assert.Throws<InvalidOperationException>(() => registry.Register(TestModels.Create(version: "v1")));
    }

    [Fact]
    public void Promote_SecondModel_RetiresTheFirstAndRecordsWhoWhyWhen()
    {
        ModelRegistry registry = ModelRegistry.Open(_root, _time);
        registry.Register(TestModels.Create(version: "v1", parent: null));
        registry.Promote("v1", "retrain", "first model");
        registry.Register(TestModels.Create(version: "v2", parent: "v1"));
        _time.Advance(TimeSpan.FromMinutes(5));

        registry.Promote("v2", "retrain", "held-out accuracy 0.95 vs 0.93");

        Assert.Equal("v2", registry.Champion?.Version);
        Assert.Equal(ModelStatus.Retired, registry.Get("v1").Status);
        RegistryEvent last = registry.History[^1];
        Assert.Equal(new RegistryEvent(T0.AddMinutes(5), RegistryEventKind.Promoted, "v2", "v1", "retrain", "held-out accuracy 0.95 vs 0.93"), last);
    }

    [Fact]
    public void Rollback_AfterTwoPromotions_RestoresThePreviousChampionThenTheOneBefore()
    {
        ModelRegistry registry = ModelRegistry.Open(_root, _time);
        foreach (string v in new[] { "v1", "v2", "v3" })
        {
            registry.Register(TestModels.Create(version: v, parent: null));
            registry.Promote(v, "retrain", "better");
        }

        RegistryEntry restored = registry.Rollback("alice", "v3 misclassifies albite");

        Assert.Equal("v2", restored.Version);
        Assert.Equal(ModelStatus.Champion, registry.Get("v2").Status);
        Assert.Equal(ModelStatus.Retired, registry.Get("v3").Status);
        Assert.Equal(new RegistryEvent(T0, RegistryEventKind.RolledBack, "v2", "v3", "alice", "v3 misclassifies albite"), registry.History[^1]);
        Assert.Equal("v1", registry.Rollback("alice", "again").Version);
        Assert.Throws<InvalidOperationException>(() => registry.Rollback("alice", "once more"));
        Assert.Equal("v1", registry.Champion?.Version);
    }

    [Fact]
    public void Reject_Candidate_IsRejectedAndCannotBePromoted()
    {
        ModelRegistry registry = ModelRegistry.Open(_root, _time);
        registry.Register(TestModels.Create(version: "v1"));

        registry.Reject("v1", "retrain", "accuracy 0.80 below champion 0.93");

        Assert.Equal(ModelStatus.Rejected, registry.Get("v1").Status);
        Assert.Throws<InvalidOperationException>(() => registry.Promote("v1", "bob", "try"));
        Assert.Equal(RegistryEventKind.Rejected, registry.History[^1].Kind);
    }

    [Fact]
    public void Reject_Champion_Throws()
    {
        ModelRegistry registry = ModelRegistry.Open(_root, _time);
        registry.Register(TestModels.Create(version: "v1"));
        registry.Promote("v1", "retrain", "first");

        Assert.Throws<InvalidOperationException>(() => registry.Reject("v1", "bob", "no"));
    }

    [Fact]
    public void Promote_UnknownVersion_ThrowsKeyNotFound()
    {
        ModelRegistry registry = ModelRegistry.Open(_root, _time);

        Assert.Throws<KeyNotFoundException>(() => registry.Promote("nope", "bob", "why"));
    }

    [Fact]
    public void History_SurvivesReopening()
    {
        ModelRegistry first = ModelRegistry.Open(_root, _time);
        first.Register(TestModels.Create(version: "v1"));
        first.Promote("v1", "retrain", "first");

        ModelRegistry second = ModelRegistry.Open(_root, _time);

        Assert.Equal(first.History, second.History);
        Assert.Equal("v1", second.Champion?.Version);
    }

    [Fact]
    public void Read_IndexWithAlteredValue_ThrowsNamingTheIndexAndChecksum()
    {
        ModelRegistry registry = ModelRegistry.Open(_root, _time);
        registry.Register(TestModels.Create(version: "v1"));
        string path = Path.Combine(_root, "index.json");
        string text = File.ReadAllText(path);
        File.WriteAllText(path, text.Replace("\"Candidate\"", "\"Champion\"", StringComparison.Ordinal));

        var error = Assert.Throws<RegistryIndexException>(() => registry.Versions);

        Assert.Equal(path, error.IndexPath);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("SHA-256", error.Message, StringComparison.Ordinal);
        Assert.Contains("Rebuild", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TruncatedIndex_ThrowsNotValidJson()
    {
        ModelRegistry registry = ModelRegistry.Open(_root, _time);
        registry.Register(TestModels.Create(version: "v1"));
        string path = Path.Combine(_root, "index.json");
        byte[] bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);

        var error = Assert.Throws<RegistryIndexException>(() => registry.Champion);

        Assert.Contains("not valid JSON", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rebuild_AfterIndexDamage_RecoversVersionsFromModelFilesAndSetsChampion()
    {
        ModelRegistry registry = ModelRegistry.Open(_root, _time);
        registry.Register(TestModels.Create(version: "v1", parent: null));
        registry.Register(TestModels.Create(version: "v2", parent: "v1"));
        registry.Promote("v2", "retrain", "better");
        File.WriteAllText(Path.Combine(_root, "index.json"), "{ garbage", Encoding.UTF8);
        byte[] broken = File.ReadAllBytes(Path.Combine(_root, "models", "v1.slmodel"));
        File.WriteAllBytes(Path.Combine(_root, "models", "v0.slmodel"), broken[..100]);

        RegistryRebuildResult result = registry.Rebuild("alice", "index damaged", champion: "v2");

        Assert.Equal(["v1", "v2"], result.Recovered);
        string skipped = Assert.Single(result.Skipped);
        Assert.Contains("v0.slmodel", skipped, StringComparison.Ordinal);
        Assert.Contains("truncated", skipped, StringComparison.Ordinal);
        Assert.NotNull(result.SetAsideIndex);
        Assert.Equal("{ garbage", File.ReadAllText(result.SetAsideIndex));
        Assert.Equal("v2", registry.Champion?.Version);
        Assert.Equal(ModelStatus.Candidate, registry.Get("v1").Status);
        Assert.Equal("v1", registry.Get("v2").ParentVersion);
        Assert.Equal(RegistryEventKind.Rebuilt, Assert.Single(registry.History).Kind);
    }

    [Fact]
    public async Task Mutations_FromManyRegistryInstancesConcurrently_AllLandAndReadersNeverSeeAHalfIndex()
    {
        const int Writers = 8;
        ModelRegistry.Open(_root, _time).Register(TestModels.Create(version: "seed", bands: 16));
        using var stop = new CancellationTokenSource();
        int reads = 0;
        var readerStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Task reader = Task.Factory.StartNew(() =>
        {
            ModelRegistry view = ModelRegistry.Open(_root);
            do
            {
                Assert.NotEmpty(view.Versions); // throws RegistryIndexException if a half-written index were visible
                Interlocked.Increment(ref reads);
                readerStarted.TrySetResult();
            }
            while (!stop.IsCancellationRequested);
        }, TaskCreationOptions.LongRunning);
        await readerStarted.Task; // the writers start while the reader is reading

        Parallel.For(0, Writers, i =>
        {
            ModelRegistry own = ModelRegistry.Open(_root); // like a separate process: its own lock file handle
            own.Register(TestModels.Create(version: $"w{i}", bands: 16));
            own.Promote($"w{i}", $"writer{i}", "concurrent");
        });
        stop.Cancel();
        await reader;

        ModelRegistry registry = ModelRegistry.Open(_root);
        Assert.Equal(Writers + 1, registry.Versions.Count);
        Assert.Single(registry.Versions, v => v.Status == ModelStatus.Champion);
        Assert.Equal(Writers, registry.History.Count(e => e.Kind == RegistryEventKind.Promoted));
        Assert.True(reads > 0);
    }
}
