using System.Globalization;

namespace SortLine.Simulators.Library;

/// <summary>
/// The mineral reflectance spectra the simulators render: the real USGS splib07a spectra in
/// <c>data/swir-library/</c>, listed by <c>index.csv</c> (columns <c>file,mineral,...</c>; each spectrum file has
/// columns <c>wavelength_nm,reflectance,fwhm_nm</c>).
/// </summary>
public sealed class MineralLibrary
{
    private readonly Dictionary<string, MineralSpectrum> _byMineral;

    private MineralLibrary(string folder, List<MineralSpectrum> spectra)
    {
        Folder = folder;
        Spectra = spectra;
        _byMineral = new Dictionary<string, MineralSpectrum>(StringComparer.OrdinalIgnoreCase);
        foreach (MineralSpectrum s in spectra)
        {
            _byMineral.TryAdd(s.Mineral, s);
        }
    }

    /// <summary>Gets the folder the spectra were read from.</summary>
    public string Folder { get; }

    /// <summary>Gets every spectrum in index order.</summary>
    public IReadOnlyList<MineralSpectrum> Spectra { get; }

    /// <summary>Gets the mineral names (first spectrum of each mineral wins).</summary>
    public IEnumerable<string> Minerals => _byMineral.Keys;

    /// <summary>Loads the library from <c>&lt;dataDirectory&gt;/swir-library/</c>.</summary>
    /// <param name="dataDirectory">The repository's data folder (see <see cref="DataDirectory.Locate"/>).</param>
    /// <returns>The loaded library.</returns>
    /// <exception cref="FileNotFoundException">The index or a spectrum file it names is missing (the message names the path).</exception>
    /// <exception cref="InvalidDataException">A file is malformed (the message names the file, line and problem).</exception>
    public static MineralLibrary Load(string dataDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDirectory);
        string folder = Path.Combine(dataDirectory, "swir-library");
        string indexPath = Path.Combine(folder, "index.csv");
        if (!File.Exists(indexPath))
        {
            throw new FileNotFoundException($"The mineral library index '{indexPath}' is missing.", indexPath);
        }

        string[] lines = File.ReadAllLines(indexPath);
        if (lines.Length == 0)
        {
            throw new InvalidDataException($"'{indexPath}' is empty.");
        }

        string[] header = lines[0].Split(',');
        int fileColumn = Array.IndexOf(header, "file");
        int mineralColumn = Array.IndexOf(header, "mineral");
        if (fileColumn < 0 || mineralColumn < 0)
        {
            throw new InvalidDataException($"'{indexPath}' line 1: expected columns 'file' and 'mineral', found '{lines[0]}'.");
        }

        var spectra = new List<MineralSpectrum>();
        for (int i = 1; i < lines.Length; i++)
        {
            if (lines[i].Length == 0)
            {
                continue;
            }

            string[] cells = lines[i].Split(',');
            if (cells.Length <= Math.Max(fileColumn, mineralColumn))
            {
                throw new InvalidDataException($"'{indexPath}' line {i + 1}: too few columns.");
            }

            string file = cells[fileColumn].Trim();
            string mineral = cells[mineralColumn].Trim();
            spectra.Add(ReadSpectrum(Path.Combine(folder, file), mineral, file));
        }

        if (spectra.Count == 0)
        {
            throw new InvalidDataException($"'{indexPath}' lists no spectra.");
        }

        return new MineralLibrary(folder, spectra);
    }

    /// <summary>Finds the first spectrum of a mineral (case-insensitive).</summary>
    /// <param name="mineral">The mineral name, e.g. "Quartz".</param>
    /// <returns>The spectrum.</returns>
    /// <exception cref="KeyNotFoundException">The library has no such mineral (the message lists those it has).</exception>
    public MineralSpectrum Find(string mineral)
    {
        ArgumentNullException.ThrowIfNull(mineral);
        if (_byMineral.TryGetValue(mineral, out MineralSpectrum? spectrum))
        {
            return spectrum;
        }

        throw new KeyNotFoundException($"The mineral library in '{Folder}' has no '{mineral}'; it has: {string.Join(", ", _byMineral.Keys)}.");
    }

    /// <summary>Whether the library has a mineral (case-insensitive).</summary>
    public bool Contains(string mineral) => _byMineral.ContainsKey(mineral);

    private static MineralSpectrum ReadSpectrum(string path, string mineral, string fileName)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The spectrum file '{path}' of {mineral} (listed in index.csv) is missing.", path);
        }

        string[] lines = File.ReadAllLines(path);
        if (lines.Length < 3 || lines[0].Trim() != "wavelength_nm,reflectance,fwhm_nm")
        {
            throw new InvalidDataException($"'{path}': expected the header 'wavelength_nm,reflectance,fwhm_nm' and at least two channels.");
        }

        var wl = new List<double>(lines.Length);
        var refl = new List<double>(lines.Length);
        var fwhm = new List<double>(lines.Length);
        for (int i = 1; i < lines.Length; i++)
        {
            string line = lines[i];
            if (line.Length == 0)
            {
                continue;
            }

            string[] cells = line.Split(',');
            if (cells.Length != 3
                || !double.TryParse(cells[0], NumberStyles.Float, CultureInfo.InvariantCulture, out double w)
                || !double.TryParse(cells[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double r)
                || !double.TryParse(cells[2], NumberStyles.Float, CultureInfo.InvariantCulture, out double f))
            {
                throw new InvalidDataException($"'{path}' line {i + 1}: expected three numbers, found '{line}'.");
            }

            if (!double.IsFinite(w) || !double.IsFinite(r) || !(f > 0 && double.IsFinite(f)))
            {
                throw new InvalidDataException($"'{path}' line {i + 1}: non-finite value or non-positive FWHM in '{line}'.");
            }

            if (wl.Count > 0 && !(w > wl[^1]))
            {
                throw new InvalidDataException($"'{path}' line {i + 1}: wavelength {w} nm does not increase.");
            }

            wl.Add(w);
            refl.Add(r);
            fwhm.Add(f);
        }

        return new MineralSpectrum(mineral, fileName, [.. wl], [.. refl], [.. fwhm]);
    }
}
