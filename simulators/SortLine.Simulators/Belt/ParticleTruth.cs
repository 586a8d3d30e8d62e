namespace SortLine.Simulators.Belt;

/// <summary>Ground truth of one particle.</summary>
/// <remarks>Coordinates in metres (belt frame, see <see cref="BeltBox"/>).</remarks>
public sealed class ParticleTruth
{
    private readonly float[] _composition;

    internal ParticleTruth(long id, int mainMaterial, float[] composition, BeltBox boundingBox, double centreAcross, double centreAlong, double diameter)
    {
        Id = id;
        MainMaterial = mainMaterial;
        _composition = composition;
        BoundingBox = boundingBox;
        CentreAcrossMetres = centreAcross;
        CentreAlongMetres = centreAlong;
        EquivalentDiameterMetres = diameter;
    }

    /// <summary>Gets the particle's id (never 0; unique within a scene).</summary>
    public long Id { get; }

    /// <summary>Gets the main mineral (index into <see cref="BeltScene.MaterialNames"/>).</summary>
    public int MainMaterial { get; }

    /// <summary>Gets the area fraction of each material in the particle's outline (index as <see cref="BeltScene.MaterialNames"/>;
    /// sums to 1; estimated on a 16 × 16 grid over the bounding box, so ± about 1/(points inside)).</summary>
    public IReadOnlyList<float> Composition => _composition;

    /// <summary>Gets the bounding box, m.</summary>
    public BeltBox BoundingBox { get; }

    /// <summary>Gets the centre's across coordinate, m.</summary>
    public double CentreAcrossMetres { get; }

    /// <summary>Gets the centre's along coordinate, m.</summary>
    public double CentreAlongMetres { get; }

    /// <summary>Gets the equivalent diameter (that of the nominal circle before shape perturbation), m.</summary>
    public double EquivalentDiameterMetres { get; }
}
