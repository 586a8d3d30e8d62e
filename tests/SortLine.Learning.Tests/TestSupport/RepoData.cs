using System.Globalization;

namespace SortLine.Learning.Tests.TestSupport;

/// <summary>Locates the repository's data/ and reads its CSV files.</summary>
internal static class RepoData
{
    public static string Root()
    {
        string? dir = AppContext.BaseDirectory;
        while (dir is not null && !File.Exists(Path.Combine(dir, "SortLine.sln")))
        {
            dir = Path.GetDirectoryName(dir);
        }

        return dir ?? throw new InvalidOperationException("SortLine.sln not found above " + AppContext.BaseDirectory);
    }

    public static string PathOf(string relative) => Path.Combine(Root(), "data", relative);

    /// <summary>Reads the numeric columns <paramref name="columns"/> of a CSV with a header line.</summary>
    public static double[][] ReadColumns(string relative, params int[] columns)
    {
        var result = columns.Select(_ => new List<double>()).ToArray();
        foreach (string line in File.ReadLines(PathOf(relative)).Skip(1))
        {
            if (line.Length == 0)
            {
                continue;
            }

            string[] cells = line.Split(',');
            for (int c = 0; c < columns.Length; c++)
            {
                result[c].Add(double.Parse(cells[columns[c]], NumberStyles.Float, CultureInfo.InvariantCulture));
            }
        }

        return result.Select(l => l.ToArray()).ToArray();
    }
}
