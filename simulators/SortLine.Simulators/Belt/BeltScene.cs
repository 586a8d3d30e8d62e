using SortLine.Simulators.Internal;

namespace SortLine.Simulators.Belt;

/// <summary>
/// An endless conveyor belt with ore particles, generated deterministically from a seed in chunks as it is queried
/// (bounded memory: at most <see cref="BeltSceneOptions.MaxCachedChunks"/> chunks are held; an evicted chunk is
/// regenerated identically). The SWIR camera simulator and the LIBS simulator both sample it, and it is the ground
/// truth for accuracy tests.
/// </summary>
/// <remarks>
/// <para>Coordinates in metres: <i>across</i> from the belt's left edge (0 to <see cref="BeltWidthMetres"/>),
/// <i>along</i> in the belt's material coordinate: the material at along = y passes the SWIR scan line when the
/// encoder reads y × counts per metre. Points outside the belt width are bare belt.</para>
/// <para>Materials are indexed as <see cref="MaterialNames"/>: the configured minerals in order, then the belt.
/// Chunk <c>k</c> covers along ∈ [k·L, (k+1)·L) and is generated from its own random stream (seed, k), so chunks are
/// independent and can be built in any order; particles lie wholly inside their chunk (no particle straddles a chunk
/// end, which leaves a slightly lower particle density within a particle radius of each chunk end).</para>
/// <para>Thread-safe: a generated chunk is immutable; the chunk cache is guarded by a lock. An evicted chunk's storage
/// (particle objects, grain and bin arrays) is reused for the next chunk to generate once no reader holds it, so a
/// belt that keeps moving allocates nothing in steady state.</para>
/// </remarks>
public sealed class BeltScene
{
    /// <summary>The particle id of bare belt.</summary>
    public const long BeltParticleId = 0;

    /// <summary>The material name of the belt.</summary>
    public const string BeltMaterialName = "Belt";

    /// <summary>Bits of a particle id that number the particle within its chunk.</summary>
    internal const int LocalIdBits = 20;

    private readonly Lock _gate = new();
    private readonly SceneChunk?[] _cache;
    private readonly long[] _lastUse;
    private readonly Stack<SceneChunk> _spare = new();
    private readonly ChunkCapacity _capacity = new();
    private readonly SceneChunkGenerator _generator;
    private long _useClock;

    /// <summary>Creates the scene.</summary>
    /// <param name="options">The settings (validated here).</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">An option is out of range (the message names it).</exception>
    public BeltScene(BeltSceneOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
        var names = new List<string>(options.Minerals.Count + 1);
        var cumulativeShares = new double[options.Minerals.Count];
        double total = 0;
        foreach (MineralShare m in options.Minerals)
        {
            total += m.Share;
        }

        double running = 0;
        for (int i = 0; i < options.Minerals.Count; i++)
        {
            names.Add(options.Minerals[i].Mineral);
            running += options.Minerals[i].Share / total;
            cumulativeShares[i] = running;
        }

        cumulativeShares[^1] = 1.0;
        names.Add(BeltMaterialName);
        MaterialNames = names;
        _cache = new SceneChunk?[options.MaxCachedChunks];
        _lastUse = new long[options.MaxCachedChunks];
        _generator = new SceneChunkGenerator(options, cumulativeShares);
    }

    /// <summary>Gets the settings.</summary>
    public BeltSceneOptions Options { get; }

    /// <summary>Gets the material names: the minerals in configured order, then <see cref="BeltMaterialName"/>.</summary>
    public IReadOnlyList<string> MaterialNames { get; }

    /// <summary>Gets the number of materials (minerals + belt); the length a fractions span needs.</summary>
    public int MaterialCount => MaterialNames.Count;

    /// <summary>Gets the belt's material index (the last one).</summary>
    public int BeltMaterial => MaterialNames.Count - 1;

    /// <summary>Gets the belt width in m.</summary>
    public double BeltWidthMetres => Options.BeltWidthMetres;

    /// <summary>Gets the number of chunks held in memory now (never more than <see cref="BeltSceneOptions.MaxCachedChunks"/>).</summary>
    public int CachedChunks
    {
        get
        {
            lock (_gate)
            {
                int n = 0;
                foreach (SceneChunk? c in _cache)
                {
                    n += c is null ? 0 : 1;
                }

                return n;
            }
        }
    }

    /// <summary>What lies at one point; writes the material fractions there (one-hot: a point is one material).</summary>
    /// <param name="across">Across coordinate, m.</param>
    /// <param name="along">Along coordinate, m.</param>
    /// <param name="fractions">Receives one fraction per material (length ≥ <see cref="MaterialCount"/>; the rest is untouched).</param>
    /// <returns>The particle and materials at the point.</returns>
    /// <exception cref="ArgumentException"><paramref name="fractions"/> is too short, or a coordinate is not finite.</exception>
    /// <remarks>Allocation-free unless a chunk has to be generated.</remarks>
    public SceneHit Query(double across, double along, Span<float> fractions)
    {
        CheckQuery(across, along, fractions);
        SceneHit hit = HitAt(across, along);
        fractions[..MaterialCount].Clear();
        fractions[hit.Material] = 1f;
        return hit;
    }

    /// <summary>
    /// What a sensor footprint sees: the material fractions averaged over an n × n grid of points covering a
    /// rectangle centred on (<paramref name="across"/>, <paramref name="along"/>); the returned hit is the centre point's.
    /// </summary>
    /// <param name="across">Centre, across, m.</param>
    /// <param name="along">Centre, along, m.</param>
    /// <param name="widthAcross">Footprint width across, m (≥ 0).</param>
    /// <param name="lengthAlong">Footprint length along, m (≥ 0).</param>
    /// <param name="samplesPerAxis">Grid points per axis (1-16).</param>
    /// <param name="fractions">Receives one fraction per material (length ≥ <see cref="MaterialCount"/>); they sum to 1.</param>
    /// <returns>The particle and materials at the centre.</returns>
    /// <exception cref="ArgumentException">A size is negative or not finite, <paramref name="samplesPerAxis"/> is out of range,
    /// or <paramref name="fractions"/> is too short.</exception>
    public SceneHit QueryFootprint(double across, double along, double widthAcross, double lengthAlong, int samplesPerAxis, Span<float> fractions)
    {
        CheckQuery(across, along, fractions);
        if (!(widthAcross >= 0 && double.IsFinite(widthAcross)))
        {
            throw new ArgumentOutOfRangeException(nameof(widthAcross), widthAcross, "The footprint width must be finite and ≥ 0.");
        }

        if (!(lengthAlong >= 0 && double.IsFinite(lengthAlong)))
        {
            throw new ArgumentOutOfRangeException(nameof(lengthAlong), lengthAlong, "The footprint length must be finite and ≥ 0.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(samplesPerAxis, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(samplesPerAxis, 16);
        Span<float> f = fractions[..MaterialCount];
        f.Clear();
        float weight = 1f / (samplesPerAxis * samplesPerAxis);
        for (int j = 0; j < samplesPerAxis; j++)
        {
            double y = along + ((((j + 0.5) / samplesPerAxis) - 0.5) * lengthAlong);
            SceneChunk chunk = AcquireChunk(y);
            try
            {
                for (int i = 0; i < samplesPerAxis; i++)
                {
                    double x = across + ((((i + 0.5) / samplesPerAxis) - 0.5) * widthAcross);
                    f[MaterialAt(chunk, x, y)] += weight;
                }
            }
            finally
            {
                ReleaseChunk(chunk);
            }
        }

        return HitAt(across, along);
    }

    /// <summary>Adds the ground truth of every particle whose bounding box overlaps [<paramref name="alongStart"/>, <paramref name="alongEnd"/>].</summary>
    /// <param name="alongStart">Start of the stretch, m.</param>
    /// <param name="alongEnd">End of the stretch, m (≥ start).</param>
    /// <param name="destination">Receives the particles, chunk by chunk in id order.</param>
    /// <exception cref="ArgumentException">The range is not finite or reversed.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="destination"/> is null.</exception>
    public void GetParticles(double alongStart, double alongEnd, ICollection<ParticleTruth> destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        if (!double.IsFinite(alongStart) || !double.IsFinite(alongEnd) || alongEnd < alongStart)
        {
            throw new ArgumentException($"The range [{alongStart}, {alongEnd}] m is not a finite, ordered range.", nameof(alongEnd));
        }

        long first = ChunkIndex(alongStart);
        long last = ChunkIndex(alongEnd);
        for (long k = first; k <= last; k++)
        {
            SceneChunk chunk = Acquire(k);
            try
            {
                foreach (Particle p in chunk.Particles)
                {
                    if (p.Box.AlongMax >= alongStart && p.Box.AlongMin <= alongEnd)
                    {
                        destination.Add(p.GetTruth(MaterialCount));
                    }
                }
            }
            finally
            {
                ReleaseChunk(chunk);
            }
        }
    }

    /// <summary>
    /// The chunk that holds the along coordinate (generated if needed), leased to the caller: its storage is not reused
    /// for another chunk until <see cref="ReleaseChunk"/>. Hold the lease while using the chunk or its particles.
    /// </summary>
    internal SceneChunk AcquireChunk(double along) => Acquire(ChunkIndex(along));

    /// <summary>Ends a lease from <see cref="AcquireChunk"/>; an evicted chunk's storage becomes reusable with its last lease.</summary>
    internal void ReleaseChunk(SceneChunk chunk)
    {
        lock (_gate)
        {
            System.Diagnostics.Debug.Assert(chunk.Leases > 0, "Released more often than acquired.");
            if (--chunk.Leases == 0 && !chunk.IsCached)
            {
                _spare.Push(chunk);
            }
        }
    }

    /// <summary>The scene at a point, given the chunk holding its along coordinate.</summary>
    internal SceneHit HitAt(SceneChunk chunk, double across, double along)
    {
        if (across < 0 || across > Options.BeltWidthMetres)
        {
            return new SceneHit(BeltParticleId, BeltMaterial, BeltMaterial);
        }

        Particle? p = chunk.ParticleAt(across, along);
        return p is null
            ? new SceneHit(BeltParticleId, BeltMaterial, BeltMaterial)
            : new SceneHit(p.Id, p.MainMaterial, p.MaterialAt(across, along));
    }

    /// <summary>The material at a point, given the chunk holding its along coordinate.</summary>
    internal int MaterialAt(SceneChunk chunk, double across, double along)
    {
        if (across < 0 || across > Options.BeltWidthMetres)
        {
            return BeltMaterial;
        }

        Particle? p = chunk.ParticleAt(across, along);
        return p is null ? BeltMaterial : p.MaterialAt(across, along);
    }

    private SceneHit HitAt(double across, double along)
    {
        SceneChunk chunk = AcquireChunk(along);
        try
        {
            return HitAt(chunk, across, along);
        }
        finally
        {
            ReleaseChunk(chunk);
        }
    }

    private long ChunkIndex(double along) => (long)Math.Floor(along / Options.ChunkLengthMetres);

    private void CheckQuery(double across, double along, Span<float> fractions)
    {
        if (!double.IsFinite(across))
        {
            throw new ArgumentOutOfRangeException(nameof(across), across, "The coordinate must be finite.");
        }

        if (!double.IsFinite(along))
        {
            throw new ArgumentOutOfRangeException(nameof(along), along, "The coordinate must be finite.");
        }

        if (fractions.Length < MaterialCount)
        {
            throw new ArgumentException($"The fractions span has {fractions.Length} elements; the scene has {MaterialCount} materials.", nameof(fractions));
        }
    }

    private SceneChunk Acquire(long index)
    {
        lock (_gate)
        {
            _useClock++;
            int oldest = 0;
            for (int i = 0; i < _cache.Length; i++)
            {
                SceneChunk? c = _cache[i];
                if (c is not null && c.Index == index)
                {
                    _lastUse[i] = _useClock;
                    c.Leases++;
                    return c;
                }

                if (c is null)
                {
                    _lastUse[i] = long.MinValue;
                }

                if (_lastUse[i] < _lastUse[oldest])
                {
                    oldest = i;
                }
            }

            // The evicted chunk's storage is reused at once unless a reader still holds it (then it is reused when
            // released); fresh storage is made only until there is enough to go round.
            SceneChunk? evicted = _cache[oldest];
            SceneChunk storage;
            if (evicted is not null && evicted.Leases == 0)
            {
                storage = evicted;
            }
            else
            {
                if (evicted is not null)
                {
                    evicted.IsCached = false;
                }

                storage = _spare.Count > 0 ? _spare.Pop() : new SceneChunk(Options.ChunkLengthMetres, _capacity);
            }

            // Generated under the lock: a chunk takes a few milliseconds and is needed once per chunk length of belt.
            // The slot is empty while generating, so a generator failure leaves no half-made chunk in the cache.
            _cache[oldest] = null;
            _generator.Generate(index, storage);
            storage.IsCached = true;
            storage.Leases = 1;
            _cache[oldest] = storage;
            _lastUse[oldest] = _useClock;
            return storage;
        }
    }
}
