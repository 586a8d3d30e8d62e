using SortLine.Simulators.Internal;

namespace SortLine.Simulators.Belt;

/// <summary>
/// Builds one chunk of belt: random sequential placement of irregular particles until the target coverage is
/// reached (a candidate that comes closer than the minimum gap to an earlier particle is rejected), a share of them
/// placed touching an earlier particle, then grains of other minerals in the mixed particles.
/// </summary>
/// <remarks>
/// Fills reused <see cref="SceneChunk"/> storage with reused scratch (the placement grid), so generating a chunk once
/// the storage has grown to a typical chunk allocates nothing. Not thread-safe: the scene generates under its lock.
/// The random draws and the arithmetic are those of the original allocating generator, draw for draw, so a seed gives
/// the same belt.
/// </remarks>
internal sealed class SceneChunkGenerator
{
    private const int MaxConsecutiveFailures = 300;
    private const int OutlineChecks = 24;
    private const int GrainPlacementAttempts = 30;

    private readonly BeltSceneOptions _options;
    private readonly double[] _cumulativeShares;
    private readonly PlacementGrid _grid;

    /// <summary>Creates the generator for a scene.</summary>
    /// <param name="options">The scene's (validated) settings.</param>
    /// <param name="cumulativeShares">Cumulative mineral shares, the last one 1.</param>
    public SceneChunkGenerator(BeltSceneOptions options, double[] cumulativeShares)
    {
        _options = options;
        _cumulativeShares = cumulativeShares;
        _grid = new PlacementGrid(options.BeltWidthMetres, options.ChunkLengthMetres, options.ParticleDiameterMaxMetres * options.MaxAspectRatio);
    }

    /// <summary>Fills <paramref name="chunk"/> with chunk <paramref name="index"/> of the belt.</summary>
    public void Generate(long index, SceneChunk chunk)
    {
        BeltSceneOptions o = _options;
        double[] cumulativeShares = _cumulativeShares;
        var rng = SimulationRandom.Create(o.Seed, SimulationStreams.SceneChunk, index);
        double alongStart = index * o.ChunkLengthMetres;
        double alongEnd = alongStart + o.ChunkLengthMetres;
        double width = o.BeltWidthMetres;
        double target = o.CoverageFraction * width * o.ChunkLengthMetres;
        double covered = 0;
        int failures = 0;
        int maxParticles = (1 << BeltScene.LocalIdBits) - 2;
        chunk.Reset(index, alongStart);
        _grid.Reset(alongStart);
        double logMin = Math.Log(o.ParticleDiameterMinMetres);
        double logMax = Math.Log(o.ParticleDiameterMaxMetres);

        while (covered < target && failures < MaxConsecutiveFailures && chunk.Count < maxParticles)
        {
            double diameter = Math.Exp(rng.NextDouble(logMin, logMax));
            Particle p = chunk.NextCandidate();
            CreateShape(ref rng, o, diameter, Pick(ref rng, cumulativeShares, exclude: -1), p);
            Particle? touching = null;
            if (chunk.Count > 0 && rng.NextDouble() < o.TouchingProbability)
            {
                touching = chunk.Particles[rng.NextInt(chunk.Count)];
                double angle = rng.NextDouble() * 2 * Math.PI;
                double distance = touching.BoundaryDistance(angle) + p.BoundaryDistance(angle + Math.PI);
                p.MoveTo(touching.CentreAcross + (distance * Math.Cos(angle)), touching.CentreAlong + (distance * Math.Sin(angle)));
            }
            else
            {
                BeltBox box = p.Box; // centred on (0, 0)
                double across = rng.NextDouble(-box.AcrossMin, width - box.AcrossMax);
                double along = rng.NextDouble(alongStart - box.AlongMin, alongEnd - box.AlongMax);
                p.MoveTo(across, along);
            }

            if (!Fits(p, _grid, touching, o.MinimumGapMetres, width, alongStart, alongEnd))
            {
                failures++;
                continue;
            }

            failures = 0;
            chunk.AcceptCandidate();
            _grid.Add(p);
            covered += Math.PI * diameter * diameter / 4;
        }

        ReadOnlySpan<Particle> particles = chunk.Particles;
        for (int i = 0; i < particles.Length; i++)
        {
            Particle p = particles[i];
            p.Id = (index << BeltScene.LocalIdBits) + i + 1;
            if (cumulativeShares.Length > 1 && rng.NextDouble() < o.MixedParticleFraction)
            {
                AddGrains(ref rng, o, p, cumulativeShares, chunk);
            }
        }

        chunk.Complete();
    }

    private static void CreateShape(ref SimulationRandom rng, BeltSceneOptions o, double diameter, int material, Particle destination)
    {
        double aspect = 1 + (rng.NextDouble() * (o.MaxAspectRatio - 1));
        double rotation = rng.NextDouble() * Math.PI;
        Span<double> amplitude = stackalloc double[4];
        Span<double> phase = stackalloc double[4];
        for (int h = 0; h < 4; h++)
        {
            amplitude[h] = o.ShapeIrregularity * rng.NextDouble() / (h + 1);
            phase[h] = rng.NextDouble() * 2 * Math.PI;
        }

        double radius = diameter / 2;
        Span<double> radii = destination.Radii;
        for (int k = 0; k < radii.Length; k++)
        {
            double theta = 2 * Math.PI * k / radii.Length;
            double r = 1;
            for (int h = 0; h < 4; h++)
            {
                r += amplitude[h] * Math.Cos(((h + 2) * theta) + phase[h]);
            }

            radii[k] = radius * Math.Clamp(r, 0.35, 2.0);
        }

        destination.Initialize(rotation, aspect, material, diameter);
    }

    private static bool Fits(Particle p, PlacementGrid placed, Particle? touching, double gap, double width, double alongStart, double alongEnd)
    {
        BeltBox box = p.Box;
        if (box.AcrossMin < 0 || box.AcrossMax > width || box.AlongMin < alongStart || box.AlongMax >= alongEnd)
        {
            return false;
        }

        var grown = new BeltBox(box.AcrossMin - gap, box.AcrossMax + gap, box.AlongMin - gap, box.AlongMax + gap);
        foreach (Particle q in placed.Near(grown))
        {
            if (ReferenceEquals(q, touching) || !grown.Intersects(q.Box))
            {
                continue;
            }

            double dx = p.CentreAcross - q.CentreAcross;
            double dy = p.CentreAlong - q.CentreAlong;
            double distance = Math.Sqrt((dx * dx) + (dy * dy));
            if (distance >= p.OuterRadius + q.OuterRadius + gap)
            {
                continue;
            }

            if (distance < p.InnerRadius + q.InnerRadius + gap)
            {
                return false;
            }

            for (int k = 0; k < OutlineChecks; k++)
            {
                double angle = 2 * Math.PI * k / OutlineChecks;
                (double x, double y) = p.OutlinePoint(angle, gap);
                if (q.Contains(x, y))
                {
                    return false;
                }

                (x, y) = q.OutlinePoint(angle, gap);
                if (p.Contains(x, y))
                {
                    return false;
                }
            }

            if (q.Contains(p.CentreAcross, p.CentreAlong) || p.Contains(q.CentreAcross, q.CentreAlong))
            {
                return false;
            }
        }

        return true;
    }

    private static void AddGrains(ref SimulationRandom rng, BeltSceneOptions o, Particle p, double[] cumulativeShares, SceneChunk chunk)
    {
        int count = 1 + (int)rng.NextPoisson(o.GrainsPerMixedParticle - 1);
        int first = chunk.GrainCount;
        BeltBox box = p.Box;
        double maxDiameter = Math.Min(o.GrainDiameterMaxMetres, p.Diameter / 2);
        double minDiameter = Math.Min(o.GrainDiameterMinMetres, maxDiameter);
        for (int g = 0; g < count; g++)
        {
            double d = rng.NextDouble(minDiameter, maxDiameter);
            for (int attempt = 0; attempt < GrainPlacementAttempts; attempt++)
            {
                double x = rng.NextDouble(box.AcrossMin, box.AcrossMax);
                double y = rng.NextDouble(box.AlongMin, box.AlongMax);
                if (p.Contains(x, y))
                {
                    chunk.AddGrain(new Grain(x, y, d * d / 4, Pick(ref rng, cumulativeShares, exclude: p.MainMaterial)));
                    break;
                }
            }
        }

        p.SetGrainRange(first, chunk.GrainCount - first);
    }

    /// <summary>Picks a mineral by share, optionally excluding one (its share is removed and the rest renormalised).</summary>
    private static int Pick(ref SimulationRandom rng, double[] cumulative, int exclude)
    {
        double excluded = exclude < 0 ? 0 : cumulative[exclude] - (exclude == 0 ? 0 : cumulative[exclude - 1]);
        double u = rng.NextDouble() * (1 - excluded);
        double offset = 0;
        for (int i = 0; i < cumulative.Length; i++)
        {
            if (i == exclude)
            {
                offset = excluded;
                continue;
            }

            if (u < cumulative[i] - offset)
            {
                return i;
            }
        }

        return exclude == cumulative.Length - 1 ? cumulative.Length - 2 : cumulative.Length - 1;
    }

    /// <summary>A coarse grid of placed particles, so a candidate is checked against its neighbours only; reused from chunk to chunk.</summary>
    private sealed class PlacementGrid
    {
        /// <summary>Initial room per cell: a cell is about two largest particles wide, so rarely holds more.</summary>
        private const int CellCapacity = 64;

        private readonly List<Particle>[] _cells;
        private readonly List<Particle> _near = [];
        private readonly int _columns;
        private readonly int _rows;
        private readonly double _cell;
        private double _alongStart;
        private long _mark;

        public PlacementGrid(double width, double length, double cell)
        {
            _cell = cell;
            _columns = Math.Max(1, (int)Math.Ceiling(width / cell));
            _rows = Math.Max(1, (int)Math.Ceiling(length / cell));
            _cells = new List<Particle>[_columns * _rows];
            for (int i = 0; i < _cells.Length; i++)
            {
                _cells[i] = new List<Particle>(CellCapacity);
            }
        }

        /// <summary>Empties the grid for the chunk starting at <paramref name="alongStart"/>.</summary>
        public void Reset(double alongStart)
        {
            _alongStart = alongStart;
            foreach (List<Particle> cell in _cells)
            {
                cell.Clear();
            }
        }

        public void Add(Particle p)
        {
            (int c0, int c1, int r0, int r1) = Range(p.Box);
            for (int r = r0; r <= r1; r++)
            {
                for (int c = c0; c <= c1; c++)
                {
                    _cells[(r * _columns) + c].Add(p);
                }
            }
        }

        /// <summary>The particles in the cells the box touches, each once, in cell order then insertion order.</summary>
        public List<Particle> Near(BeltBox box)
        {
            _near.Clear();

            // A fresh stamp per query marks the particles listed so far; stamps only grow, so a particle's stamp
            // from an earlier query or an earlier chunk never matches.
            long mark = ++_mark;
            (int c0, int c1, int r0, int r1) = Range(box);
            for (int r = r0; r <= r1; r++)
            {
                for (int c = c0; c <= c1; c++)
                {
                    foreach (Particle q in _cells[(r * _columns) + c])
                    {
                        if (q.PlacementMark != mark)
                        {
                            q.PlacementMark = mark;
                            _near.Add(q);
                        }
                    }
                }
            }

            return _near;
        }

        private (int C0, int C1, int R0, int R1) Range(BeltBox box) => (
            Math.Clamp((int)Math.Floor(box.AcrossMin / _cell), 0, _columns - 1),
            Math.Clamp((int)Math.Floor(box.AcrossMax / _cell), 0, _columns - 1),
            Math.Clamp((int)Math.Floor((box.AlongMin - _alongStart) / _cell), 0, _rows - 1),
            Math.Clamp((int)Math.Floor((box.AlongMax - _alongStart) / _cell), 0, _rows - 1));
    }
}
