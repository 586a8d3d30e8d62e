namespace SortLine.Simulators.Libs;

/// <summary>
/// Element mass fractions of the minerals the simulators know, from their formulas (see <c>Libs/README.md</c>), and of
/// the belt (rubber: C/H/O organics).
/// </summary>
public static class MineralChemistry
{
    private static readonly Dictionary<string, (string Element, double MassFraction)[]> Table = new(StringComparer.OrdinalIgnoreCase)
    {
        // KLi2Al(Si4O10)(F,OH)2, M ≈ 388 g/mol, 0.9 % Rb replacing K (typical of pegmatite lepidolite).
        ["Lepidolite"] = [("K", 0.092), ("Rb", 0.009), ("Li", 0.036), ("Al", 0.069), ("Si", 0.289), ("O", 0.453), ("H", 0.003), ("F", 0.049)],

        // NaAlSi3O8, M = 262.2 g/mol.
        ["Albite"] = [("Na", 0.0877), ("Al", 0.1029), ("Si", 0.3213), ("O", 0.4881)],

        // SiO2, M = 60.08 g/mol.
        ["Quartz"] = [("Si", 0.4674), ("O", 0.5326)],

        // KAl2(AlSi3O10)(OH)2, M = 398.3 g/mol.
        ["Muscovite"] = [("K", 0.0982), ("Al", 0.2032), ("Si", 0.2115), ("O", 0.4820), ("H", 0.0051)],

        // LiAlSi2O6, M = 186.1 g/mol.
        ["Spodumene"] = [("Li", 0.0373), ("Al", 0.1450), ("Si", 0.3018), ("O", 0.5159)],

        // Al2Si2O5(OH)4, M = 258.2 g/mol.
        ["Kaolinite"] = [("Al", 0.2090), ("Si", 0.2176), ("O", 0.5578), ("H", 0.0156)],

        // CaCO3, M = 100.1 g/mol.
        ["Calcite"] = [("Ca", 0.4004), ("C", 0.1200), ("O", 0.4796)],

        // Conveyor belt rubber (styrene-butadiene-like polymer, organic): C, H, O.
        [Belt.BeltScene.BeltMaterialName] = [("C", 0.86), ("H", 0.11), ("O", 0.03)],
    };

    /// <summary>Gets the names the table knows (minerals and "Belt").</summary>
    public static IEnumerable<string> Known => Table.Keys;

    /// <summary>The element mass fractions of a mineral (or "Belt").</summary>
    /// <param name="material">The material name (case-insensitive).</param>
    /// <returns>(element symbol, mass fraction) pairs.</returns>
    /// <exception cref="KeyNotFoundException">The material is unknown (the message lists the known ones).</exception>
    public static IReadOnlyList<(string Element, double MassFraction)> Of(string material)
    {
        ArgumentNullException.ThrowIfNull(material);
        return Table.TryGetValue(material, out var elements)
            ? elements
            : throw new KeyNotFoundException($"No element composition for '{material}'; known: {string.Join(", ", Table.Keys)}.");
    }
}
