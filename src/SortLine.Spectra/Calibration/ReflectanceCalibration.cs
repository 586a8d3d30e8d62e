using System.Globalization;
using SortLine.Spectra.Internal;

namespace SortLine.Spectra.Calibration;

/// <summary>
/// Reflectance calibration of a push-broom SWIR camera: <c>R = (raw - dark) / (white - dark)</c> per pixel and band,
/// from averaged dark and white reference frames. Built once at calibration time; immutable and thread-safe afterwards.
/// </summary>
/// <remarks>
/// <para>Units: raw, dark and white are detector counts (DN); the reflectance is dimensionless (1 = the white reference).</para>
/// <para>Layout: a line is <c>pixels × bands</c>, band-interleaved per pixel: <c>line[pixel * bands + band]</c>.</para>
/// <para>Dead cells: where <c>white - dark ≤ DeadThresholdDn</c> (no usable signal range, e.g. a dead or saturated-in-dark
/// detector element) the division is not done; the reflectance there is written as 0, and the cell is flagged in
/// <see cref="DeadMask"/> and counted in <see cref="DeadCellCount"/>.</para>
/// <para>Precision: the kernel works in <see cref="float"/> with <c>dark</c> and <c>1 / (white - dark)</c> rounded to float
/// (both computed in double). The SIMD and scalar paths give bitwise identical results (the same IEEE operations in the
/// same order; the ushort → float widening is exact).</para>
/// </remarks>
public sealed partial class ReflectanceCalibration
{
    /// <summary>The default dead-cell threshold on <c>white - dark</c>, in DN.</summary>
    public const double DefaultDeadThresholdDn = 4.0;

    private readonly double[] _darkFrame;
    private readonly double[] _whiteFrame;
    private readonly float[] _offset;
    private readonly float[] _inverseRange;
    private readonly bool[] _dead;

    private ReflectanceCalibration(int pixels, int bands, double[] darkFrame, double[] whiteFrame, double deadThresholdDn)
    {
        Pixels = pixels;
        Bands = bands;
        DeadThresholdDn = deadThresholdDn;
        _darkFrame = darkFrame;
        _whiteFrame = whiteFrame;
        _offset = new float[darkFrame.Length];
        _inverseRange = new float[darkFrame.Length];
        _dead = new bool[darkFrame.Length];
        int dead = 0;
        for (int i = 0; i < darkFrame.Length; i++)
        {
            double range = whiteFrame[i] - darkFrame[i];
            if (range <= deadThresholdDn)
            {
                // (raw - 0) * 0 = +0 for every raw value: dead cells need no mask in the hot loop.
                _dead[i] = true;
                dead++;
            }
            else
            {
                _offset[i] = (float)darkFrame[i];
                _inverseRange[i] = (float)(1.0 / range);
            }
        }

        DeadCellCount = dead;
    }

    /// <summary>Gets the number of spatial pixels per line.</summary>
    public int Pixels { get; }

    /// <summary>Gets the number of bands per pixel.</summary>
    public int Bands { get; }

    /// <summary>Gets the dead-cell threshold on <c>white - dark</c> (DN).</summary>
    public double DeadThresholdDn { get; }

    /// <summary>Gets the number of dead cells (pixel, band) whose reflectance is always written as 0.</summary>
    public int DeadCellCount { get; }

    /// <summary>Gets the dead-cell mask, <c>Pixels * Bands</c> long, indexed <c>pixel * Bands + band</c>.</summary>
    public ReadOnlySpan<bool> DeadMask => _dead;

    /// <summary>Gets the averaged dark reference frame (DN), indexed <c>pixel * Bands + band</c>.</summary>
    public ReadOnlySpan<double> DarkFrame => _darkFrame;

    /// <summary>Gets the averaged white reference frame (DN), indexed <c>pixel * Bands + band</c>.</summary>
    public ReadOnlySpan<double> WhiteFrame => _whiteFrame;

    /// <summary>Builds a calibration from accumulated dark and white reference lines.</summary>
    /// <param name="dark">Dark reference lines (shutter closed); at least one line.</param>
    /// <param name="white">White reference lines (reference panel); at least one line, same frame size as <paramref name="dark"/>.</param>
    /// <param name="deadThresholdDn">Cells with <c>white - dark ≤</c> this value (DN, finite, ≥ 0) are dead.</param>
    /// <returns>The calibration.</returns>
    /// <exception cref="ArgumentNullException">An accumulator is null.</exception>
    /// <exception cref="ArgumentException">An accumulator holds no line, or the frame sizes differ.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="deadThresholdDn"/> is negative or not finite.</exception>
    public static ReflectanceCalibration Create(ReferenceFrameAccumulator dark, ReferenceFrameAccumulator white, double deadThresholdDn = DefaultDeadThresholdDn)
    {
        ArgumentNullException.ThrowIfNull(dark);
        ArgumentNullException.ThrowIfNull(white);
        if (dark.LineCount == 0)
        {
            ThrowHelper.ThrowArgument(nameof(dark), "The dark reference holds no line (N = 0).");
        }

        if (white.LineCount == 0)
        {
            ThrowHelper.ThrowArgument(nameof(white), "The white reference holds no line (N = 0).");
        }

        if (dark.Pixels != white.Pixels || dark.Bands != white.Bands)
        {
            ThrowHelper.ThrowArgument(nameof(white), string.Create(CultureInfo.InvariantCulture,
                $"The white frame is {white.Pixels} × {white.Bands} (pixels × bands) but the dark frame is {dark.Pixels} × {dark.Bands}."));
        }

        var darkFrame = new double[dark.Pixels * dark.Bands];
        var whiteFrame = new double[darkFrame.Length];
        dark.CopyMeanTo(darkFrame);
        white.CopyMeanTo(whiteFrame);
        return FromReferenceFrames(dark.Pixels, dark.Bands, darkFrame, whiteFrame, deadThresholdDn);
    }

    /// <summary>Builds a calibration from already averaged dark and white reference frames.</summary>
    /// <param name="pixels">Spatial pixels per line (≥ 1).</param>
    /// <param name="bands">Bands per pixel (≥ 1).</param>
    /// <param name="darkFrame">Mean dark frame (DN, finite), <c>pixels * bands</c> long.</param>
    /// <param name="whiteFrame">Mean white frame (DN, finite), <c>pixels * bands</c> long.</param>
    /// <param name="deadThresholdDn">Cells with <c>white - dark ≤</c> this value (DN, finite, ≥ 0) are dead.</param>
    /// <returns>The calibration (it copies the frames).</returns>
    /// <exception cref="ArgumentOutOfRangeException">A dimension is less than 1, or the threshold is negative or not finite.</exception>
    /// <exception cref="ArgumentException">A frame has the wrong length or a non-finite element.</exception>
    public static ReflectanceCalibration FromReferenceFrames(int pixels, int bands, ReadOnlySpan<double> darkFrame, ReadOnlySpan<double> whiteFrame,
        double deadThresholdDn = DefaultDeadThresholdDn)
    {
        ThrowHelper.ThrowIfOutOfRange(pixels, 1, int.MaxValue);
        ThrowHelper.ThrowIfOutOfRange(bands, 1, int.MaxValue);
        ThrowHelper.ThrowIfOutOfRange(deadThresholdDn, 0.0, double.MaxValue);
        long cells = (long)pixels * bands;
        if (cells > Array.MaxLength)
        {
            ThrowHelper.ThrowArgumentOutOfRange(nameof(bands), cells, "pixels × bands exceeds the largest array length.");
        }

        ThrowHelper.ThrowIfLengthMismatch((int)cells, darkFrame.Length);
        ThrowHelper.ThrowIfLengthMismatch((int)cells, whiteFrame.Length);
        ThrowHelper.ThrowIfNotFinite(darkFrame);
        ThrowHelper.ThrowIfNotFinite(whiteFrame);
        return new ReflectanceCalibration(pixels, bands, darkFrame.ToArray(), whiteFrame.ToArray(), deadThresholdDn);
    }

    /// <summary>Gets whether the cell (<paramref name="pixel"/>, <paramref name="band"/>) is dead.</summary>
    /// <param name="pixel">Pixel index in [0, <see cref="Pixels"/>).</param>
    /// <param name="band">Band index in [0, <see cref="Bands"/>).</param>
    /// <returns><see langword="true"/> when its reflectance is always written as 0.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An index is out of range.</exception>
    public bool IsDead(int pixel, int band)
    {
        ThrowHelper.ThrowIfOutOfRange(pixel, 0, Pixels - 1);
        ThrowHelper.ThrowIfOutOfRange(band, 0, Bands - 1);
        return _dead[(pixel * Bands) + band];
    }

    /// <summary>Calibrates one raw line to reflectance. Allocates nothing; SIMD where available.</summary>
    /// <param name="rawLine">Raw counts (DN), <c>Pixels * Bands</c> long, <c>rawLine[pixel * Bands + band]</c>.</param>
    /// <param name="reflectanceLine">Destination reflectance, same layout and length; 0 at dead cells.</param>
    /// <exception cref="ArgumentException">A span has the wrong length.</exception>
    public void Apply(ReadOnlySpan<ushort> rawLine, Span<float> reflectanceLine)
    {
        ThrowHelper.ThrowIfLengthMismatch(_offset.Length, rawLine.Length, nameof(rawLine));
        ThrowHelper.ThrowIfLengthMismatch(_offset.Length, reflectanceLine.Length, nameof(reflectanceLine));
        Calibrate(rawLine, _offset, _inverseRange, reflectanceLine);
    }

    /// <summary>Calibrates the spectrum of one pixel to reflectance. Allocates nothing; SIMD where available.</summary>
    /// <param name="pixel">Pixel index in [0, <see cref="Pixels"/>).</param>
    /// <param name="rawSpectrum">Raw counts of that pixel (DN), <see cref="Bands"/> long.</param>
    /// <param name="reflectance">Destination reflectance, <see cref="Bands"/> long; 0 at dead cells.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="pixel"/> is out of range.</exception>
    /// <exception cref="ArgumentException">A span has the wrong length.</exception>
    public void ApplyPixel(int pixel, ReadOnlySpan<ushort> rawSpectrum, Span<float> reflectance)
    {
        ThrowHelper.ThrowIfOutOfRange(pixel, 0, Pixels - 1);
        ThrowHelper.ThrowIfLengthMismatch(Bands, rawSpectrum.Length, nameof(rawSpectrum));
        ThrowHelper.ThrowIfLengthMismatch(Bands, reflectance.Length, nameof(reflectance));
        int start = pixel * Bands;
        Calibrate(rawSpectrum, _offset.AsSpan(start, Bands), _inverseRange.AsSpan(start, Bands), reflectance);
    }

    /// <summary>The kernel: vector prefix, then the scalar tail. All spans have the same length.</summary>
    internal static void Calibrate(ReadOnlySpan<ushort> raw, ReadOnlySpan<float> offset, ReadOnlySpan<float> inverseRange, Span<float> destination)
    {
        int done = CalibrateVector(raw, offset, inverseRange, destination);
        CalibrateScalar(raw[done..], offset[done..], inverseRange[done..], destination[done..]);
    }
}
