namespace SortLine.Simulators.Belt;

/// <summary>Estimates the area fraction of each material in a particle's outline (its ground-truth composition).</summary>
internal static class ParticleComposition
{
    /// <summary>Grid points per axis over the bounding box.</summary>
    public const int Grid = 16;

    /// <summary>The fractions (sum 1) on a <see cref="Grid"/> × <see cref="Grid"/> grid over the particle's bounding box;
    /// one-hot on the main mineral for a particle without grains.</summary>
    /// <param name="p">The particle.</param>
    /// <param name="materials">The scene's number of materials.</param>
    /// <returns>One fraction per material.</returns>
    public static float[] Estimate(Particle p, int materials)
    {
        var fractions = new float[materials];
        if (p.Grains.IsEmpty)
        {
            fractions[p.MainMaterial] = 1;
            return fractions;
        }

        Span<int> counts = stackalloc int[materials];
        counts.Clear();
        int inside = 0;
        BeltBox box = p.Box;
        for (int j = 0; j < Grid; j++)
        {
            double y = box.AlongMin + ((j + 0.5) * (box.AlongMax - box.AlongMin) / Grid);
            for (int i = 0; i < Grid; i++)
            {
                double x = box.AcrossMin + ((i + 0.5) * (box.AcrossMax - box.AcrossMin) / Grid);
                if (p.Contains(x, y))
                {
                    counts[p.MaterialAt(x, y)]++;
                    inside++;
                }
            }
        }

        if (inside == 0)
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
}
