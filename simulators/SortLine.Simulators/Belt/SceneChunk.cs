namespace SortLine.Simulators.Belt;

/// <summary>
/// One generated stretch of belt: its particles (in z-order: a later particle lies on top) and an index of which
/// particles overlap each along-belt bin, so a query tests only a handful of outlines.
/// </summary>
/// <remarks>Immutable once built; queried from several threads.</remarks>
internal sealed class SceneChunk
{
    /// <summary>Bin length along the belt, m.</summary>
    public const double BinLength = 0.02;

    private readonly int[] _binStarts;
    private readonly int[] _binItems;

    public SceneChunk(long index, double alongStart, double length, Particle[] particles)
    {
        Index = index;
        AlongStart = alongStart;
        Length = length;
        Particles = particles;
        int bins = (int)Math.Ceiling(length / BinLength);
        var counts = new int[bins + 1];
        foreach (Particle p in particles)
        {
            (int first, int last) = BinRange(p.Box, bins);
            for (int b = first; b <= last; b++)
            {
                counts[b + 1]++;
            }
        }

        for (int b = 0; b < bins; b++)
        {
            counts[b + 1] += counts[b];
        }

        _binStarts = counts;
        _binItems = new int[counts[bins]];
        var fill = new int[bins];
        for (int i = 0; i < particles.Length; i++)
        {
            (int first, int last) = BinRange(particles[i].Box, bins);
            for (int b = first; b <= last; b++)
            {
                _binItems[_binStarts[b] + fill[b]++] = i;
            }
        }
    }

    public long Index { get; }

    public double AlongStart { get; }

    public double Length { get; }

    public Particle[] Particles { get; }

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
        for (int k = candidates.Length - 1; k >= 0; k--)
        {
            Particle p = Particles[candidates[k]];
            if (p.Box.Contains(across, along) && p.Contains(across, along))
            {
                return p;
            }
        }

        return null;
    }

    private (int First, int Last) BinRange(BeltBox box, int bins)
    {
        int first = Math.Clamp((int)Math.Floor((box.AlongMin - AlongStart) / BinLength), 0, bins - 1);
        int last = Math.Clamp((int)Math.Floor((box.AlongMax - AlongStart) / BinLength), 0, bins - 1);
        return (first, last);
    }
}
