namespace SortLine.Sensors.Libs;

/// <summary>
/// One LIBS shot: the spectrum at one laser spot, where the scanner pointed and when.
/// </summary>
/// <remarks>
/// <see cref="ScanXMm"/> and <see cref="ScanYMm"/> are the spot position in the LIBS instrument's own frame
/// (millimetres, across and along the belt) at <see cref="SampleStamp.Encoder"/>. The instrument frame is
/// offset, rotated and scaled relative to the SWIR pixel grid; registration maps one to the other.
/// Pooled like <see cref="Swir.SwirLine"/>: the last reader disposes it.
/// </remarks>
public sealed class LibsPoint : PooledSample
{
    private readonly float[] _spectrum;

    /// <summary>Creates a point that returns itself through <paramref name="returnToPool"/> (or is unpooled when null).</summary>
    /// <param name="returnToPool">The pool's return callback (see <see cref="SamplePool{T}"/>), or null.</param>
    /// <param name="channels">Spectrum channels (≥ 1).</param>
    public LibsPoint(Action<PooledSample>? returnToPool, int channels)
        : base(returnToPool)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(channels, 1);
        _spectrum = new float[channels];
    }

    /// <summary>Gets or sets where and when the shot was fired.</summary>
    public SampleStamp Stamp { get; set; }

    /// <summary>Gets or sets the spot's across-belt position in the instrument frame, mm.</summary>
    public double ScanXMm { get; set; }

    /// <summary>Gets or sets the spot's along-belt position in the instrument frame, mm.</summary>
    public double ScanYMm { get; set; }

    /// <summary>Gets the spectrum (counts per channel); writable by the point's current owner.</summary>
    public Span<float> Spectrum => _spectrum;

    /// <summary>Creates a pool of points of one spectrum length.</summary>
    public static SamplePool<LibsPoint> CreatePool(int capacity, int channels) =>
        new(capacity, returnToPool => new LibsPoint(returnToPool, channels));
}
