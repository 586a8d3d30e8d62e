using System.Globalization;

namespace SortLine.Learning.Teacher;

/// <summary>
/// The expert knowledge behind the teacher (methods brief §3.5): which elements each mineral shows. Its
/// <see cref="BuildCentroids"/> gives the knowledge-initialised k-means centroids in the max-abs scaled feature space:
/// 1 where a mineral shows an element, 0 otherwise. Immutable.
/// </summary>
/// <remarks>Mineral order is class order: mineral i is class i of the teacher and, downstream, of the student.</remarks>
public sealed class MineralTable
{
    private readonly Mineral[] _minerals;

    /// <summary>Creates a table.</summary>
    /// <param name="minerals">At least one mineral; names unique (ordinal) and non-blank; element symbols non-blank.</param>
    /// <exception cref="ArgumentNullException"><paramref name="minerals"/> or a mineral's element list is null.</exception>
    /// <exception cref="ArgumentException">The table is empty, a name is blank or repeated, or an element symbol is blank.</exception>
    public MineralTable(IReadOnlyList<Mineral> minerals)
    {
        ArgumentNullException.ThrowIfNull(minerals);
        if (minerals.Count == 0)
        {
            throw new ArgumentException("At least one mineral is required.", nameof(minerals));
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        _minerals = new Mineral[minerals.Count];
        for (int i = 0; i < minerals.Count; i++)
        {
            Mineral m = minerals[i] ?? throw new ArgumentNullException(nameof(minerals), "A mineral is null.");
            ArgumentNullException.ThrowIfNull(m.Elements, nameof(minerals));
            if (string.IsNullOrWhiteSpace(m.Name) || !names.Add(m.Name))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Mineral {i} has a blank or repeated name '{m.Name}'."), nameof(minerals));
            }

            foreach (string element in m.Elements)
            {
                if (string.IsNullOrWhiteSpace(element))
                {
                    throw new ArgumentException($"Mineral '{m.Name}' lists a blank element symbol.", nameof(minerals));
                }
            }

            _minerals[i] = new Mineral(m.Name, [.. m.Elements]);
        }

        Minerals = Array.AsReadOnly(_minerals);
        Names = Array.AsReadOnly(Array.ConvertAll(_minerals, m => m.Name));
    }

    /// <summary>
    /// Gets the table of the case study (methods brief §3.5), in this class order: lepidolite {Li, Rb, K, Al, Si},
    /// albite {Na, Al, Si}, quartz {Si}, muscovite {K, Al, Si}, background {}.
    /// </summary>
    public static MineralTable Default { get; } = new(
    [
        new Mineral("lepidolite", ["Li", "Rb", "K", "Al", "Si"]),
        new Mineral("albite", ["Na", "Al", "Si"]),
        new Mineral("quartz", ["Si"]),
        new Mineral("muscovite", ["K", "Al", "Si"]),
        new Mineral("background", []),
    ]);

    /// <summary>Gets the minerals in class order.</summary>
    public IReadOnlyList<Mineral> Minerals { get; }

    /// <summary>Gets the mineral names in class order.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>Gets the number of minerals (classes).</summary>
    public int Count => _minerals.Length;

    /// <summary>
    /// Builds the knowledge centroids, minerals × features row-major: entry (i, j) is 1 when mineral i lists
    /// <paramref name="featureElements"/>[j], else 0. Elements a mineral lists that are not features (e.g. their lines
    /// are outside the spectrometer's range) are ignored.
    /// </summary>
    /// <param name="featureElements">The feature order (e.g. <see cref="LibsFeatureExtractor.Elements"/>).</param>
    /// <returns>The centroids, <see cref="Count"/> × <paramref name="featureElements"/>.Count.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="featureElements"/> is null.</exception>
    /// <exception cref="ArgumentException">No feature is given.</exception>
    public double[] BuildCentroids(IReadOnlyList<string> featureElements)
    {
        ArgumentNullException.ThrowIfNull(featureElements);
        if (featureElements.Count == 0)
        {
            throw new ArgumentException("At least one feature element is required.", nameof(featureElements));
        }

        int d = featureElements.Count;
        var centroids = new double[_minerals.Length * d];
        for (int i = 0; i < _minerals.Length; i++)
        {
            for (int j = 0; j < d; j++)
            {
                centroids[(i * d) + j] = _minerals[i].Elements.Contains(featureElements[j], StringComparer.Ordinal) ? 1.0 : 0.0;
            }
        }

        return centroids;
    }
}
