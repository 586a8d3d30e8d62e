using SortLine.Sensors;

namespace SortLine.Pipeline.Items;

/// <summary>
/// One classified camera line: a class id per spatial pixel (0 = belt/background, 1..K−1 = minerals and the
/// reject/unknown class) and, optionally, the classifier's confidence per pixel, stamped with the source line's
/// <see cref="SampleStamp"/>.
/// </summary>
/// <remarks>
/// Pooled (<see cref="SamplePool{T}"/>), like <see cref="Sensors.Swir.SwirLine"/>: the classification stage rents a
/// line, fills it and writes it to the particle stage's input channel; the particle stage (the last reader)
/// disposes it after tracking, which returns it to the pool. A line dropped by a full channel is disposed by the
/// channel's drop callback (see <see cref="Stages.PipelineChannels.CreateLineChannel"/>). A disposed line must not
/// be touched. Class ids are bytes, so a model has at most 256 classes.
/// </remarks>
public sealed class ClassifiedLine : PooledSample
{
    private readonly byte[] _classes;
    private readonly float[] _confidence;

    /// <summary>Creates a line that returns itself through <paramref name="returnToPool"/> (or is unpooled when null).</summary>
    /// <param name="returnToPool">The pool's return callback (see <see cref="SamplePool{T}"/>), or null.</param>
    /// <param name="pixels">Spatial pixels (≥ 1).</param>
    /// <param name="hasConfidence">Whether the line carries a confidence per pixel.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="pixels"/> is less than 1.</exception>
    public ClassifiedLine(Action<PooledSample>? returnToPool, int pixels, bool hasConfidence)
        : base(returnToPool)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pixels, 1);
        _classes = new byte[pixels];
        _confidence = hasConfidence ? new float[pixels] : [];
    }

    /// <summary>Gets the number of spatial pixels.</summary>
    public int Pixels => _classes.Length;

    /// <summary>Gets whether the line carries a confidence per pixel.</summary>
    public bool HasConfidence => _confidence.Length != 0;

    /// <summary>Gets or sets where and when the source line was acquired (copied from the camera line).</summary>
    public SampleStamp Stamp { get; set; }

    /// <summary>Gets or sets the version id of the model that classified the line (set by the classification stage), or null.</summary>
    /// <remarks>Every pixel of a line is classified by this one model version (hot swaps happen between lines), so each
    /// decision can be traced to the model that made it.</remarks>
    public string? ModelVersion { get; set; }

    /// <summary>Gets the class id per pixel; writable by the line's current owner.</summary>
    public Span<byte> Classes => _classes;

    /// <summary>Gets the confidence per pixel (empty when <see cref="HasConfidence"/> is false); writable by the owner.</summary>
    /// <remarks>A probability-like score in [0, 1]; the tracker averages it over a particle's pixels.</remarks>
    public Span<float> Confidence => _confidence;

    /// <summary>Creates a pool of lines of one shape.</summary>
    /// <param name="capacity">Lines in the ring (≥ 1).</param>
    /// <param name="pixels">Spatial pixels per line (≥ 1).</param>
    /// <param name="hasConfidence">Whether the lines carry a confidence per pixel.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> or <paramref name="pixels"/> is less than 1.</exception>
    public static SamplePool<ClassifiedLine> CreatePool(int capacity, int pixels, bool hasConfidence)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pixels, 1);
        return new(capacity, returnToPool => new ClassifiedLine(returnToPool, pixels, hasConfidence));
    }
}
