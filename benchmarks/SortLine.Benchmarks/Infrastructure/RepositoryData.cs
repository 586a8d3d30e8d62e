using System.Globalization;

namespace SortLine.Benchmarks.Infrastructure;

/// <summary>Finds the repository's <c>data/</c> folder and reads the USGS library spectra benchmarks build lines from.</summary>
internal static class RepositoryData
{
    /// <summary>The four case-study minerals of the methods brief, as USGS splib07a files in data/swir-library.</summary>
    public static readonly string[] CaseStudyMinerals =
    [
        "lepidolite_hs167.3b_asdfrb_aref.csv",
        "albite_hs143.3b_plagioclase_asdfrc_aref.csv",
        "quartz_hs32.3b_asdfrc_aref.csv",
        "muscovite_hs146.3b_asdfra_aref.csv",
    ];

    /// <summary>The repository root: the nearest ancestor of the working or base directory holding SortLine.sln.</summary>
    public static string Root()
    {
        foreach (string start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "SortLine.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new DirectoryNotFoundException("SortLine.sln not found above the working directory or the benchmark binaries; run from the repository.");
    }

    /// <summary>Reads a USGS library spectrum and interpolates it linearly onto <paramref name="wavelengthsNm"/>.</summary>
    public static double[] LibrarySpectrum(string file, ReadOnlySpan<double> wavelengthsNm)
    {
        string path = Path.Combine(Root(), "data", "swir-library", file);
        var wl = new List<double>();
        var r = new List<double>();
        foreach (string line in File.ReadLines(path).Skip(1))
        {
            string[] cells = line.Split(',');
            wl.Add(double.Parse(cells[0], CultureInfo.InvariantCulture));
            r.Add(double.Parse(cells[1], CultureInfo.InvariantCulture));
        }

        var result = new double[wavelengthsNm.Length];
        int j = 0;
        for (int i = 0; i < result.Length; i++)
        {
            double x = wavelengthsNm[i];
            while (j < wl.Count - 2 && wl[j + 1] < x)
            {
                j++;
            }

            double t = (x - wl[j]) / (wl[j + 1] - wl[j]);
            result[i] = r[j] + (Math.Clamp(t, 0, 1) * (r[j + 1] - r[j]));
        }

        return result;
    }
}
