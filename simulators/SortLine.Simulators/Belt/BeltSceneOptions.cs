namespace SortLine.Simulators.Belt;

/// <summary>Settings of the simulated belt scene (what lies on the belt).</summary>
/// <remarks>Lengths in metres. Defaults follow the methods brief's case study: lepidolite, albite, quartz and
/// muscovite in equal shares on a dark rubber belt, particles 10-100 mm.</remarks>
public sealed record BeltSceneOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "SortLine:Simulators:Scene";

    /// <summary>Gets the scene's seed (default 1). The same seed and options always give the same belt.</summary>
    public long Seed { get; init; } = 1;

    /// <summary>Gets the belt width in m (default 1.0; 0.05-5).</summary>
    public double BeltWidthMetres { get; init; } = 1.0;

    /// <summary>Gets the minerals and their shares of the particles (default the four case-study minerals, 1/4 each).</summary>
    public IReadOnlyList<MineralShare> Minerals { get; init; } =
        [new("Lepidolite", 0.25), new("Albite", 0.25), new("Quartz", 0.25), new("Muscovite", 0.25)];

    /// <summary>Gets the belt's flat reflectance (default 0.05, dark rubber; 0-1), used when <see cref="BeltLibraryMineral"/> is null.</summary>
    public double BeltReflectance { get; init; } = 0.05;

    /// <summary>Gets a library mineral whose spectrum the belt shows instead of a flat reflectance (default null).</summary>
    public string? BeltLibraryMineral { get; init; }

    /// <summary>Gets the smallest particle equivalent diameter in m (default 0.010).</summary>
    public double ParticleDiameterMinMetres { get; init; } = 0.010;

    /// <summary>Gets the largest particle equivalent diameter in m (default 0.100). Diameters are log-uniform in between.</summary>
    public double ParticleDiameterMaxMetres { get; init; } = 0.100;

    /// <summary>Gets the relative amplitude of the outline's radius perturbation (default 0.25; 0-0.6).</summary>
    public double ShapeIrregularity { get; init; } = 0.25;

    /// <summary>Gets the largest length-to-width ratio of a particle (default 1.8; 1-4).</summary>
    public double MaxAspectRatio { get; init; } = 1.8;

    /// <summary>Gets the fraction of belt area the particles aim to cover (default 0.3; 0-0.7). Placement stops early when the belt is too full.</summary>
    public double CoverageFraction { get; init; } = 0.3;

    /// <summary>Gets the smallest gap between particles that do not touch, m (default 0.005; ≥ 0).</summary>
    public double MinimumGapMetres { get; init; } = 0.005;

    /// <summary>Gets the probability that a particle is placed touching an earlier one (default 0.1; 0-1).</summary>
    public double TouchingProbability { get; init; } = 0.1;

    /// <summary>Gets the fraction of particles that carry grains of other minerals (default 0.3; 0-1).</summary>
    public double MixedParticleFraction { get; init; } = 0.3;

    /// <summary>Gets the mean number of grains in a mixed particle (default 4; 1-50; 1 + Poisson(mean − 1)).</summary>
    public double GrainsPerMixedParticle { get; init; } = 4;

    /// <summary>Gets the smallest grain diameter in m (default 0.002).</summary>
    public double GrainDiameterMinMetres { get; init; } = 0.002;

    /// <summary>Gets the largest grain diameter in m (default 0.008).</summary>
    public double GrainDiameterMaxMetres { get; init; } = 0.008;

    /// <summary>Gets the length of belt generated at a time, m (default 2.0; 0.5-20). Particles never straddle chunk ends.</summary>
    public double ChunkLengthMetres { get; init; } = 2.0;

    /// <summary>Gets how many chunks are kept in memory (default 8; 2-1024); older ones are regenerated on demand.</summary>
    public int MaxCachedChunks { get; init; } = 8;

    /// <summary>Checks every value and the cross-field rules.</summary>
    /// <exception cref="ArgumentException">A value is out of range or inconsistent (the message names it).</exception>
    public void Validate()
    {
        CheckRange(BeltWidthMetres, 0.05, 5, nameof(BeltWidthMetres));
        CheckRange(BeltReflectance, 0, 1, nameof(BeltReflectance));
        CheckRange(ParticleDiameterMinMetres, 0.001, 1, nameof(ParticleDiameterMinMetres));
        CheckRange(ParticleDiameterMaxMetres, ParticleDiameterMinMetres, 1, nameof(ParticleDiameterMaxMetres));
        CheckRange(ShapeIrregularity, 0, 0.6, nameof(ShapeIrregularity));
        CheckRange(MaxAspectRatio, 1, 4, nameof(MaxAspectRatio));
        CheckRange(CoverageFraction, 0, 0.7, nameof(CoverageFraction));
        CheckRange(MinimumGapMetres, 0, 1, nameof(MinimumGapMetres));
        CheckRange(TouchingProbability, 0, 1, nameof(TouchingProbability));
        CheckRange(MixedParticleFraction, 0, 1, nameof(MixedParticleFraction));
        CheckRange(GrainsPerMixedParticle, 1, 50, nameof(GrainsPerMixedParticle));
        CheckRange(GrainDiameterMinMetres, 0.0001, 0.5, nameof(GrainDiameterMinMetres));
        CheckRange(GrainDiameterMaxMetres, GrainDiameterMinMetres, 0.5, nameof(GrainDiameterMaxMetres));
        CheckRange(ChunkLengthMetres, 0.5, 20, nameof(ChunkLengthMetres));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxCachedChunks, 2, nameof(MaxCachedChunks));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxCachedChunks, 1024, nameof(MaxCachedChunks));
        if (ParticleDiameterMaxMetres * MaxAspectRatio > Math.Min(BeltWidthMetres, ChunkLengthMetres))
        {
            throw new ArgumentException(
                $"The largest particle ({ParticleDiameterMaxMetres} m at aspect {MaxAspectRatio}) does not fit the belt width ({BeltWidthMetres} m) or chunk length ({ChunkLengthMetres} m).",
                nameof(ParticleDiameterMaxMetres));
        }

        if (Minerals is null || Minerals.Count == 0)
        {
            throw new ArgumentException("The scene needs at least one mineral.", nameof(Minerals));
        }

        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (MineralShare m in Minerals)
        {
            if (string.IsNullOrWhiteSpace(m.Mineral) || !names.Add(m.Mineral))
            {
                throw new ArgumentException($"Mineral names must be non-empty and unique; '{m.Mineral}' is not.", nameof(Minerals));
            }

            if (!(m.Share > 0 && double.IsFinite(m.Share)))
            {
                throw new ArgumentException($"The share of {m.Mineral} is {m.Share}; it must be positive.", nameof(Minerals));
            }
        }

        if (names.Contains(BeltScene.BeltMaterialName))
        {
            throw new ArgumentException($"'{BeltScene.BeltMaterialName}' is reserved for the belt.", nameof(Minerals));
        }
    }

    private static void CheckRange(double value, double min, double max, string name)
    {
        if (!(value >= min && value <= max))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be within {min}-{max}.");
        }
    }
}
