using SortLine.Simulators.Belt;
using SortLine.Testing;

namespace SortLine.Simulators.Tests;

public sealed class BeltSceneTests
{
    [Fact]
    public void GetParticles_ManyParticles_MainMineralSharesMatchConfiguration()
    {
        var options = new BeltSceneOptions
        {
            Seed = 11,
            Minerals = [new("Lepidolite", 0.4), new("Albite", 0.3), new("Quartz", 0.2), new("Muscovite", 0.1)],
        };
        var scene = new BeltScene(options);
        var particles = new List<ParticleTruth>();
        scene.GetParticles(0, 20, particles);
        int n = particles.Count;
        Assert.True(n > 3000, $"Only {n} particles.");

        for (int m = 0; m < options.Minerals.Count; m++)
        {
            double p = options.Minerals[m].Share;
            int count = particles.Count(x => x.MainMaterial == m);

            // Binomial(n, p): allow 5 standard deviations (two-sided p ≈ 6e-7 per mineral).
            double sd = Math.Sqrt(n * p * (1 - p));
            Assert.InRange(count, (n * p) - (5 * sd), (n * p) + (5 * sd));
        }
    }

    [Fact]
    public void Query_ParticleCentresAndEmptyBelt_ReportTheirMaterials()
    {
        var scene = new BeltScene(new BeltSceneOptions { Seed = 3, MixedParticleFraction = 0 });
        var particles = new List<ParticleTruth>();
        scene.GetParticles(0, 2, particles);
        var fractions = new float[scene.MaterialCount];
        int hits = 0;
        foreach (ParticleTruth p in particles)
        {
            SceneHit hit = scene.Query(p.CentreAcrossMetres, p.CentreAlongMetres, fractions);
            if (hit.ParticleId == p.Id)
            {
                hits++;
                Assert.Equal(p.MainMaterial, hit.MainMaterial);
                Assert.Equal(1f, fractions[p.MainMaterial]);
                Assert.Equal(1f, fractions.Sum());
            }

            Assert.True(p.BoundingBox.Contains(p.CentreAcrossMetres, p.CentreAlongMetres));
        }

        // A centre can be covered by a touching particle placed later (z-order); nearly all are their own.
        Assert.True(hits > 0.95 * particles.Count);
        SceneHit outside = scene.Query(-0.1, 1.0, fractions);
        Assert.True(outside.IsBelt);
        Assert.Equal(1f, fractions[scene.BeltMaterial]);
    }

    [Fact]
    public void Query_PointsOutsideEveryBoundingBox_AreBelt()
    {
        var scene = new BeltScene(new BeltSceneOptions { Seed = 5 });
        var particles = new List<ParticleTruth>();
        scene.GetParticles(0, 2, particles);
        var fractions = new float[scene.MaterialCount];
        var random = new Random(5);
        for (int i = 0; i < 20_000; i++)
        {
            double x = random.NextDouble() * scene.BeltWidthMetres;
            double y = random.NextDouble() * 2;
            SceneHit hit = scene.Query(x, y, fractions);
            if (!hit.IsBelt)
            {
                ParticleTruth owner = particles.Single(p => p.Id == hit.ParticleId);
                Assert.True(owner.BoundingBox.Contains(x, y), $"({x}, {y}) is in particle {hit.ParticleId} but outside its box.");
            }
        }
    }

    [Fact]
    public void GetParticles_Coverage_MatchesConfiguredFractionOfBeltArea()
    {
        var scene = new BeltScene(new BeltSceneOptions { Seed = 9, CoverageFraction = 0.3 });
        var fractions = new float[scene.MaterialCount];
        var random = new Random(9);
        int inside = 0;
        const int Samples = 40_000;
        for (int i = 0; i < Samples; i++)
        {
            inside += scene.Query(random.NextDouble() * scene.BeltWidthMetres, random.NextDouble() * 10, fractions).IsBelt ? 0 : 1;
        }

        // Coverage counts nominal disc areas; perturbed outlines differ by a few percent of it.
        Assert.InRange(inside / (double)Samples, 0.25, 0.35);
    }

    [Fact]
    public void Composition_MixedParticles_SumsToOneWithMainMineralDominant()
    {
        var scene = new BeltScene(new BeltSceneOptions { Seed = 4, MixedParticleFraction = 1 });
        var particles = new List<ParticleTruth>();
        scene.GetParticles(0, 2, particles);
        int withGrains = 0;
        foreach (ParticleTruth p in particles)
        {
            Assert.Equal(1.0, p.Composition.Sum(), 4);
            Assert.Equal(0f, p.Composition[scene.BeltMaterial]);
            withGrains += p.Composition[p.MainMaterial] < 1 ? 1 : 0;
        }

        Assert.True(withGrains > particles.Count / 2, $"{withGrains} of {particles.Count} particles show grains.");
        double meanMain = particles.Where(p => p.EquivalentDiameterMetres > 0.04).Average(p => p.Composition[p.MainMaterial]);
        Assert.InRange(meanMain, 0.7, 1.0);
    }

    [Fact]
    public void QueryFootprint_ParticleEdge_GivesMixedFractions()
    {
        var scene = new BeltScene(new BeltSceneOptions { Seed = 2, MixedParticleFraction = 0 });
        var particles = new List<ParticleTruth>();
        scene.GetParticles(0, 2, particles);
        ParticleTruth p = particles.First(x => x.EquivalentDiameterMetres > 0.05);
        var fractions = new float[scene.MaterialCount];

        // Find the outline left of the centre by bisection, then centre a 10 mm footprint on it.
        double inside = p.CentreAcrossMetres;
        double outside = p.BoundingBox.AcrossMin - 1e-6;
        for (int i = 0; i < 40; i++)
        {
            double mid = 0.5 * (inside + outside);
            if (scene.Query(mid, p.CentreAlongMetres, fractions).ParticleId == p.Id)
            {
                inside = mid;
            }
            else
            {
                outside = mid;
            }
        }

        scene.QueryFootprint(inside, p.CentreAlongMetres, 0.01, 0.01, 8, fractions);

        Assert.Equal(1.0, fractions.Sum(), 5);
        Assert.InRange(fractions[p.MainMaterial], 0.2, 0.8);
    }

    [Fact]
    public void ChunkAt_LongBelt_KeepsAtMostTheConfiguredChunksAndRegeneratesIdentically()
    {
        var options = new BeltSceneOptions { Seed = 8, MaxCachedChunks = 3 };
        var scene = new BeltScene(options);
        var first = new List<ParticleTruth>();
        scene.GetParticles(0, 1, first);
        for (int k = 1; k < 10; k++)
        {
            scene.GetParticles(k * 2.0, (k * 2.0) + 1, new List<ParticleTruth>());
            Assert.True(scene.CachedChunks <= 3);
        }

        var again = new List<ParticleTruth>();
        scene.GetParticles(0, 1, again);
        Assert.Equal(first.Select(p => (p.Id, p.MainMaterial, p.BoundingBox)), again.Select(p => (p.Id, p.MainMaterial, p.BoundingBox)));
        Assert.NotSame(first[0], again[0]);
    }

    [Fact]
    public void AcquireChunk_EvictedWhileLeased_KeepsItsParticlesUntilReleased()
    {
        var scene = new BeltScene(new BeltSceneOptions { Seed = 8, ChunkLengthMetres = 0.5, MaxCachedChunks = 2 });
        SceneChunk held = scene.AcquireChunk(0.1);
        long[] ids = Ids(held);

        // Three more chunks evict the held one from the two-chunk cache; its storage must not be refilled meanwhile.
        foreach (double along in new[] { 0.6, 1.1, 1.6, 2.1 })
        {
            scene.ReleaseChunk(scene.AcquireChunk(along));
        }

        Assert.Equal(0, held.Index);
        Assert.Equal(ids, Ids(held));
        scene.ReleaseChunk(held);

        // Released and evicted, the storage is the spare that serves the next chunk whose evicted predecessor is still held.
        SceneChunk other = scene.AcquireChunk(2.1);   // chunk 4, held
        scene.ReleaseChunk(scene.AcquireChunk(2.6)); // chunk 5 evicts chunk 3 (free) and takes its storage
        SceneChunk next = scene.AcquireChunk(3.1);    // chunk 6 evicts the held chunk 4: no fresh storage needed
        Assert.Same(held, next);
        Assert.Equal(6, next.Index);
        Assert.Equal(4, other.Index);
        scene.ReleaseChunk(next);
        scene.ReleaseChunk(other);
        Assert.True(scene.CachedChunks <= 2);
    }

    [Fact]
    public void QueryFootprint_MovingBeltSteadyState_AllocatesNothing()
    {
        var scene = new BeltScene(new BeltSceneOptions { Seed = 8, ChunkLengthMetres = 0.5, MaxCachedChunks = 3 });
        var fractions = new float[scene.MaterialCount];
        double along = 0;

        // Each round moves 2 m: four chunks generated into recycled storage.
        AllocationAssert.NoAllocations(() =>
        {
            for (int i = 0; i < 100; i++, along += 0.02)
            {
                scene.QueryFootprint(0.5, along, 0.001, 0.001, 4, fractions);
            }
        }, warmUps: 4);
    }

    private static long[] Ids(SceneChunk chunk)
    {
        var ids = new long[chunk.Count];
        for (int i = 0; i < ids.Length; i++)
        {
            ids[i] = chunk.Particles[i].Id;
        }

        return ids;
    }

    [Fact]
    public void GetParticles_DifferentSeeds_DifferentBelts()
    {
        var a = new List<ParticleTruth>();
        var b = new List<ParticleTruth>();
        new BeltScene(new BeltSceneOptions { Seed = 1 }).GetParticles(0, 1, a);
        new BeltScene(new BeltSceneOptions { Seed = 2 }).GetParticles(0, 1, b);
        Assert.NotEqual(a.Select(p => p.BoundingBox), b.Select(p => p.BoundingBox));
    }

    [Fact]
    public void GetParticles_ParticlesStayWithinBeltAndAreMostlySeparated()
    {
        var options = new BeltSceneOptions { Seed = 6, TouchingProbability = 0 };
        var scene = new BeltScene(options);
        var particles = new List<ParticleTruth>();
        scene.GetParticles(0, 2, particles);
        Assert.All(particles, p =>
        {
            Assert.InRange(p.BoundingBox.AcrossMin, 0, options.BeltWidthMetres);
            Assert.InRange(p.BoundingBox.AcrossMax, 0, options.BeltWidthMetres);
            Assert.InRange(p.EquivalentDiameterMetres, options.ParticleDiameterMinMetres, options.ParticleDiameterMaxMetres);
        });

        // Without touching placement no point of the belt belongs to two particles: sample and count multiple owners.
        var random = new Random(6);
        int shared = 0;
        for (int i = 0; i < 20_000; i++)
        {
            double x = random.NextDouble() * options.BeltWidthMetres;
            double y = random.NextDouble() * 2;
            int owners = 0;
            foreach (ParticleTruth p in particles)
            {
                if (p.BoundingBox.Contains(x, y) && OutlineContains(scene, p.Id, x, y))
                {
                    owners++;
                }
            }

            shared += owners > 1 ? 1 : 0;
        }

        Assert.True(shared <= 2, $"{shared} sample points lie in two particles.");
    }

    /// <summary>Whether the outline of particle <paramref name="id"/> contains the point (the chunk is leased meanwhile).</summary>
    private static bool OutlineContains(BeltScene scene, long id, double x, double y)
    {
        SceneChunk chunk = scene.AcquireChunk(y);
        try
        {
            foreach (Particle q in chunk.Particles)
            {
                if (q.Id == id && q.Contains(x, y))
                {
                    return true;
                }
            }

            return false;
        }
        finally
        {
            scene.ReleaseChunk(chunk);
        }
    }

    [Theory]
    [InlineData(nameof(BeltSceneOptions.BeltWidthMetres))]
    [InlineData(nameof(BeltSceneOptions.Minerals))]
    [InlineData(nameof(BeltSceneOptions.CoverageFraction))]
    [InlineData(nameof(BeltSceneOptions.ParticleDiameterMaxMetres))]
    public void Constructor_InvalidOptions_ThrowsNamingTheOption(string name)
    {
        BeltSceneOptions options = name switch
        {
            nameof(BeltSceneOptions.BeltWidthMetres) => new() { BeltWidthMetres = 0 },
            nameof(BeltSceneOptions.Minerals) => new() { Minerals = [new("Quartz", 1), new("quartz", 1)] },
            nameof(BeltSceneOptions.CoverageFraction) => new() { CoverageFraction = 0.9 },
            _ => new() { ParticleDiameterMaxMetres = 0.005 },
        };

        var error = Assert.ThrowsAny<ArgumentException>(() => new BeltScene(options));
        Assert.Equal(name, error.ParamName);
    }

    [Fact]
    public void Query_ShortFractionsSpan_Throws()
    {
        var scene = new BeltScene(new BeltSceneOptions());
        Assert.Throws<ArgumentException>(() => scene.Query(0.5, 0.5, new float[2]));
    }
}
