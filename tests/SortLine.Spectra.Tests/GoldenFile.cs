using System.Globalization;
using System.Text.Json;

namespace SortLine.Spectra.Tests;

/// <summary>
/// Reads the committed golden files under <c>tests/golden/</c> (copied next to the test assembly as <c>golden/</c>).
/// CSV: numbers separated by commas, one matrix row per line; lines starting with '#' are comments; an optional
/// first line of column names is skipped when it does not parse as numbers.
/// </summary>
internal static class GoldenFile
{
    public static string PathOf(string relative) => Path.Combine(AppContext.BaseDirectory, "golden", relative);

    /// <summary>Reads a numeric CSV as a row-major matrix.</summary>
    public static (double[] Data, int Rows, int Columns) ReadMatrix(string relative)
    {
        var rows = new List<double[]>();
        foreach (string raw in File.ReadLines(PathOf(relative)))
        {
            string line = raw.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            string[] cells = line.Split(',');
            var values = new double[cells.Length];
            bool numeric = true;
            for (int i = 0; i < cells.Length && numeric; i++)
            {
                numeric = double.TryParse(cells[i], NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]);
            }

            if (!numeric)
            {
                if (rows.Count == 0)
                {
                    continue; // header
                }

                throw new InvalidDataException($"{relative}: non-numeric row '{line}'.");
            }

            if (rows.Count > 0 && values.Length != rows[0].Length)
            {
                throw new InvalidDataException($"{relative}: ragged row {rows.Count}.");
            }

            rows.Add(values);
        }

        int columns = rows.Count == 0 ? 0 : rows[0].Length;
        var data = new double[rows.Count * columns];
        for (int r = 0; r < rows.Count; r++)
        {
            rows[r].CopyTo(data, r * columns);
        }

        return (data, rows.Count, columns);
    }

    /// <summary>Reads a numeric CSV as one flat vector (all values in row order).</summary>
    public static double[] ReadVector(string relative) => ReadMatrix(relative).Data;

    /// <summary>Reads a JSON metadata file.</summary>
    public static JsonElement ReadJson(string relative)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(PathOf(relative)));
        return doc.RootElement.Clone();
    }
}
