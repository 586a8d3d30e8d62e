using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace SortLine.Simulators.Recording.Envi;

/// <summary>
/// Reads an ENVI image (BSQ, BIL or BIP; uint16, int16 or float32; either byte order) one image line at a time,
/// always returning the line pixel-interleaved: <c>destination[sample * Bands + band]</c>.
/// </summary>
/// <remarks>
/// <para>A data file shorter than the header declares is not an error at open: <see cref="CompleteLines"/> says how many
/// lines are whole, those read normally, and reading the first damaged line throws a
/// <see cref="RecordingFormatException"/> naming the data file and the byte offset where the data ends.</para>
/// <para>A SortLine recording whose header still says <c>sortline state = open</c> was not closed (the recorder
/// crashed or is still writing). Its header line count is stale, so <see cref="Lines"/> is derived from the data
/// file's size instead: every complete line counts, a partly written last line is ignored
/// (<see cref="WasInterrupted"/> is true).</para>
/// <para>Reads use positioned I/O on a file opened with read/write sharing, so a recording can be read while it is
/// written. Not thread-safe: one reader per instance. <c>ReadLine</c> allocates nothing.</para>
/// </remarks>
public sealed class EnviImage : IDisposable
{
    private static readonly string[] DataExtensions = [".raw", ".img", ".dat", ".bil", ".bsq", ".bip", ".sli", ".hyspex", string.Empty];

    private readonly SafeFileHandle _data;
    private readonly byte[] _raw;
    private readonly int _lineBytes;
    private readonly int _rowBytes;
    private float[]? _floats;

    private EnviImage(EnviHeader header, string dataPath, SafeFileHandle data)
    {
        Header = header;
        DataPath = dataPath;
        _data = data;
        _rowBytes = header.Samples * header.BytesPerValue;
        _lineBytes = _rowBytes * header.Bands;
        _raw = new byte[_lineBytes];
        DataLength = RandomAccess.GetLength(data);
        long available = Math.Max(0, DataLength - header.HeaderOffset);
        WasInterrupted = header.TryGetField(SortLineEnviFields.State, out string state)
            && string.Equals(state.Trim(), SortLineEnviFields.StateOpen, StringComparison.OrdinalIgnoreCase)
            && header.Interleave != EnviInterleave.Bsq;
        long whole;
        if (header.Interleave == EnviInterleave.Bsq)
        {
            // Line r is whole when its row in the last band plane is present.
            long lastPlaneStart = (long)(header.Bands - 1) * header.Lines * _rowBytes;
            whole = available < lastPlaneStart ? 0 : (available - lastPlaneStart) / _rowBytes;
        }
        else
        {
            whole = available / _lineBytes;
        }

        Lines = WasInterrupted ? (int)Math.Min(whole, int.MaxValue) : header.Lines;
        CompleteLines = (int)Math.Min(whole, Lines);
    }

    /// <summary>Gets the parsed header.</summary>
    public EnviHeader Header { get; }

    /// <summary>Gets the data file's path.</summary>
    public string DataPath { get; }

    /// <summary>Gets the data file's length in bytes when it was opened.</summary>
    public long DataLength { get; }

    /// <summary>Gets the number of samples (pixels) per line.</summary>
    public int Samples => Header.Samples;

    /// <summary>Gets the number of bands.</summary>
    public int Bands => Header.Bands;

    /// <summary>Gets the number of lines: the header's, or for an interrupted recording the whole lines on disk.</summary>
    public int Lines { get; }

    /// <summary>Gets the number of leading lines whose bytes are all in the data file.</summary>
    public int CompleteLines { get; }

    /// <summary>Gets whether the data file is shorter than <see cref="Lines"/> requires.</summary>
    public bool IsTruncated => CompleteLines < Lines;

    /// <summary>Gets whether this is a SortLine recording that was never closed (see remarks).</summary>
    public bool WasInterrupted { get; }

    /// <summary>Opens an image by its header.</summary>
    /// <param name="headerPath">The <c>.hdr</c> file.</param>
    /// <param name="dataPath">The data file, or null to look next to the header for the same name with extension
    /// .raw, .img, .dat, .bil, .bsq, .bip, .sli, .hyspex or none (and <c>X.raw</c> for <c>X.raw.hdr</c>).</param>
    /// <exception cref="RecordingFormatException">The header is malformed.</exception>
    /// <exception cref="FileNotFoundException">No data file was found.</exception>
    public static EnviImage Open(string headerPath, string? dataPath = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(headerPath);
        EnviHeader header = EnviHeader.Read(headerPath);
        dataPath ??= FindDataFile(headerPath);
        SafeFileHandle handle = File.OpenHandle(dataPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        return new EnviImage(header, dataPath, handle);
    }

    /// <summary>Reads one uint16 image line, pixel-interleaved.</summary>
    /// <param name="line">Image line (row), 0 ≤ line &lt; <see cref="Lines"/>.</param>
    /// <param name="destination">Samples × Bands values; <c>destination[sample * Bands + band]</c>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="line"/> is out of range.</exception>
    /// <exception cref="ArgumentException"><paramref name="destination"/> has the wrong length.</exception>
    /// <exception cref="InvalidOperationException">The image is not uint16 (use the float overload).</exception>
    /// <exception cref="RecordingFormatException">The data file ends before this line does.</exception>
    public void ReadLine(int line, Span<ushort> destination)
    {
        if (Header.DataType != EnviDataType.UInt16)
        {
            throw new InvalidOperationException($"{Header.FilePath}: data type is {Header.DataType}, not UInt16; read it as float.");
        }

        CheckLine(line, destination.Length, nameof(destination));
        Fill(line);
        Span<ushort> values = MemoryMarshal.Cast<byte, ushort>(_raw.AsSpan());
        if (Header.IsBigEndian == BitConverter.IsLittleEndian)
        {
            BinaryPrimitives.ReverseEndianness(values, values);
        }

        Deinterleave(values, destination);
    }

    /// <summary>Reads one image line of any supported data type as float, pixel-interleaved.</summary>
    /// <param name="line">Image line (row), 0 ≤ line &lt; <see cref="Lines"/>.</param>
    /// <param name="destination">Samples × Bands values; <c>destination[sample * Bands + band]</c>. Integer values are exact.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="line"/> is out of range.</exception>
    /// <exception cref="ArgumentException"><paramref name="destination"/> has the wrong length.</exception>
    /// <exception cref="RecordingFormatException">The data file ends before this line does.</exception>
    public void ReadLine(int line, Span<float> destination)
    {
        CheckLine(line, destination.Length, nameof(destination));
        Fill(line);
        bool swap = Header.IsBigEndian == BitConverter.IsLittleEndian;
        if (Header.DataType == EnviDataType.Float32)
        {
            Span<uint> bits = MemoryMarshal.Cast<byte, uint>(_raw.AsSpan());
            if (swap)
            {
                BinaryPrimitives.ReverseEndianness(bits, bits);
            }

            Deinterleave(MemoryMarshal.Cast<byte, float>(_raw.AsSpan()), destination);
            return;
        }

        Span<ushort> words = MemoryMarshal.Cast<byte, ushort>(_raw.AsSpan());
        if (swap)
        {
            BinaryPrimitives.ReverseEndianness(words, words);
        }

        _floats ??= new float[words.Length];
        Span<float> floats = _floats;
        if (Header.DataType == EnviDataType.UInt16)
        {
            for (int i = 0; i < words.Length; i++)
            {
                floats[i] = words[i];
            }
        }
        else
        {
            ReadOnlySpan<short> signed = MemoryMarshal.Cast<ushort, short>(words);
            for (int i = 0; i < signed.Length; i++)
            {
                floats[i] = signed[i];
            }
        }

        Deinterleave(floats, destination);
    }

    /// <inheritdoc/>
    public void Dispose() => _data.Dispose();

    private void Deinterleave<T>(ReadOnlySpan<T> stored, Span<T> destination)
    {
        if (Header.Interleave == EnviInterleave.Bip)
        {
            stored.CopyTo(destination);
        }
        else
        {
            Interleaving.BandMajorToBip(stored, destination, Header.Samples, Header.Bands);
        }
    }

    private void CheckLine(int line, int destinationLength, string paramName)
    {
        ObjectDisposedException.ThrowIf(_data.IsClosed, this);
        ArgumentOutOfRangeException.ThrowIfNegative(line);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(line, Lines);
        if (destinationLength != Header.Samples * Header.Bands)
        {
            throw new ArgumentException($"The destination holds {destinationLength} values; a line has {Header.Samples} samples x {Header.Bands} bands.", paramName);
        }
    }

    /// <summary>Reads line <paramref name="line"/>'s bytes in stored order (band-major for BSQ and BIL).</summary>
    private void Fill(int line)
    {
        if (Header.Interleave == EnviInterleave.Bsq)
        {
            long plane = (long)Header.Lines * _rowBytes;
            for (int b = 0; b < Header.Bands; b++)
            {
                ReadExactly(line, Header.HeaderOffset + (b * plane) + ((long)line * _rowBytes), _raw.AsSpan(b * _rowBytes, _rowBytes));
            }
        }
        else
        {
            ReadExactly(line, Header.HeaderOffset + ((long)line * _lineBytes), _raw);
        }
    }

    private void ReadExactly(int line, long offset, Span<byte> buffer)
    {
        int total = 0;
        while (total < buffer.Length)
        {
            int n = RandomAccess.Read(_data, buffer[total..], offset + total);
            if (n == 0)
            {
                throw new RecordingFormatException(DataPath, offset + total, 0, string.Create(CultureInfo.InvariantCulture,
                    $"the data ends here, inside line {line}, which needs bytes {offset}..{offset + buffer.Length - 1}; the header declares {Lines} lines of which {CompleteLines} are complete."));
            }

            total += n;
        }
    }

    private static string FindDataFile(string headerPath)
    {
        string full = Path.GetFullPath(headerPath);
        string stem = full.EndsWith(".hdr", StringComparison.OrdinalIgnoreCase) ? full[..^4] : full;
        foreach (string ext in DataExtensions)
        {
            string candidate = stem + ext;
            if (!string.Equals(candidate, full, StringComparison.Ordinal) && File.Exists(candidate))
            {
                return candidate;
            }

            string upper = stem + ext.ToUpperInvariant();
            if (!string.Equals(upper, full, StringComparison.Ordinal) && File.Exists(upper))
            {
                return upper;
            }
        }

        throw new FileNotFoundException($"{headerPath}: no data file next to the header (tried {stem} with .raw, .img, .dat, .bil, .bsq, .bip, .sli, .hyspex and no extension).", stem + ".raw");
    }
}
