using Prometheus;

namespace SortLine.Service.Tests.Infrastructure;

/// <summary>Reads a registry the way Prometheus does: as exposition text, parsed into sample lines.</summary>
internal static class ExpositionText
{
    public static async Task<string> ExportAsync(CollectorRegistry registry)
    {
        using var stream = new MemoryStream();
        await registry.CollectAndExportAsTextAsync(stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>The value of the sample line that starts with <paramref name="series"/> (name and labels exactly as exported), or null.</summary>
    public static double? Value(string text, string series)
    {
        foreach (string line in text.Split('\n'))
        {
            if (line.StartsWith(series + " ", StringComparison.Ordinal))
            {
                return double.Parse(line[(series.Length + 1)..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return null;
    }

    /// <summary>The metric family names that have at least one sample line.</summary>
    public static HashSet<string> SampleNames(string text) =>
        [.. text.Split('\n').Where(l => l.Length > 0 && l[0] != '#').Select(l => l.Split(['{', ' '])[0])];
}
