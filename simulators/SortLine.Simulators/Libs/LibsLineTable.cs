using System.Globalization;
using System.Reflection;

namespace SortLine.Simulators.Libs;

/// <summary>
/// The emission lines the LIBS simulator renders: positions from the real NIST strong-line list
/// (<c>data/libs/openlibs_nist_strong_lines.csv</c>), relative intensities and element responses from the committed
/// tables <c>Libs/LibsLineStrengths.csv</c> and <c>Libs/LibsElementResponse.csv</c> (see <c>Libs/README.md</c>).
/// </summary>
public sealed class LibsLineTable
{
    /// <summary>Largest allowed distance between a table wavelength and its NIST line, nm.</summary>
    public const double MatchToleranceNm = 0.01;

    private readonly Dictionary<string, double> _response;

    private LibsLineTable(List<LibsEmissionLine> lines, Dictionary<string, double> response)
    {
        Lines = lines;
        _response = response;
    }

    /// <summary>Gets every line, grouped by element.</summary>
    public IReadOnlyList<LibsEmissionLine> Lines { get; }

    /// <summary>Peak counts of an element's strongest line per unit mass fraction (0 for an element without lines).</summary>
    /// <param name="element">Element symbol.</param>
    /// <returns>The response.</returns>
    public double ResponseOf(string element) => _response.GetValueOrDefault(element);

    /// <summary>Loads the table.</summary>
    /// <param name="dataDirectory">The repository's data folder (holds <c>libs/openlibs_nist_strong_lines.csv</c>).</param>
    /// <returns>The table.</returns>
    /// <exception cref="FileNotFoundException">The NIST list is missing (the message names the path).</exception>
    /// <exception cref="InvalidDataException">A file is malformed, or a table line has no NIST line within <see cref="MatchToleranceNm"/>.</exception>
    public static LibsLineTable Load(string dataDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDirectory);
        string path = Path.Combine(dataDirectory, "libs", "openlibs_nist_strong_lines.csv");
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The NIST line list '{path}' is missing.", path);
        }

        var nist = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        string[] rows = File.ReadAllLines(path);
        if (rows.Length < 2 || !rows[0].StartsWith("element,ion_stage,wavelength_nm", StringComparison.Ordinal))
        {
            throw new InvalidDataException($"'{path}': expected the header 'element,ion_stage,wavelength_nm,line_type'.");
        }

        for (int i = 1; i < rows.Length; i++)
        {
            if (rows[i].Length == 0)
            {
                continue;
            }

            string[] cells = rows[i].Split(',');
            if (cells.Length < 3 || !double.TryParse(cells[2], NumberStyles.Float, CultureInfo.InvariantCulture, out double wavelength))
            {
                throw new InvalidDataException($"'{path}' line {i + 1}: expected element,ion_stage,wavelength_nm; found '{rows[i]}'.");
            }

            if (!nist.TryGetValue(cells[0], out List<double>? list))
            {
                nist[cells[0]] = list = [];
            }

            list.Add(wavelength);
        }

        var response = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (string[] cells in ReadResource("LibsElementResponse.csv", 2))
        {
            response[cells[0]] = Parse(cells[1], "LibsElementResponse.csv");
        }

        var lines = new List<LibsEmissionLine>();
        foreach (string[] cells in ReadResource("LibsLineStrengths.csv", 3))
        {
            string element = cells[0];
            double wanted = Parse(cells[1], "LibsLineStrengths.csv");
            double relative = Parse(cells[2], "LibsLineStrengths.csv");
            if (!nist.TryGetValue(element, out List<double>? candidates))
            {
                throw new InvalidDataException($"'{path}' has no lines of {element} (needed by LibsLineStrengths.csv).");
            }

            double best = double.NaN;
            foreach (double c in candidates)
            {
                if (double.IsNaN(best) || Math.Abs(c - wanted) < Math.Abs(best - wanted))
                {
                    best = c;
                }
            }

            if (!(Math.Abs(best - wanted) <= MatchToleranceNm))
            {
                throw new InvalidDataException($"LibsLineStrengths.csv: {element} {wanted} nm has no line in '{path}' within {MatchToleranceNm} nm (nearest {best} nm).");
            }

            if (!response.ContainsKey(element))
            {
                throw new InvalidDataException($"LibsElementResponse.csv has no response for {element}.");
            }

            lines.Add(new LibsEmissionLine(element, best, relative));
        }

        return new LibsLineTable(lines, response);
    }

    private static List<string[]> ReadResource(string name, int columns)
    {
        Assembly assembly = typeof(LibsLineTable).Assembly;
        using Stream stream = assembly.GetManifestResourceStream("SortLine.Simulators.Libs." + name)
            ?? throw new InvalidDataException($"The embedded table {name} is missing from {assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        var rows = new List<string[]>();
        bool header = true;
        int number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (header)
            {
                header = false;
                continue;
            }

            string[] cells = line.Split(',');
            if (cells.Length != columns)
            {
                throw new InvalidDataException($"{name} line {number}: expected {columns} columns, found '{line}'.");
            }

            rows.Add(cells);
        }

        return rows;
    }

    private static double Parse(string text, string file) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && double.IsFinite(value) && value >= 0
            ? value
            : throw new InvalidDataException($"{file}: '{text}' is not a non-negative number.");
}
