namespace SortLine.Spectra.Features;

/// <summary>The element line tables used by the LIBS teacher.</summary>
public static class ElementLineTable
{
    private static readonly ElementLine[] DefaultLines =
    [
        new("Al", 237.23), new("Al", 308.17), new("Al", 309.25),
        new("K", 693.80), new("K", 766.40), new("K", 769.81),
        new("Li", 610.22), new("Li", 670.76), new("Li", 812.56),
        new("Na", 568.77), new("Na", 588.95), new("Na", 819.40),
        new("Si", 288.16), new("Si", 251.59), new("Si", 252.82),
        new("Rb", 779.94), new("Rb", 794.58),
    ];

    /// <summary>
    /// Gets the default lines of the methods brief (section 3): Al, K, Li, Na, Si and Rb, 17 lines in the brief's order
    /// (elements in order of first appearance: Al, K, Li, Na, Si, Rb).
    /// </summary>
    /// <remarks>Units: nm. Note that Al 237.23 nm lies below the 240.8 nm start of ChemCam-like spectrometers; build a
    /// plan with a subset (e.g. via LINQ on this list) for such instruments.</remarks>
    public static IReadOnlyList<ElementLine> Default { get; } = Array.AsReadOnly(DefaultLines);
}
