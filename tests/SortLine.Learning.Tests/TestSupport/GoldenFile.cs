using System.Globalization;
using System.Text.Json;

namespace SortLine.Learning.Tests.TestSupport;

/// <summary>Reads the committed goldens under tests/golden/learning (copied next to the test assembly as golden/learning).</summary>
internal static class GoldenFile
{
    public static string PathOf(string relative) => Path.Combine(AppContext.BaseDirectory, "golden", relative);

    /// <summary>Reads a numeric CSV (optional header line) as a row-major matrix.</summary>
    public static (double[] Data, int Rows, int Columns) ReadMatrix(string relative)
    {
        var rows = new List<double[]>();
        foreach (string line in File.ReadLines(PathOf(relative)))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            string[] cells = line.Split(',');
            var values = new double[cells.Length];
            bool numeric = cells.Select((c, i) => double.TryParse(c, NumberStyles.Float, CultureInfo.InvariantCulture, out values[i])).All(ok => ok);
            if (!numeric && rows.Count == 0)
            {
                continue;
            }

            rows.Add(numeric ? values : throw new InvalidDataException($"{relative}: non-numeric row '{line}'."));
        }

        int columns = rows.Count == 0 ? 0 : rows[0].Length;
        return ([.. rows.SelectMany(r => r)], rows.Count, columns);
    }

    public static int[] ReadInts(string relative) => Array.ConvertAll(ReadMatrix(relative).Data, v => (int)v);

    public static JsonElement ReadJson(string relative)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(PathOf(relative)));
        return doc.RootElement.Clone();
    }
}
