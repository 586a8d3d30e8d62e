using System.Globalization;
using SortLine.Sensors;
using SortLine.Sensors.Encoder;

namespace SortLine.Learning.Pairing;

/// <summary>
/// A bounded ring of the most recent SWIR lines (with their stamps and an optional foreground mask), so that a LIBS point
/// shot later, downstream, can be paired with the preprocessed spectrum the camera saw at the same belt position.
/// </summary>
/// <remarks>
/// <para><b>Two kinds of ring.</b> A history made by the constructor holds <i>preprocessed</i> lines (float spectra per
/// pixel, appended with <see cref="Append"/>). One made by <see cref="ForRawLines"/> holds <i>raw</i> lines (DN, half the
/// memory, appended with <see cref="AppendRaw"/> together with the <see cref="ISwirPixelPreprocessor"/> of that line's
/// references) and preprocesses a pixel only when <see cref="GetSpectrum"/> asks for it: pairing reads a handful of pixels
/// per LIBS point, so the line-rate side need not preprocess the belt pixels it never classifies. Both give the same
/// spectra for the same lines.</para>
/// <para>Lines are numbered by a running <i>sequence</i> (0 for the first line ever appended); the ring holds sequences
/// <see cref="OldestSequence"/> … <see cref="NewestSequence"/>. Appending to a full ring overwrites the oldest line.
/// Encoder positions must not decrease from one line to the next (the belt runs forward; equal positions, a stopped belt,
/// are allowed), which keeps the ring sorted for the binary search of <see cref="TryFindNearest"/>.</para>
/// <para>All storage is allocated by the constructor; <see cref="Append"/> and the look-ups allocate nothing. Not
/// thread-safe: one thread appends and looks up (the learning worker), or the caller serialises access.</para>
/// </remarks>
public sealed class SwirLineHistory
{
    private readonly float[]? _spectra;
    private readonly ushort[]? _raw;
    private readonly ISwirPixelPreprocessor?[]? _preprocessors;
    private readonly float[] _pixelSpectrum;
    private readonly bool[] _foreground;
    private readonly bool[] _hasForeground;
    private readonly SampleStamp[] _stamps;
    private readonly int _lineLength;
    private float[] _scratch = [];
    private int[] _hullScratch = [];
    private long _appended;
    private long _computedSequence = -1;
    private int _computedPixel = -1;

    /// <summary>Allocates a ring of preprocessed lines.</summary>
    /// <param name="capacity">Lines held (≥ 1).</param>
    /// <param name="pixels">Pixels per line (≥ 1).</param>
    /// <param name="bands">Bands per preprocessed spectrum (≥ 1).</param>
    /// <exception cref="ArgumentOutOfRangeException">A count is below 1, or the ring would exceed the array size limit.</exception>
    public SwirLineHistory(int capacity, int pixels, int bands)
        : this(capacity, pixels, bands, raw: false)
    {
    }

    private SwirLineHistory(int capacity, int pixels, int bands, bool raw)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(pixels, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(bands, 1);
        long total = (long)capacity * pixels * bands;
        if (total > Array.MaxLength)
        {
            throw new ArgumentOutOfRangeException(nameof(capacity), capacity, string.Create(CultureInfo.InvariantCulture,
                $"{capacity} lines × {pixels} pixels × {bands} bands exceed the largest array."));
        }

        Capacity = capacity;
        Pixels = pixels;
        Bands = bands;
        _lineLength = pixels * bands;
        if (raw)
        {
            _raw = new ushort[total];
            _preprocessors = new ISwirPixelPreprocessor?[capacity];
        }
        else
        {
            _spectra = new float[total];
        }

        _pixelSpectrum = raw ? new float[bands] : [];
        _foreground = new bool[capacity * pixels];
        _hasForeground = new bool[capacity];
        _stamps = new SampleStamp[capacity];
    }

    /// <summary>Allocates a ring of raw lines, preprocessed pixel by pixel on demand (see the type remarks).</summary>
    /// <param name="capacity">Lines held (≥ 1).</param>
    /// <param name="pixels">Pixels per line (≥ 1).</param>
    /// <param name="bands">Bands per raw and preprocessed spectrum (≥ 1).</param>
    /// <returns>The empty ring.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A count is below 1, or the ring would exceed the array size limit.</exception>
    public static SwirLineHistory ForRawLines(int capacity, int pixels, int bands) => new(capacity, pixels, bands, raw: true);

    /// <summary>Gets whether the ring holds raw lines (<see cref="ForRawLines"/>) rather than preprocessed ones.</summary>
    public bool HoldsRawLines => _raw is not null;

    /// <summary>Gets the number of lines the ring holds when full.</summary>
    public int Capacity { get; }

    /// <summary>Gets the pixels per line.</summary>
    public int Pixels { get; }

    /// <summary>Gets the bands per spectrum.</summary>
    public int Bands { get; }

    /// <summary>Gets the number of lines currently held (≤ <see cref="Capacity"/>).</summary>
    public int Count => (int)Math.Min(_appended, Capacity);

    /// <summary>Gets the number of lines appended since construction.</summary>
    public long AppendedCount => _appended;

    /// <summary>Gets the sequence of the oldest line held (equals <see cref="AppendedCount"/> when empty).</summary>
    public long OldestSequence => _appended - Count;

    /// <summary>Gets the sequence of the newest line held (−1 when empty).</summary>
    public long NewestSequence => _appended - 1;

    /// <summary>Appends one preprocessed line, overwriting the oldest when full. Allocates nothing.</summary>
    /// <param name="line">Pixels × bands values, pixel-interleaved (<c>line[pixel * Bands + band]</c>).</param>
    /// <param name="stamp">The line's stamp (its encoder position must not be before the previous line's).</param>
    /// <param name="foreground">Optional per-pixel foreground mask (particle = true, belt = false), empty when unknown.</param>
    /// <exception cref="ArgumentException">A length is wrong, or the encoder position went backwards.</exception>
    /// <exception cref="InvalidOperationException">The ring holds raw lines (use <see cref="AppendRaw"/>).</exception>
    public void Append(ReadOnlySpan<float> line, SampleStamp stamp, ReadOnlySpan<bool> foreground = default)
    {
        if (_spectra is null)
        {
            throw new InvalidOperationException("This history holds raw lines; append them with AppendRaw.");
        }

        CheckAppend(line.Length, stamp, foreground, nameof(line));
        int slot = Slot(_appended);
        line.CopyTo(_spectra.AsSpan(slot * _lineLength, _lineLength));
        Store(slot, stamp, foreground);
    }

    /// <summary>Appends one raw line with the preprocessing of its references, overwriting the oldest when full. Allocates nothing.</summary>
    /// <param name="rawLine">Pixels × bands raw counts, pixel-interleaved.</param>
    /// <param name="stamp">The line's stamp (its encoder position must not be before the previous line's).</param>
    /// <param name="preprocessor">How this line's pixels become spectra (its references; kept with the line, so a
    /// recalibration later does not change the spectra of lines taken before it).</param>
    /// <param name="foreground">Optional per-pixel foreground mask (particle = true, belt = false), empty when unknown.</param>
    /// <exception cref="ArgumentNullException"><paramref name="preprocessor"/> is null.</exception>
    /// <exception cref="ArgumentException">A length or the preprocessor's shape is wrong, or the encoder position went backwards.</exception>
    /// <exception cref="InvalidOperationException">The ring holds preprocessed lines (use <see cref="Append"/>).</exception>
    public void AppendRaw(ReadOnlySpan<ushort> rawLine, SampleStamp stamp, ISwirPixelPreprocessor preprocessor, ReadOnlySpan<bool> foreground = default)
    {
        ArgumentNullException.ThrowIfNull(preprocessor);
        if (_raw is null)
        {
            throw new InvalidOperationException("This history holds preprocessed lines; append them with Append.");
        }

        if (preprocessor.Pixels != Pixels || preprocessor.Bands != Bands)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"The preprocessor is for {preprocessor.Pixels} pixels × {preprocessor.Bands} bands; the history holds {Pixels} × {Bands}."), nameof(preprocessor));
        }

        CheckAppend(rawLine.Length, stamp, foreground, nameof(rawLine));
        int slot = Slot(_appended);
        rawLine.CopyTo(_raw.AsSpan(slot * _lineLength, _lineLength));
        _preprocessors![slot] = preprocessor;
        if (_scratch.Length < preprocessor.ScratchLength || _hullScratch.Length < preprocessor.HullScratchLength)
        {
            // Once per preprocessor shape, not per line.
            _scratch = new float[Math.Max(_scratch.Length, preprocessor.ScratchLength)];
            _hullScratch = new int[Math.Max(_hullScratch.Length, preprocessor.HullScratchLength)];
        }

        Store(slot, stamp, foreground);
    }

    /// <summary>Gets whether a line sequence is still held.</summary>
    /// <param name="sequence">A line sequence.</param>
    /// <returns><see langword="true"/> for <see cref="OldestSequence"/> ≤ sequence ≤ <see cref="NewestSequence"/>.</returns>
    public bool Contains(long sequence) => sequence >= OldestSequence && sequence <= NewestSequence;

    /// <summary>Finds the held line nearest to a belt position.</summary>
    /// <param name="encoder">The belt position wanted.</param>
    /// <param name="maxOffsetCounts">The largest accepted distance to the nearest line, encoder counts (≥ 0).</param>
    /// <param name="sequence">The nearest line's sequence (the later one on a tie), or −1 on failure.</param>
    /// <param name="failure"><see cref="PairingFailure.None"/>, or <see cref="PairingFailure.TooOld"/> (before the oldest
    /// line by more than the offset), <see cref="PairingFailure.NotYetSeen"/> (after the newest line by more than the offset,
    /// or the ring is empty) or <see cref="PairingFailure.NoLineNearby"/> (inside the held range, but in a gap).</param>
    /// <returns><see langword="true"/> when a line was found.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxOffsetCounts"/> is negative.</exception>
    public bool TryFindNearest(EncoderPosition encoder, long maxOffsetCounts, out long sequence, out PairingFailure failure)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxOffsetCounts);
        sequence = -1;
        if (_appended == 0)
        {
            failure = PairingFailure.NotYetSeen;
            return false;
        }

        long oldest = OldestSequence, newest = NewestSequence;
        if (encoder - EncoderOf(oldest) < -maxOffsetCounts)
        {
            failure = PairingFailure.TooOld;
            return false;
        }

        if (encoder - EncoderOf(newest) > maxOffsetCounts)
        {
            failure = PairingFailure.NotYetSeen;
            return false;
        }

        // First sequence whose encoder is ≥ the wanted position.
        long low = oldest, high = newest + 1;
        while (low < high)
        {
            long mid = low + ((high - low) / 2);
            if (EncoderOf(mid) < encoder)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        long best = Math.Min(low, newest);
        if (low > oldest && Math.Abs(encoder - EncoderOf(low - 1)) < Math.Abs(EncoderOf(best) - encoder))
        {
            best = low - 1;
        }

        // Among lines at the same encoder position (a stopped belt) take the latest.
        while (best < newest && EncoderOf(best + 1) == EncoderOf(best))
        {
            best++;
        }

        if (Math.Abs(EncoderOf(best) - encoder) > maxOffsetCounts)
        {
            failure = PairingFailure.NoLineNearby;
            return false;
        }

        sequence = best;
        failure = PairingFailure.None;
        return true;
    }

    /// <summary>Gets one pixel's preprocessed spectrum of a held line.</summary>
    /// <param name="sequence">A held line (<see cref="Contains"/>).</param>
    /// <param name="pixel">0 ≤ pixel &lt; <see cref="Pixels"/>.</param>
    /// <returns><see cref="Bands"/> values. For a ring of preprocessed lines, valid until the line is overwritten; for a ring of
    /// raw lines (computed now with the line's preprocessor, allocating nothing), valid only until the next call of this method.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The line is not held or the pixel is out of range.</exception>
    public ReadOnlySpan<float> GetSpectrum(long sequence, int pixel)
    {
        int slot = CheckedSlot(sequence);
        ArgumentOutOfRangeException.ThrowIfNegative(pixel);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(pixel, Pixels);
        int offset = (slot * _lineLength) + (pixel * Bands);
        if (_spectra is not null)
        {
            return _spectra.AsSpan(offset, Bands);
        }

        // Pairing asks for the same pixel twice in a row (edge check, then the pair): computed once.
        if (sequence != _computedSequence || pixel != _computedPixel)
        {
            _computedSequence = -1;
            _preprocessors![slot]!.PreprocessPixel(pixel, _raw.AsSpan(offset, Bands), _pixelSpectrum, _scratch, _hullScratch);
            _computedSequence = sequence;
            _computedPixel = pixel;
        }

        return _pixelSpectrum;
    }

    /// <summary>Gets the stamp of a held line.</summary>
    /// <param name="sequence">A held line.</param>
    /// <returns>The stamp it was appended with.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The line is not held.</exception>
    public SampleStamp GetStamp(long sequence) => _stamps[CheckedSlot(sequence)];

    /// <summary>Gets a pixel's foreground flag, if the line carried a mask.</summary>
    /// <param name="sequence">A held line.</param>
    /// <param name="pixel">0 ≤ pixel &lt; <see cref="Pixels"/>.</param>
    /// <param name="isForeground">The flag (false when unknown).</param>
    /// <returns><see langword="true"/> when the line carried a mask.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The line is not held or the pixel is out of range.</exception>
    public bool TryGetForeground(long sequence, int pixel, out bool isForeground)
    {
        int slot = CheckedSlot(sequence);
        ArgumentOutOfRangeException.ThrowIfNegative(pixel);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(pixel, Pixels);
        isForeground = _hasForeground[slot] && _foreground[(slot * Pixels) + pixel];
        return _hasForeground[slot];
    }

    private void CheckAppend(int lineLength, SampleStamp stamp, ReadOnlySpan<bool> foreground, string lineName)
    {
        if (lineLength != _lineLength)
        {
            ThrowLength(lineLength, _lineLength, lineName);
        }

        if (!foreground.IsEmpty && foreground.Length != Pixels)
        {
            ThrowLength(foreground.Length, Pixels, nameof(foreground));
        }

        if (_appended > 0 && stamp.Encoder < _stamps[Slot(_appended - 1)].Encoder)
        {
            ThrowBackwards(stamp.Encoder, _stamps[Slot(_appended - 1)].Encoder, nameof(stamp));
        }
    }

    private void Store(int slot, SampleStamp stamp, ReadOnlySpan<bool> foreground)
    {
        _stamps[slot] = stamp;
        _hasForeground[slot] = !foreground.IsEmpty;
        if (!foreground.IsEmpty)
        {
            foreground.CopyTo(_foreground.AsSpan(slot * Pixels, Pixels));
        }

        _appended++;
    }

    private EncoderPosition EncoderOf(long sequence) => _stamps[Slot(sequence)].Encoder;

    private int Slot(long sequence) => (int)(sequence % Capacity);

    private int CheckedSlot(long sequence)
    {
        if (!Contains(sequence))
        {
            throw new ArgumentOutOfRangeException(nameof(sequence), sequence, string.Create(CultureInfo.InvariantCulture,
                $"Line {sequence} is not held; the history holds {OldestSequence} to {NewestSequence}."));
        }

        return Slot(sequence);
    }

    private static void ThrowLength(int actual, int expected, string paramName) =>
        throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Length {actual} given; {expected} expected."), paramName);

    private static void ThrowBackwards(EncoderPosition now, EncoderPosition previous, string paramName) =>
        throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
            $"Encoder position {now.Counts} is before the previous line's {previous.Counts}; lines must be appended in belt order."), paramName);
}
