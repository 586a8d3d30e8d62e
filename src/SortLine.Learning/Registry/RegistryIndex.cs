using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using SortLine.Learning.Internal;
using SortLine.Learning.Models;

namespace SortLine.Learning.Registry;

/// <summary>
/// The registry index in memory, and its file (docs/model-registry.md):
/// <c>{"format":"sortline-model-registry","schemaVersion":1,"bodySha256":"…","body":{"versions":[…],"championLineage":[…],"history":[…]}}</c>.
/// The SHA-256 covers the exact UTF-8 text of <c>body</c>, so damage inside a value is detected, not just broken JSON.
/// </summary>
internal sealed class RegistryIndex
{
    public const string FormatName = "sortline-model-registry";
    public const int SchemaVersion = 1;

    public List<RegistryEntry> Versions { get; } = [];

    /// <summary>Champions in the order they took over; the last one is the current champion. Rollback pops it.</summary>
    public List<string> ChampionLineage { get; } = [];

    public List<RegistryEvent> History { get; } = [];

    public int IndexOf(string version) => Versions.FindIndex(e => e.Version == version);

    public byte[] Serialize()
    {
        using var bodyBuffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(bodyBuffer, new JsonWriterOptions { Indented = false }))
        {
            w.WriteStartObject();
            w.WriteStartArray("versions");
            foreach (RegistryEntry e in Versions)
            {
                WriteEntry(w, e);
            }

            w.WriteEndArray();
            w.WriteStartArray("championLineage");
            foreach (string v in ChampionLineage)
            {
                w.WriteStringValue(v);
            }

            w.WriteEndArray();
            w.WriteStartArray("history");
            foreach (RegistryEvent e in History)
            {
                w.WriteStartObject();
                w.WriteString("atUtc", JsonRead.FormatUtc(e.AtUtc));
                w.WriteString("kind", e.Kind.ToString());
                w.WriteString("version", e.Version);
                WriteNullableString(w, "previousChampion", e.PreviousChampion);
                w.WriteString("actor", e.Actor);
                w.WriteString("reason", e.Reason);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        byte[] body = bodyBuffer.ToArray();
        string hash = Convert.ToHexStringLower(SHA256.HashData(body));
        byte[] head = Encoding.UTF8.GetBytes($"{{\"format\":\"{FormatName}\",\"schemaVersion\":{SchemaVersion},\"bodySha256\":\"{hash}\",\"body\":");
        return [.. head, .. body, .. "}\n"u8];
    }

    public static RegistryIndex Parse(byte[] content, string path)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(content);
        }
        catch (JsonException e)
        {
            throw new RegistryIndexException(path, $"it is not valid JSON ({e.Message})", e);
        }

        using (document)
        {
            try
            {
                JsonElement root = document.RootElement;
                string format = JsonRead.String(root, "format");
                if (format != FormatName)
                {
                    throw new InvalidDataException($"format is '{format}', expected '{FormatName}'");
                }

                int version = JsonRead.Int32(root, "schemaVersion");
                if (version != SchemaVersion)
                {
                    throw new InvalidDataException($"schema version {version} is not supported (this build reads {SchemaVersion})");
                }

                string expected = JsonRead.String(root, "bodySha256");
                JsonElement body = JsonRead.Property(root, "body", JsonValueKind.Object);
                string actual = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body.GetRawText())));
                if (actual != expected)
                {
                    throw new InvalidDataException($"the body's SHA-256 is {actual} but the index records {expected}");
                }

                var index = new RegistryIndex();
                foreach (JsonElement e in JsonRead.Property(body, "versions", JsonValueKind.Array).EnumerateArray())
                {
                    index.Versions.Add(ReadEntry(e));
                }

                foreach (JsonElement v in JsonRead.Property(body, "championLineage", JsonValueKind.Array).EnumerateArray())
                {
                    index.ChampionLineage.Add(v.GetString() ?? throw new InvalidDataException("a champion lineage entry is null"));
                }

                foreach (JsonElement e in JsonRead.Property(body, "history", JsonValueKind.Array).EnumerateArray())
                {
                    index.History.Add(new RegistryEvent(
                        JsonRead.Utc(e, "atUtc"),
                        ParseEnum<RegistryEventKind>(JsonRead.String(e, "kind")),
                        JsonRead.String(e, "version"),
                        JsonRead.NullableString(e, "previousChampion"),
                        JsonRead.String(e, "actor"),
                        JsonRead.String(e, "reason")));
                }

                index.Check();
                return index;
            }
            catch (Exception e) when (e is InvalidDataException or ArgumentException or FormatException or InvalidOperationException)
            {
                throw new RegistryIndexException(path, e.Message, e);
            }
        }
    }

    /// <summary>Consistency rules every index satisfies: unique safe versions, at most one champion, the lineage ends with it.</summary>
    public void Check()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (RegistryEntry e in Versions)
        {
            if (!ModelVersionId.IsValid(e.Version) || !seen.Add(e.Version))
            {
                throw new InvalidDataException($"version '{e.Version}' is invalid or listed twice");
            }
        }

        RegistryEntry[] champions = [.. Versions.Where(e => e.Status == ModelStatus.Champion)];
        if (champions.Length > 1)
        {
            throw new InvalidDataException($"{champions.Length} versions are marked champion");
        }

        string? lineageTop = ChampionLineage.Count > 0 ? ChampionLineage[^1] : null;
        if (champions.FirstOrDefault()?.Version != lineageTop)
        {
            throw new InvalidDataException($"the champion ({champions.FirstOrDefault()?.Version ?? "none"}) is not the last of the champion lineage ({lineageTop ?? "empty"})");
        }

        foreach (string v in ChampionLineage)
        {
            if (!seen.Contains(v))
            {
                throw new InvalidDataException($"the champion lineage names unknown version '{v}'");
            }
        }
    }

    private static void WriteEntry(Utf8JsonWriter w, RegistryEntry e)
    {
        w.WriteStartObject();
        w.WriteString("version", e.Version);
        WriteNullableString(w, "parentVersion", e.ParentVersion);
        w.WriteString("createdUtc", JsonRead.FormatUtc(e.CreatedUtc));
        w.WriteString("status", e.Status.ToString());
        w.WriteStartObject("window");
        w.WriteNumber("encoderStart", e.Window.EncoderStart);
        w.WriteNumber("encoderEnd", e.Window.EncoderEnd);
        w.WriteString("startUtc", JsonRead.FormatUtc(e.Window.StartUtc));
        w.WriteString("endUtc", JsonRead.FormatUtc(e.Window.EndUtc));
        w.WriteEndObject();
        w.WriteNumber("pairCount", e.PairCount);
        w.WriteNumber("components", e.Components);
        w.WriteStartObject("heldOut");
        w.WriteNumber("count", e.HeldOut.Count);
        w.WriteNumber("accuracy", e.HeldOut.Accuracy);
        w.WriteNumber("balancedAccuracy", e.HeldOut.BalancedAccuracy);
        w.WriteStartArray("perClassRecall");
        foreach (double r in e.HeldOut.PerClassRecall)
        {
            w.WriteNumberValue(r);
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteString("modelFile", e.ModelFile);
        w.WriteString("modelSha256", e.ModelSha256);
        w.WriteEndObject();
    }

    private static RegistryEntry ReadEntry(JsonElement e)
    {
        JsonElement window = JsonRead.Property(e, "window", JsonValueKind.Object);
        JsonElement heldOut = JsonRead.Property(e, "heldOut", JsonValueKind.Object);
        return new RegistryEntry(
            JsonRead.String(e, "version"),
            JsonRead.NullableString(e, "parentVersion"),
            JsonRead.Utc(e, "createdUtc"),
            ParseEnum<ModelStatus>(JsonRead.String(e, "status")),
            new TrainingWindow(JsonRead.Int64(window, "encoderStart"), JsonRead.Int64(window, "encoderEnd"),
                JsonRead.Utc(window, "startUtc"), JsonRead.Utc(window, "endUtc")),
            JsonRead.Int32(e, "pairCount"),
            JsonRead.Int32(e, "components"),
            new HeldOutMetrics(JsonRead.Int32(heldOut, "count"), JsonRead.Double(heldOut, "accuracy"),
                JsonRead.Double(heldOut, "balancedAccuracy"), JsonRead.DoubleArray(heldOut, "perClassRecall")),
            JsonRead.String(e, "modelFile"),
            JsonRead.String(e, "modelSha256"));
    }

    private static T ParseEnum<T>(string text)
        where T : struct, Enum =>
        Enum.TryParse(text, ignoreCase: false, out T value) && Enum.IsDefined(value) && text.Length > 0 && !char.IsAsciiDigit(text[0])
            ? value
            : throw new InvalidDataException($"'{text}' is not a {typeof(T).Name}");

    private static void WriteNullableString(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, value);
        }
    }
}
