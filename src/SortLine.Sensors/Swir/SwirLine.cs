namespace SortLine.Sensors.Swir;

/// <summary>
/// One push-broom line: every spatial pixel across the belt × every band, raw detector counts (DN),
/// pixel-interleaved: <c>Data[pixel * Bands + band]</c>. A real camera that reads out band-interleaved (BIL)
/// frames is transposed by its driver, so the pipeline always sees one contiguous spectrum per pixel.
/// </summary>
/// <remarks>
/// Pooled (<see cref="SamplePool{T}"/>): the driver rents, fills and stamps a line, then hands it on; the last
/// stage that reads it disposes it, which returns it to the pool. A disposed line must not be touched.
/// </remarks>
public sealed class SwirLine : PooledSample
{
    private readonly ushort[] _data;

    /// <summary>Creates a line that returns itself through <paramref name="returnToPool"/> (or is unpooled when null).</summary>
    /// <param name="returnToPool">The pool's return callback (see <see cref="SamplePool{T}"/>), or null.</param>
    /// <param name="pixels">Spatial pixels (≥ 1).</param>
    /// <param name="bands">Spectral bands (≥ 1).</param>
    public SwirLine(Action<PooledSample>? returnToPool, int pixels, int bands)
        : base(returnToPool)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pixels, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(bands, 1);
        Pixels = pixels;
        Bands = bands;
        _data = new ushort[checked(pixels * bands)];
    }

    /// <summary>Gets the number of spatial pixels.</summary>
    public int Pixels { get; }

    /// <summary>Gets the number of bands.</summary>
    public int Bands { get; }

    /// <summary>Gets or sets where and when the line was acquired (set by the driver before handing it on).</summary>
    public SampleStamp Stamp { get; set; }

    /// <summary>Gets the pixel-interleaved counts; writable by the line's current owner.</summary>
    public Span<ushort> Data => _data;

    /// <summary>Gets one pixel's spectrum.</summary>
    public ReadOnlySpan<ushort> Pixel(int pixel) => _data.AsSpan(pixel * Bands, Bands);

    /// <summary>Creates a pool of lines of one shape.</summary>
    /// <param name="capacity">Lines in the ring (≥ 1).</param>
    /// <param name="pixels">Spatial pixels per line.</param>
    /// <param name="bands">Bands per pixel.</param>
    public static SamplePool<SwirLine> CreatePool(int capacity, int pixels, int bands) =>
        new(capacity, returnToPool => new SwirLine(returnToPool, pixels, bands));
}
