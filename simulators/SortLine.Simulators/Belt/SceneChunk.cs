namespace SortLine.Simulators.Belt;

/// <summary>
/// One generated stretch of belt: its particles (in z-order: a later particle lies on top), the grains of its mixed
/// particles, and an index of which particles overlap each along-belt bin, so a query tests only a handful of outlines.
/// </summary>
/// <remarks>
/// <para>The object is reusable storage: <see cref="SceneChunkGenerator"/> fills it for one chunk index, and when the
/// scene evicts it from its cache it is filled again for another index, reusing its particle objects, grain and bin
/// arrays. They only grow, to the scene's <see cref="ChunkCapacity"/> (with headroom over the largest chunk so far), so
/// steady-state generation allocates nothing.</para>
/// <para>Between two fillings it is immutable and queried from several threads. A reader holds a lease
/// (<see cref="BeltScene.AcquireChunk"/> / <see cref="BeltScene.ReleaseChunk"/>) while it uses the chunk or any of its
/// particles; <see cref="Leases"/> and <see cref="IsCached"/> belong to the scene and change only under its lock.</para>
/// </remarks>
internal sealed class SceneChunk
{
    /// <summary>Bin length along the belt, m.</summary>
    public const double BinLength = 0.02;

    private readonly ChunkCapacity _capacity;
    private readonly int[] _binStarts;
    private readonly int[] _binFill;
    private int[] _binItems = [];
    private Particle[] _particles = [];
    private int _count;
    private Grain[] _grains = [];
    private int _grainCount;

    /// <summary>Creates empty storage for chunks of <paramref name="length"/> metres.</summary>
    /// <param name="length">The chunk length, m.</param>
    /// <param name="capacity">The scene's storage sizes, shared by all its chunks.</param>
    public SceneChunk(double length, ChunkCapacity capacity)
    {
        Length = length;
        _capacity = capacity;
        int bins = (int)Math.Ceiling(length / BinLength);
        _binStarts = new int[bins + 1];
        _binFill = new int[bins];
        Index = long.MinValue;
    }

    public long Index { get; private set; }

    public double AlongStart { get; private set; }

    public double Length { get; }

    /// <summary>Gets the particles, bottom to top.</summary>
    public ReadOnlySpan<Particle> Particles => new(_particles, 0, _count);

    /// <summary>Gets the number of particles placed so far.</summary>
    public int Count => _count;

    /// <summary>Gets or sets how many readers hold this chunk (the scene's lock guards it).</summary>
    public int Leases { get; set; }

    /// <summary>Gets or sets whether the scene's cache holds this chunk (the scene's lock guards it).</summary>
    public bool IsCached { get; set; }

    /// <summary>Starts filling the storage for chunk <paramref name="index"/>: no particles, no grains; the storage first
    /// grows to the scene's capacity if it is smaller.</summary>
    public void Reset(long index, double alongStart)
    {
        Index = index;
        AlongStart = alongStart;
        _count = 0;
        _grainCount = 0;
        GrowParticles(_capacity.Particles);
        GrowGrains(_capacity.Grains);
        if (_binItems.Length < _capacity.BinItems)
        {
            _binItems = new int[_capacity.BinItems];
        }
    }

    /// <summary>The particle object the next placed particle will be (reused storage; its old contents are stale).</summary>
    public Particle NextCandidate()
    {
        if (_count == _particles.Length)
        {
            GrowParticles(ChunkCapacity.WithHeadroom(_count + 1));
        }

        return _particles[_count];
    }

    /// <summary>Places the particle last returned by <see cref="NextCandidate"/>.</summary>
    public void AcceptCandidate() => _count++;

    /// <summary>Appends a grain to the chunk's grain storage; returns its index.</summary>
    public int AddGrain(Grain grain)
    {
        if (_grainCount == _grains.Length)
        {
            GrowGrains(ChunkCapacity.WithHeadroom(_grainCount + 1));
        }

        _grains[_grainCount] = grain;
        return _grainCount++;
    }

    /// <summary>Gets the number of grains stored so far.</summary>
    public int GrainCount => _grainCount;

    /// <summary>Ends filling: points every particle at the final grain storage (it may have grown while grains were
    /// added) and builds the bin index.</summary>
    public void Complete()
    {
        for (int i = 0; i < _count; i++)
        {
            _particles[i].AttachGrainStorage(_grains);
        }

        int bins = _binFill.Length;
        Span<int> starts = _binStarts;
        starts.Clear();
        ReadOnlySpan<Particle> particles = Particles;
        foreach (Particle p in particles)
        {
            (int first, int last) = BinRange(p.Box, bins);
            for (int b = first; b <= last; b++)
            {
                starts[b + 1]++;
            }
        }

        for (int b = 0; b < bins; b++)
        {
            starts[b + 1] += starts[b];
        }

        if (_binItems.Length < starts[bins])
        {
            _binItems = new int[ChunkCapacity.WithHeadroom(starts[bins])];
        }

        Span<int> fill = _binFill;
        fill.Clear();
        for (int i = 0; i < particles.Length; i++)
        {
            (int first, int last) = BinRange(particles[i].Box, bins);
            for (int b = first; b <= last; b++)
            {
                _binItems[starts[b] + fill[b]++] = i;
            }
        }

        _capacity.Observe(_count, _grainCount, starts[bins]);
    }

    /// <summary>Indices (ascending, i.e. bottom to top) of particles whose box overlaps the bin holding <paramref name="along"/>.</summary>
    public ReadOnlySpan<int> Candidates(double along)
    {
        int bin = (int)((along - AlongStart) / BinLength);
        int bins = _binStarts.Length - 1;
        if ((uint)bin >= (uint)bins)
        {
            bin = bin < 0 ? 0 : bins - 1;
        }

        return _binItems.AsSpan(_binStarts[bin], _binStarts[bin + 1] - _binStarts[bin]);
    }

    /// <summary>The topmost particle containing the point, or null.</summary>
    public Particle? ParticleAt(double across, double along)
    {
        ReadOnlySpan<int> candidates = Candidates(along);
        ReadOnlySpan<Particle> particles = Particles;
        for (int k = candidates.Length - 1; k >= 0; k--)
        {
            Particle p = particles[candidates[k]];
            if (p.Box.Contains(across, along) && p.Contains(across, along))
            {
                return p;
            }
        }

        return null;
    }

    /// <summary>Grows the particle slots to at least <paramref name="size"/>, filling every new slot with a particle object
    /// now, so a chunk with a few more particles than any before allocates once, not per particle.</summary>
    private void GrowParticles(int size)
    {
        int old = _particles.Length;
        if (old >= size)
        {
            return;
        }

        Array.Resize(ref _particles, size);
        for (int i = old; i < size; i++)
        {
            _particles[i] = new Particle();
        }
    }

    private void GrowGrains(int size)
    {
        if (_grains.Length < size)
        {
            Array.Resize(ref _grains, size);
        }
    }

    private (int First, int Last) BinRange(BeltBox box, int bins)
    {
        int first = Math.Clamp((int)Math.Floor((box.AlongMin - AlongStart) / BinLength), 0, bins - 1);
        int last = Math.Clamp((int)Math.Floor((box.AlongMax - AlongStart) / BinLength), 0, bins - 1);
        return (first, last);
    }
}
