namespace SortLine.Pipeline.Inference;

/// <summary>
/// The working memory of one <see cref="LineClassifier"/> caller (one worker thread): two spectra, the hull vertex
/// indices and the class scores. Allocated once per worker, never per line; not thread-safe (one owner).
/// </summary>
public sealed class LineClassifierScratch
{
    /// <summary>Creates scratch for spectra of <paramref name="bands"/> bands and <paramref name="classes"/> classes.</summary>
    /// <param name="bands">Bands per spectrum (≥ 1).</param>
    /// <param name="classes">Classes (scores) per pixel (≥ 1).</param>
    /// <exception cref="ArgumentOutOfRangeException">A count is less than 1.</exception>
    public LineClassifierScratch(int bands, int classes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bands, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 1);
        Bands = bands;
        Classes = classes;
        Spectrum = new float[bands];
        Smoothed = new float[bands];
        Hull = new int[bands];
        Scores = new float[classes];
    }

    /// <summary>Gets the band count it was made for.</summary>
    public int Bands { get; }

    /// <summary>Gets the class count it was made for.</summary>
    public int Classes { get; }

    /// <summary>Gets the reflectance, then hull-quotient, buffer.</summary>
    internal float[] Spectrum { get; }

    /// <summary>Gets the smoothed spectrum buffer.</summary>
    internal float[] Smoothed { get; }

    /// <summary>Gets the hull vertex buffer.</summary>
    internal int[] Hull { get; }

    /// <summary>Gets the scores buffer.</summary>
    internal float[] Scores { get; }

    /// <summary>Whether this scratch fits a classifier (same bands, at least as many classes).</summary>
    /// <param name="classifier">The classifier.</param>
    /// <returns>True when it can be used with <paramref name="classifier"/>.</returns>
    public bool Fits(LineClassifier classifier)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        return Bands == classifier.Bands && Classes >= classifier.ClassCount;
    }
}
