using SortLine.Pipeline.Particles;
using SortLine.Simulators;
using SortLine.Simulators.Belt;

namespace SortLine.Service.Tests.Integration;

/// <summary>Matches decided particles with the simulator's ground truth.</summary>
internal static class GroundTruth
{
    /// <summary>Pipeline class ids by name (0 = background).</summary>
    private static readonly string[] PipelineClasses = ["background", "lepidolite", "albite", "quartz", "muscovite"];

    /// <summary>The truth particle under the decision's centre and its pipeline class, or null when none is found.</summary>
    public static (ParticleTruth Truth, int ClassId)? Find(SimulatedLine line, in ParticleDecision decision, double countsPerMetre)
    {
        double along = (decision.FirstEncoder.Counts + decision.LastEncoder.Counts) / 2.0 / countsPerMetre;
        int column = (decision.FirstColumn + decision.LastColumn) / 2;
        double across = line.Camera.PixelAcrossMetres(column);
        var candidates = new List<ParticleTruth>();
        line.Scene.GetParticles(along - 0.2, along + 0.2, candidates);
        ParticleTruth? best = null;
        double bestDistance = double.MaxValue;
        foreach (ParticleTruth t in candidates)
        {
            if (!t.BoundingBox.Contains(across, along))
            {
                continue;
            }

            double d = Math.Pow(t.CentreAcrossMetres - across, 2) + Math.Pow(t.CentreAlongMetres - along, 2);
            if (d < bestDistance)
            {
                (best, bestDistance) = (t, d);
            }
        }

        if (best is null)
        {
            return null;
        }

        string name = line.Scene.MaterialNames[best.MainMaterial].ToLowerInvariant();
        return (best, Array.IndexOf(PipelineClasses, name));
    }

    /// <summary>Whether the particle is a single mineral (no grains of others).</summary>
    public static bool IsPure(ParticleTruth truth) => truth.Composition[truth.MainMaterial] >= 0.999f;
}
