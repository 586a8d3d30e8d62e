namespace SortLine.Simulators.Belt;

/// <summary>An axis-aligned box in belt coordinates.</summary>
/// <remarks>Metres: across from the belt's left edge, along in the belt's own (material) coordinate, which the
/// encoder reports at the SWIR scan line.</remarks>
/// <param name="AcrossMin">Smallest across coordinate, m.</param>
/// <param name="AcrossMax">Largest across coordinate, m.</param>
/// <param name="AlongMin">Smallest along coordinate, m.</param>
/// <param name="AlongMax">Largest along coordinate, m.</param>
public readonly record struct BeltBox(double AcrossMin, double AcrossMax, double AlongMin, double AlongMax)
{
    /// <summary>Whether the point lies inside (edges included).</summary>
    public bool Contains(double across, double along) =>
        across >= AcrossMin && across <= AcrossMax && along >= AlongMin && along <= AlongMax;

    /// <summary>Whether the two boxes overlap (edges included).</summary>
    public bool Intersects(BeltBox other) =>
        AcrossMin <= other.AcrossMax && other.AcrossMin <= AcrossMax && AlongMin <= other.AlongMax && other.AlongMin <= AlongMax;
}
