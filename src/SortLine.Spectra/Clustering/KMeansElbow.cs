using SortLine.Spectra.Internal;

namespace SortLine.Spectra.Clustering;

/// <summary>
/// Chooses the number of clusters by the elbow of the inertia curve (methods brief §3.5: "k from expert knowledge or
/// the elbow of inertia vs k").
/// </summary>
/// <remarks>
/// <para><b>Rule (the "kneedle" idea of Satopää et al., 2011).</b> K-means is run for every k in [kMin, kMax] with
/// k-means++ seeding. Both axes are normalised to [0, 1]: <c>x = (k - kMin) / (kMax - kMin)</c> and
/// <c>y = (I(k) - min I) / (max I - min I)</c>. The chord joins the first and last normalised points; the elbow is the k
/// whose point lies farthest <i>below</i> the chord (the perpendicular distance to a fixed chord is proportional to the
/// vertical gap, so the vertical gap is maximised). Ties go to the smaller k.</para>
/// <para><b>Degenerate curves.</b> With fewer than three values of k, with a flat curve (max I = min I), or when no
/// point lies below the chord (a straight or concave curve has no elbow), kMin is returned.</para>
/// </remarks>
public static class KMeansElbow
{
    /// <summary>Runs k-means for k = <paramref name="kMin"/>..<paramref name="kMax"/> and picks the elbow.</summary>
    /// <param name="data">Samples × features; at least <paramref name="kMax"/> rows.</param>
    /// <param name="kMin">Smallest k (≥ 1).</param>
    /// <param name="kMax">Largest k (≥ <paramref name="kMin"/>).</param>
    /// <param name="options">Options for every run (its <see cref="KMeansOptions.ClusterCount"/> is replaced by each k);
    /// must not carry explicit initial centroids. <see langword="null"/> for the defaults.</param>
    /// <returns>The inertia curve, the models and the chosen k.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kMin"/> &lt; 1 or <paramref name="kMax"/> &lt; <paramref name="kMin"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="options"/> has explicit initial centroids, or the data are
    /// invalid for <see cref="KMeans.Fit"/> with k = <paramref name="kMax"/>.</exception>
    public static ElbowSelection Select(ReadOnlyMatrixSpan<double> data, int kMin, int kMax, KMeansOptions? options = null)
    {
        ThrowHelper.ThrowIfOutOfRange(kMin, 1, int.MaxValue);
        ThrowHelper.ThrowIfOutOfRange(kMax, kMin, int.MaxValue);
        options ??= new KMeansOptions();
        if (!options.InitialCentroids.IsEmpty)
        {
            ThrowHelper.ThrowArgument(nameof(options), "The elbow search seeds with k-means++; explicit initial centroids cannot serve every k.");
        }

        ThrowHelper.ThrowIfTooFewRows(data.Rows, kMax, nameof(data));

        int count = kMax - kMin + 1;
        var ks = new int[count];
        var inertias = new double[count];
        var models = new KMeansModel[count];
        for (int i = 0; i < count; i++)
        {
            ks[i] = kMin + i;
            models[i] = KMeans.Fit(data, options with { ClusterCount = ks[i] });
            inertias[i] = models[i].Inertia;
        }

        return new ElbowSelection(ks, inertias, models, FindElbow(inertias));
    }

    /// <summary>Index of the point farthest below the chord of the normalised curve (see the type remarks).</summary>
    /// <param name="inertias">The curve, one value per consecutive k.</param>
    /// <returns>The elbow index, 0 for degenerate curves.</returns>
    internal static int FindElbow(ReadOnlySpan<double> inertias)
    {
        int count = inertias.Length;
        if (count < 3)
        {
            return 0;
        }

        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (double v in inertias)
        {
            min = Math.Min(min, v);
            max = Math.Max(max, v);
        }

        double range = max - min;
        if (!(range > 0))
        {
            return 0;
        }

        double first = (inertias[0] - min) / range, last = (inertias[count - 1] - min) / range;
        int best = 0;
        double bestGap = 0;
        for (int i = 1; i < count - 1; i++)
        {
            double x = (double)i / (count - 1);
            double chord = first + ((last - first) * x);
            double gap = chord - ((inertias[i] - min) / range);
            if (gap > bestGap)
            {
                bestGap = gap;
                best = i;
            }
        }

        return best;
    }
}
