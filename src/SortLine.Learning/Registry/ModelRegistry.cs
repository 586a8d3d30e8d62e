using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using SortLine.Learning.Internal;
using SortLine.Learning.Models;

namespace SortLine.Learning.Registry;

/// <summary>
/// On-disk registry of student model versions (docs/model-registry.md): <c>models/&lt;version&gt;.slmodel</c> and
/// <c>models/&lt;version&gt;.metrics.json</c> per version, and <c>index.json</c> with every version's status, metrics,
/// parent and training window, the champion lineage and the history of who promoted, rejected or rolled back what,
/// when and why.
/// </summary>
/// <remarks>
/// Every change rewrites the index atomically (temporary file, fsync, rename, folder fsync) under an exclusive
/// lock file, so the index is never half-written and concurrent writers (threads or processes) are serialized.
/// Readers need no lock: they read whichever complete index is current. Each call re-reads the index, so every
/// process sees the others' changes.
/// </remarks>
public sealed class ModelRegistry
{
    private const string IndexFileName = "index.json";
    private const string LockFileName = "registry.lock";
    private const string ModelsFolder = "models";
    private static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(10);

    private readonly TimeProvider _time;
    private readonly Lock _gate = new();

    private ModelRegistry(string root, TimeProvider time)
    {
        Root = root;
        _time = time;
    }

    /// <summary>Gets the registry's root folder.</summary>
    public string Root { get; }

    /// <summary>Gets the index file path.</summary>
    public string IndexPath => Path.Combine(Root, IndexFileName);

    /// <summary>Gets the current champion, or null when there is none.</summary>
    /// <exception cref="RegistryIndexException">The index is damaged.</exception>
    public RegistryEntry? Champion => ReadIndex().Versions.FirstOrDefault(e => e.Status == ModelStatus.Champion);

    /// <summary>Gets every registered version, in registration order.</summary>
    /// <exception cref="RegistryIndexException">The index is damaged.</exception>
    public IReadOnlyList<RegistryEntry> Versions => ReadIndex().Versions;

    /// <summary>Gets the history, oldest first.</summary>
    /// <exception cref="RegistryIndexException">The index is damaged.</exception>
    public IReadOnlyList<RegistryEvent> History => ReadIndex().History;

    /// <summary>Opens (or creates) a registry in <paramref name="root"/>. A missing index is an empty registry.</summary>
    /// <param name="root">The registry folder.</param>
    /// <param name="timeProvider">Clock for history entries (default: system).</param>
    /// <returns>The registry.</returns>
    /// <exception cref="ArgumentException"><paramref name="root"/> is null or empty.</exception>
    /// <exception cref="IOException">The folder cannot be created.</exception>
    public static ModelRegistry Open(string root, TimeProvider? timeProvider = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        string full = Path.GetFullPath(root);
        Directory.CreateDirectory(Path.Combine(full, ModelsFolder));
        return new ModelRegistry(full, timeProvider ?? TimeProvider.System);
    }

    /// <summary>Gets one version's entry.</summary>
    /// <param name="version">The version id.</param>
    /// <returns>The entry.</returns>
    /// <exception cref="KeyNotFoundException">The version is not registered.</exception>
    /// <exception cref="RegistryIndexException">The index is damaged.</exception>
    public RegistryEntry Get(string version)
    {
        RegistryIndex index = ReadIndex();
        int i = index.IndexOf(version);
        return i >= 0 ? index.Versions[i] : throw new KeyNotFoundException($"Model version '{version}' is not registered in '{Root}'.");
    }

    /// <summary>Loads and verifies a version's model file.</summary>
    /// <param name="version">The version id.</param>
    /// <returns>The model.</returns>
    /// <exception cref="KeyNotFoundException">The version is not registered.</exception>
    /// <exception cref="ModelFileException">The model file is damaged.</exception>
    /// <exception cref="RegistryIndexException">The index is damaged.</exception>
    public StudentModel LoadModel(string version) => StudentModelFile.Load(Path.Combine(Root, ModelsFolder, Get(version).ModelFile));

    /// <summary>Stores a new candidate: its model file and metrics, then its index entry (status candidate).</summary>
    /// <param name="candidate">The model.</param>
    /// <param name="actor">Who registers it.</param>
    /// <returns>The new entry.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="InvalidOperationException">The version is already registered.</exception>
    /// <exception cref="RegistryIndexException">The index is damaged.</exception>
    public RegistryEntry Register(StudentModel candidate, string actor = "retrain")
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        return Mutate(index =>
        {
            if (index.IndexOf(candidate.Version) >= 0)
            {
                throw new InvalidOperationException($"Model version '{candidate.Version}' is already registered.");
            }

            RegistryEntry entry = WriteModelFiles(candidate, ModelStatus.Candidate);
            index.Versions.Add(entry);
            index.History.Add(new RegistryEvent(Now(), RegistryEventKind.Registered, candidate.Version, CurrentChampion(index), actor, "registered as candidate"));
            return entry;
        });
    }

    /// <summary>Makes a candidate or retired version the champion; the current champion is retired.</summary>
    /// <param name="version">The version to promote.</param>
    /// <param name="actor">Who promotes (e.g. <c>retrain</c> or an operator name).</param>
    /// <param name="reason">Why.</param>
    /// <returns>The promoted entry.</returns>
    /// <exception cref="KeyNotFoundException">The version is not registered.</exception>
    /// <exception cref="InvalidOperationException">The version is already champion or was rejected.</exception>
    /// <exception cref="RegistryIndexException">The index is damaged.</exception>
    public RegistryEntry Promote(string version, string actor, string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return Mutate(index =>
        {
            int i = Find(index, version);
            ModelStatus status = index.Versions[i].Status;
            if (status is ModelStatus.Champion or ModelStatus.Rejected)
            {
                throw new InvalidOperationException($"Model version '{version}' is {status.ToString().ToLowerInvariant()} and cannot be promoted.");
            }

            string? previous = CurrentChampion(index);
            SetStatus(index, previous, ModelStatus.Retired);
            SetStatus(index, version, ModelStatus.Champion);
            index.ChampionLineage.Add(version);
            index.History.Add(new RegistryEvent(Now(), RegistryEventKind.Promoted, version, previous, actor, reason));
            return index.Versions[i];
        });
    }

    /// <summary>Rejects a candidate.</summary>
    /// <param name="version">The candidate.</param>
    /// <param name="actor">Who rejects.</param>
    /// <param name="reason">Why (e.g. the metrics that lost against the champion).</param>
    /// <returns>The rejected entry.</returns>
    /// <exception cref="KeyNotFoundException">The version is not registered.</exception>
    /// <exception cref="InvalidOperationException">The version is not a candidate.</exception>
    /// <exception cref="RegistryIndexException">The index is damaged.</exception>
    public RegistryEntry Reject(string version, string actor, string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return Mutate(index =>
        {
            int i = Find(index, version);
            if (index.Versions[i].Status != ModelStatus.Candidate)
            {
                throw new InvalidOperationException($"Model version '{version}' is {index.Versions[i].Status.ToString().ToLowerInvariant()}; only candidates can be rejected.");
            }

            SetStatus(index, version, ModelStatus.Rejected);
            index.History.Add(new RegistryEvent(Now(), RegistryEventKind.Rejected, version, CurrentChampion(index), actor, reason));
            return index.Versions[i];
        });
    }

    /// <summary>
    /// Restores the previous champion: the current champion is retired and the one it displaced becomes champion
    /// again. Repeated rollbacks walk further back through the champion lineage.
    /// </summary>
    /// <param name="actor">Who rolls back.</param>
    /// <param name="reason">Why.</param>
    /// <returns>The restored champion.</returns>
    /// <exception cref="InvalidOperationException">There is no previous champion.</exception>
    /// <exception cref="RegistryIndexException">The index is damaged.</exception>
    public RegistryEntry Rollback(string actor, string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return Mutate(index =>
        {
            if (index.ChampionLineage.Count < 2)
            {
                throw new InvalidOperationException(index.ChampionLineage.Count == 0
                    ? "There is no champion to roll back."
                    : $"Champion '{index.ChampionLineage[0]}' has no previous champion to roll back to.");
            }

            string current = index.ChampionLineage[^1];
            index.ChampionLineage.RemoveAt(index.ChampionLineage.Count - 1);
            string restored = index.ChampionLineage[^1];
            SetStatus(index, current, ModelStatus.Retired);
            SetStatus(index, restored, ModelStatus.Champion);
            index.History.Add(new RegistryEvent(Now(), RegistryEventKind.RolledBack, restored, current, actor, reason));
            return index.Versions[index.IndexOf(restored)];
        });
    }

    /// <summary>
    /// Recreates the index from the model files in <c>models/</c> after the index was damaged or lost. The damaged
    /// index is moved aside (<c>index.json.damaged-&lt;UTC time&gt;</c>) for inspection. Every valid model becomes a
    /// candidate, except <paramref name="champion"/>, which becomes champion; the old history is not recoverable
    /// from the model files and is replaced by one <see cref="RegistryEventKind.Rebuilt"/> entry.
    /// </summary>
    /// <param name="actor">Who rebuilds.</param>
    /// <param name="reason">Why.</param>
    /// <param name="champion">The version the line should run, or null for none.</param>
    /// <returns>What was recovered and skipped.</returns>
    /// <exception cref="KeyNotFoundException"><paramref name="champion"/> has no valid model file.</exception>
    public RegistryRebuildResult Rebuild(string actor, string reason, string? champion = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        lock (_gate)
        {
            using FileStream fileLock = AcquireLock();
            string[] files = Directory.GetFiles(Path.Combine(Root, ModelsFolder), "*" + StudentModelFile.Extension);
            Array.Sort(files, StringComparer.Ordinal);
            var index = new RegistryIndex();
            var skipped = new List<string>();
            var models = new List<(StudentModel Model, RegistryEntry Entry)>();
            foreach (string file in files)
            {
                try
                {
                    byte[] content = File.ReadAllBytes(file);
                    StudentModel model = StudentModelFile.Deserialize(content, file);
                    if (Path.GetFileName(file) != model.Version + StudentModelFile.Extension)
                    {
                        skipped.Add($"{file}: holds version '{model.Version}', which does not match its file name");
                        continue;
                    }

                    models.Add((model, EntryFor(model, ModelStatus.Candidate, content)));
                }
                catch (ModelFileException e)
                {
                    skipped.Add(e.Message);
                }
            }

            foreach ((StudentModel _, RegistryEntry entry) in models.OrderBy(m => m.Model.CreatedUtc).ThenBy(m => m.Model.Version, StringComparer.Ordinal))
            {
                index.Versions.Add(entry);
            }

            if (champion is not null)
            {
                if (index.IndexOf(champion) < 0)
                {
                    throw new KeyNotFoundException($"No valid model file for the requested champion '{champion}'.");
                }

                SetStatus(index, champion, ModelStatus.Champion);
                index.ChampionLineage.Add(champion);
            }

            index.History.Add(new RegistryEvent(Now(), RegistryEventKind.Rebuilt, champion ?? "", null, actor, reason));
            string? setAside = null;
            if (File.Exists(IndexPath))
            {
                setAside = IndexPath + ".damaged-" + Now().ToString("yyyyMMdd'T'HHmmssfff'Z'", CultureInfo.InvariantCulture);
                File.Move(IndexPath, setAside);
            }

            index.Check();
            DurableFile.WriteAtomic(IndexPath, index.Serialize());
            return new RegistryRebuildResult([.. index.Versions.Select(v => v.Version)], skipped, setAside);
        }
    }

    private RegistryIndex ReadIndex()
    {
        byte[] content;
        try
        {
            content = File.ReadAllBytes(IndexPath);
        }
        catch (FileNotFoundException)
        {
            return new RegistryIndex();
        }

        return RegistryIndex.Parse(content, IndexPath);
    }

    private T Mutate<T>(Func<RegistryIndex, T> change)
    {
        lock (_gate)
        {
            using FileStream fileLock = AcquireLock();
            RegistryIndex index = ReadIndex();
            T result = change(index);
            index.Check();
            DurableFile.WriteAtomic(IndexPath, index.Serialize());
            return result;
        }
    }

    private FileStream AcquireLock()
    {
        string path = Path.Combine(Root, LockFileName);
        long deadline = _time.GetTimestamp() + (long)(LockTimeout.TotalSeconds * _time.TimestampFrequency);
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (_time.GetTimestamp() < deadline)
            {
                // Another process is changing the registry; changes take milliseconds.
                Thread.Sleep(5);
            }
        }
    }

    private RegistryEntry WriteModelFiles(StudentModel model, ModelStatus status)
    {
        byte[] content = StudentModelFile.Serialize(model);
        string folder = Path.Combine(Root, ModelsFolder);
        DurableFile.WriteAtomic(Path.Combine(folder, model.Version + StudentModelFile.Extension), content);
        DurableFile.WriteAtomic(Path.Combine(folder, model.Version + ".metrics.json"), MetricsJson(model));
        return EntryFor(model, status, content);
    }

    private static RegistryEntry EntryFor(StudentModel model, ModelStatus status, byte[] content) =>
        new(model.Version, model.ParentVersion, model.CreatedUtc, status, model.Provenance.Window, model.Provenance.PairCount,
            model.Provenance.Components, model.Provenance.HeldOut, model.Version + StudentModelFile.Extension,
            Convert.ToHexStringLower(SHA256.HashData(content)));

    private static byte[] MetricsJson(StudentModel model)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            TrainingProvenance p = model.Provenance;
            w.WriteStartObject();
            w.WriteString("modelVersion", model.Version);
            w.WriteNumber("pairCount", p.PairCount);
            w.WriteNumber("components", p.Components);
            w.WriteStartArray("crossValidation");
            foreach (CrossValidationPoint point in p.CrossValidation)
            {
                w.WriteStartObject();
                w.WriteNumber("components", point.Components);
                w.WriteNumber("errorRate", point.ErrorRate);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartObject("heldOut");
            w.WriteNumber("count", p.HeldOut.Count);
            w.WriteNumber("accuracy", p.HeldOut.Accuracy);
            w.WriteNumber("balancedAccuracy", p.HeldOut.BalancedAccuracy);
            w.WriteStartObject("recall");
            for (int i = 0; i < model.ClassCount; i++)
            {
                w.WriteNumber(model.ClassNames[i], p.HeldOut.PerClassRecall[i]);
            }

            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static int Find(RegistryIndex index, string version)
    {
        ArgumentException.ThrowIfNullOrEmpty(version);
        int i = index.IndexOf(version);
        return i >= 0 ? i : throw new KeyNotFoundException($"Model version '{version}' is not registered.");
    }

    private static string? CurrentChampion(RegistryIndex index) => index.ChampionLineage.Count > 0 ? index.ChampionLineage[^1] : null;

    private static void SetStatus(RegistryIndex index, string? version, ModelStatus status)
    {
        if (version is not null)
        {
            int i = index.IndexOf(version);
            index.Versions[i] = index.Versions[i] with { Status = status };
        }
    }

    private DateTimeOffset Now() => _time.GetUtcNow();
}
