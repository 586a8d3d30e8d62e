namespace SortLine.Simulators.Belt;

/// <summary>
/// The storage sizes every chunk of one scene is given: 1.5 × a chunk's particle, grain and bin-entry counts (rounded up
/// to 64), raised only when a chunk outgrows them. A chunk storage grows to them when it is reused, so all storages
/// converge on the scene's largest chunk within one cache cycle instead of each growing on its own records, and the
/// headroom makes a further raise rare.
/// </summary>
internal sealed class ChunkCapacity
{
    private bool _observed;

    /// <summary>Gets the particle slots a storage should have.</summary>
    public int Particles { get; private set; } = 64;

    /// <summary>Gets the grain slots a storage should have.</summary>
    public int Grains { get; private set; } = 64;

    /// <summary>Gets the bin-index entries a storage should have.</summary>
    public int BinItems { get; private set; } = 64;

    /// <summary>The size to grow to for <paramref name="needed"/> entries: 1.5 × needed, rounded up to 64.</summary>
    public static int WithHeadroom(int needed) => checked((needed + (needed / 2) + 63) & ~63);

    /// <summary>Takes note of a generated chunk's counts: a size the chunk outgrew (or the first chunk's) is raised to
    /// its count with headroom.</summary>
    public void Observe(int particles, int grains, int binItems)
    {
        Particles = Raise(Particles, particles);
        Grains = Raise(Grains, grains);
        BinItems = Raise(BinItems, binItems);
        _observed = true;
    }

    private int Raise(int size, int count) => !_observed || count > size ? Math.Max(size, WithHeadroom(count)) : size;
}
