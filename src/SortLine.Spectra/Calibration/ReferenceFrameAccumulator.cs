using SortLine.Spectra.Internal;

namespace SortLine.Spectra.Calibration;

/// <summary>
/// Averages calibration lines (dark or white reference) of a push-broom SWIR camera into one reference frame.
/// Sums are kept exactly (64-bit integers), so the mean does not depend on the order of the lines.
/// </summary>
/// <remarks>
/// A line is <c>pixels × bands</c> raw counts (DN, <see cref="ushort"/>), band-interleaved per pixel:
/// <c>line[pixel * bands + band]</c>. Not thread-safe: one accumulator per calibration acquisition.
/// </remarks>
public sealed class ReferenceFrameAccumulator
{
    private readonly long[] _sums;

    /// <summary>Creates an empty accumulator for lines of <paramref name="pixels"/> × <paramref name="bands"/>.</summary>
    /// <param name="pixels">Spatial pixels per line (≥ 1).</param>
    /// <param name="bands">Spectral bands per pixel (≥ 1).</param>
    /// <exception cref="ArgumentOutOfRangeException">A dimension is less than 1, or the product overflows.</exception>
    public ReferenceFrameAccumulator(int pixels, int bands)
    {
        ThrowHelper.ThrowIfOutOfRange(pixels, 1, int.MaxValue);
        ThrowHelper.ThrowIfOutOfRange(bands, 1, int.MaxValue);
        long cells = (long)pixels * bands;
        if (cells > Array.MaxLength)
        {
            ThrowHelper.ThrowArgumentOutOfRange(nameof(bands), cells, "pixels × bands exceeds the largest array length.");
        }

        Pixels = pixels;
        Bands = bands;
        _sums = new long[cells];
    }

    /// <summary>Gets the number of spatial pixels per line.</summary>
    public int Pixels { get; }

    /// <summary>Gets the number of bands per pixel.</summary>
    public int Bands { get; }

    /// <summary>Gets the number of lines added so far.</summary>
    public int LineCount { get; private set; }

    /// <summary>Adds one raw line.</summary>
    /// <param name="line">Raw counts, <c>Pixels * Bands</c> long, <c>line[pixel * Bands + band]</c> (DN).</param>
    /// <exception cref="ArgumentException"><paramref name="line"/> has the wrong length.</exception>
    /// <exception cref="InvalidOperationException"><see cref="int.MaxValue"/> lines were already added.</exception>
    public void Add(ReadOnlySpan<ushort> line)
    {
        ThrowHelper.ThrowIfLengthMismatch(_sums.Length, line.Length, nameof(line));
        if (LineCount == int.MaxValue)
        {
            ThrowHelper.ThrowInvalidOperation("The accumulator is full.");
        }

        long[] sums = _sums;
        for (int i = 0; i < sums.Length; i++)
        {
            sums[i] += line[i];
        }

        LineCount++;
    }

    /// <summary>Writes the mean frame (DN) of the lines added so far.</summary>
    /// <param name="mean">Destination, <c>Pixels * Bands</c> long.</param>
    /// <exception cref="ArgumentException"><paramref name="mean"/> has the wrong length.</exception>
    /// <exception cref="InvalidOperationException">No line has been added.</exception>
    public void CopyMeanTo(Span<double> mean)
    {
        ThrowHelper.ThrowIfLengthMismatch(_sums.Length, mean.Length, nameof(mean));
        if (LineCount == 0)
        {
            ThrowHelper.ThrowInvalidOperation("No line has been added; the mean of zero lines is undefined.");
        }

        double n = LineCount;
        for (int i = 0; i < mean.Length; i++)
        {
            mean[i] = _sums[i] / n;
        }
    }

    /// <summary>Forgets all lines added so far.</summary>
    public void Reset()
    {
        Array.Clear(_sums);
        LineCount = 0;
    }
}
