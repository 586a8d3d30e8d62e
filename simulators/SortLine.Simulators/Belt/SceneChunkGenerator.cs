using SortLine.Simulators.Internal;

namespace SortLine.Simulators.Belt;

/// <summary>
/// Builds one chunk of belt: random sequential placement of irregular particles until the target coverage is
/// reached (a candidate that comes closer than the minimum gap to an earlier particle is rejected), a share of them
/// placed touching an earlier particle, then grains of other minerals in the mixed particles.
/// </summary>
internal static class SceneChunkGenerator
{
    private const int MaxConsecutiveFailures = 300;
    private const int OutlineChecks = 24;
    private const int CompositionGrid = 16;

    public static SceneChunk Generate(BeltSceneOptions o, double[] cumulativeShares, int beltMaterial, long index)
    {
        var rng = SimulationRandom.Create(o.Seed, SimulationStreams.SceneChunk, index);
        double alongStart = index * o.ChunkLengthMetres;
        double alongEnd = alongStart + o.ChunkLengthMetres;
        double width = o.BeltWidthMetres;
        double target = o.CoverageFraction * width * o.ChunkLengthMetres;
        double covered = 0;
        int failures = 0;
        int maxParticles = (1 << BeltScene.LocalIdBits) - 2;
        var particles = new List<Particle>();
        var grid = new PlacementGrid(width, alongStart, o.ChunkLengthMetres, o.ParticleDiameterMaxMetres * o.MaxAspectRatio);
        double logMin = Math.Log(o.ParticleDiameterMinMetres);
        double logMax = Math.Log(o.ParticleDiameterMaxMetres);

        while (covered < target && failures < MaxConsecutiveFailures && particles.Count < maxParticles)
        {
            double diameter = Math.Exp(rng.NextDouble(logMin, logMax));
            Particle p = CreateShape(ref rng, o, diameter, Pick(ref rng, cumulativeShares, exclude: -1));
            Particle? touching = null;
            if (particles.Count > 0 && rng.NextDouble() < o.TouchingProbability)
            {
                touching = particles[rng.NextInt(particles.Count)];
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

            if (!Fits(p, grid, touching, o.MinimumGapMetres, width, alongStart, alongEnd))
            {
                failures++;
                continue;
            }

            failures = 0;
            particles.Add(p);
            grid.Add(p);
            covered += Math.PI * diameter * diameter / 4;
        }

        var result = new Particle[particles.Count];
        for (int i = 0; i < result.Length; i++)
        {
            Particle p = particles[i];
            p.Id = (index << BeltScene.LocalIdBits) + i + 1;
            if (cumulativeShares.Length > 1 && rng.NextDouble() < o.MixedParticleFraction)
            {
                AddGrains(ref rng, o, p, cumulativeShares);
            }

            p.Truth = new ParticleTruth(p.Id, p.MainMaterial, Composition(p, beltMaterial + 1), p.Box, p.CentreAcross, p.CentreAlong, p.Diameter);
            result[i] = p;
        }

        return new SceneChunk(index, alongStart, o.ChunkLengthMetres, result);
    }

    private static Particle CreateShape(ref SimulationRandom rng, BeltSceneOptions o, double diameter, int material)
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
        var radii = new double[Particle.Vertices];
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

        return new Particle(0, 0, rotation, aspect, radii, material, diameter);
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

    private static void AddGrains(ref SimulationRandom rng, BeltSceneOptions o, Particle p, double[] cumulativeShares)
    {
        int count = 1 + (int)rng.NextPoisson(o.GrainsPerMixedParticle - 1);
        var grains = new List<Grain>(count);
        BeltBox box = p.Box;
        double maxDiameter = Math.Min(o.GrainDiameterMaxMetres, p.Diameter / 2);
        double minDiameter = Math.Min(o.GrainDiameterMinMetres, maxDiameter);
        for (int g = 0; g < count; g++)
        {
            double d = rng.NextDouble(minDiameter, maxDiameter);
            for (int attempt = 0; attempt < 30; attempt++)
            {
                double x = rng.NextDouble(box.AcrossMin, box.AcrossMax);
                double y = rng.NextDouble(box.AlongMin, box.AlongMax);
                if (p.Contains(x, y))
                {
                    grains.Add(new Grain(x, y, d * d / 4, Pick(ref rng, cumulativeShares, exclude: p.MainMaterial)));
                    break;
                }
            }
        }

        p.SetGrains([.. grains]);
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

    private static float[] Composition(Particle p, int materials)
    {
        if (p.Grains.IsEmpty)
        {
            var pure = new float[materials];
            pure[p.MainMaterial] = 1;
            return pure;
        }

        var counts = new int[materials];
        int inside = 0;
        BeltBox box = p.Box;
        for (int j = 0; j < CompositionGrid; j++)
        {
            double y = box.AlongMin + ((j + 0.5) * (box.AlongMax - box.AlongMin) / CompositionGrid);
            for (int i = 0; i < CompositionGrid; i++)
            {
                double x = box.AcrossMin + ((i + 0.5) * (box.AcrossMax - box.AcrossMin) / CompositionGrid);
                if (p.Contains(x, y))
                {
                    counts[p.MaterialAt(x, y)]++;
                    inside++;
                }
            }
        }

        var fractions = new float[materials];
        if (inside == 0 || p.Grains.IsEmpty)
        {
            fractions[p.MainMaterial] = 1;
            return fractions;
        }

        for (int m = 0; m < materials; m++)
        {
            fractions[m] = (float)counts[m] / inside;
        }

        return fractions;
    }

    /// <summary>A coarse grid of placed particles, so a candidate is checked against its neighbours only.</summary>
    private sealed class PlacementGrid
    {
        private readonly List<Particle>[] _cells;
        private readonly List<Particle> _near = [];
        private readonly HashSet<Particle> _seen = [];
        private readonly int _columns;
        private readonly int _rows;
        private readonly double _cell;
        private readonly double _alongStart;

        public PlacementGrid(double width, double alongStart, double length, double cell)
        {
            _cell = cell;
            _alongStart = alongStart;
            _columns = Math.Max(1, (int)Math.Ceiling(width / cell));
            _rows = Math.Max(1, (int)Math.Ceiling(length / cell));
            _cells = new List<Particle>[_columns * _rows];
            for (int i = 0; i < _cells.Length; i++)
            {
                _cells[i] = [];
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

        public List<Particle> Near(BeltBox box)
        {
            _near.Clear();
            _seen.Clear();
            (int c0, int c1, int r0, int r1) = Range(box);
            for (int r = r0; r <= r1; r++)
            {
                for (int c = c0; c <= c1; c++)
                {
                    foreach (Particle q in _cells[(r * _columns) + c])
                    {
                        if (_seen.Add(q))
                        {
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
