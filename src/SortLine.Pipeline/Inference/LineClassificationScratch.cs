namespace SortLine.Pipeline.Inference;

/// <summary>
/// The working memory of one <see cref="ClassificationPlan"/> caller (one worker thread): a pixel's reflectance and
/// smoothed spectrum, hull vertices, class scores and the fused classifier's scratch. Allocated once per worker (again only
/// when a swap brings more classes), never per line; not thread-safe (one owner).
/// </summary>
public sealed class LineClassificationScratch
{
    /// <summary>Creates scratch for spectra of <paramref name="bands"/> bands and up to <paramref name="classes"/> classes.</summary>
    /// <param name="bands">Bands per spectrum (≥ 1).</param>
    /// <param name="classes">Classes (scores) per pixel (≥ 1).</param>
    /// <exception cref="ArgumentOutOfRangeException">A count is less than 1.</exception>
    public LineClassificationScratch(int bands, int classes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bands, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 1);
        Bands = bands;
        Classes = classes;
        Spectra = new float[2 * bands];
        Hull = new int[bands];
        Scores = new float[classes];
        Classifier = new LineClassifierScratch(bands, classes);
    }

    /// <summary>Gets the band count it was made for.</summary>
    public int Bands { get; }

    /// <summary>Gets the class count it was made for.</summary>
    public int Classes { get; }

    /// <summary>Gets two spectra (reflectance, smoothed).</summary>
    internal float[] Spectra { get; }

    /// <summary>Gets the hull vertex buffer.</summary>
    internal int[] Hull { get; }

    /// <summary>Gets the scores buffer.</summary>
    internal float[] Scores { get; }

    /// <summary>Gets the fused classifier's scratch.</summary>
    internal LineClassifierScratch Classifier { get; }

    /// <summary>Whether this scratch fits a plan (same bands, at least as many classes as its model).</summary>
    /// <param name="plan">The plan.</param>
    /// <returns>True when it can be used with <paramref name="plan"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="plan"/> is null.</exception>
    public bool Fits(ClassificationPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return Bands == plan.Preprocessing.Bands && Classes >= (plan.Classifier?.ClassCount ?? 1);
    }
}
