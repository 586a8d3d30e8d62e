using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Win32.SafeHandles;
using SortLine.Sensors;
using SortLine.Sensors.Encoder;
using SortLine.Sensors.Libs;

namespace SortLine.Simulators.Recording.Libs;

/// <summary>
/// Reads a SortLine LIBS recording record by record, checking each record's length and CRC-32.
/// </summary>
/// <remarks>
/// The first damaged record (bad length field, checksum mismatch, wrong channel count, or cut short by the end of
/// the file) throws a <see cref="RecordingFormatException"/> whose <see cref="RecordingFormatException.ByteOffset"/>
/// is the record's first byte; every record before it has been delivered. The reader stays at the damaged record.
/// Not thread-safe; <see cref="TryReadNext(out LibsRecordHeader)"/> allocates nothing.
/// </remarks>
public sealed class LibsRecordingReader : IDisposable
{
    private readonly SafeFileHandle _file;
    private readonly byte[] _record;
    private readonly long _dataStart;
    private long _position;
    private SampleStamp _previous;

    private LibsRecordingReader(string path, SafeFileHandle file, LibsSpectrometerInfo info, long timestampFrequency, long dataStart)
    {
        Path = path;
        _file = file;
        Info = info;
        TimestampFrequency = timestampFrequency;
        _dataStart = dataStart;
        _position = dataStart;
        _record = new byte[LibsRecordingFormat.RecordBytes(info.Channels)];
    }

    /// <summary>Gets the recording's path.</summary>
    public string Path { get; }

    /// <summary>Gets the recorded instrument description.</summary>
    public LibsSpectrometerInfo Info { get; }

    /// <summary>Gets the ticks per second of the recorded timestamps.</summary>
    public long TimestampFrequency { get; }

    /// <summary>Gets the byte offset of the next record.</summary>
    public long Position => _position;

    /// <summary>Gets the number of records read since opening or the last <see cref="Rewind"/>.</summary>
    public long RecordsRead { get; private set; }

    /// <summary>Opens a recording and validates its file header.</summary>
    /// <exception cref="RecordingFormatException">The file header is not a valid SortLine LIBS header.</exception>
    public static LibsRecordingReader Open(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        SafeFileHandle file = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        try
        {
            long length = RandomAccess.GetLength(file);
            Span<byte> fixedPart = stackalloc byte[LibsRecordingFormat.FixedHeaderBytes];
            int n = ReadAtMost(file, fixedPart, 0);
            if (n < 16 || !fixedPart[..8].SequenceEqual(LibsRecordingFormat.Magic))
            {
                throw new RecordingFormatException(path, 0, 0, n < 8 ? $"the file is {length} bytes long, too short for a LIBS recording header." : "not a SortLine LIBS recording: the magic 'SORTLIBS' is missing.");
            }

            ushort version = BinaryPrimitives.ReadUInt16LittleEndian(fixedPart[8..]);
            if (version != LibsRecordingFormat.Version)
            {
                throw new RecordingFormatException(path, 8, 0, $"format version {version} is not supported (this reader reads version {LibsRecordingFormat.Version}).");
            }

            int headerLength = BinaryPrimitives.ReadInt32LittleEndian(fixedPart[12..]);
            if (headerLength < LibsRecordingFormat.FixedHeaderBytes + 4 || headerLength > LibsRecordingFormat.MaxHeaderBytes)
            {
                throw new RecordingFormatException(path, 12, 0, $"the header length field says {headerLength} bytes, which is implausible.");
            }

            var header = new byte[headerLength];
            n = ReadAtMost(file, header, 0);
            if (n < headerLength)
            {
                throw new RecordingFormatException(path, n, 0, $"the file ends inside its {headerLength}-byte header.");
            }

            uint stored = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(headerLength - 4));
            uint computed = Crc32.Compute(header.AsSpan(0, headerLength - 4));
            if (stored != computed)
            {
                throw new RecordingFormatException(path, 0, 0, string.Create(CultureInfo.InvariantCulture,
                    $"the file header (bytes 0..{headerLength - 1}) fails its checksum: stored CRC-32 0x{stored:X8}, computed 0x{computed:X8}."));
            }

            (LibsSpectrometerInfo info, long frequency) = DecodeHeader(path, header);
            return new LibsRecordingReader(path, file, info, frequency, headerLength);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>Reads the next record's stamp and scan position; its spectrum is then available from <see cref="CopySpectrumTo"/>.</summary>
    /// <returns>False at the clean end of the recording.</returns>
    /// <exception cref="RecordingFormatException">The next record is damaged or cut short (see remarks).</exception>
    public bool TryReadNext(out LibsRecordHeader record)
    {
        ObjectDisposedException.ThrowIf(_file.IsClosed, this);
        int n = ReadAtMost(_file, _record, _position);
        if (n == 0)
        {
            record = default;
            return false;
        }

        long at = _position;
        int expectedBody = _record.Length - 4;
        if (n >= 4)
        {
            int body = BinaryPrimitives.ReadInt32LittleEndian(_record);
            if (body != expectedBody)
            {
                throw Damaged(at, $"the length field says {body} bytes, but a record of {Info.Channels} channels has {expectedBody} (corrupt length).");
            }
        }

        if (n < _record.Length)
        {
            throw Damaged(at, $"the record is cut short: it needs {_record.Length} bytes, the file ends at byte offset {at + n}.");
        }

        uint stored = BinaryPrimitives.ReadUInt32LittleEndian(_record.AsSpan(expectedBody));
        uint computed = Crc32.Compute(_record.AsSpan(0, expectedBody));
        if (stored != computed)
        {
            throw Damaged(at, $"checksum mismatch: stored CRC-32 0x{stored:X8}, computed 0x{computed:X8} over bytes {at}..{at + expectedBody - 1}.");
        }

        int channels = BinaryPrimitives.ReadInt32LittleEndian(_record.AsSpan(44));
        if (channels != Info.Channels)
        {
            throw Damaged(at, $"the record has {channels} channels; the recording has {Info.Channels}.");
        }

        ReadOnlySpan<byte> r = _record;
        var stamp = new SampleStamp(
            BinaryPrimitives.ReadInt64LittleEndian(r[4..]),
            new EncoderPosition(BinaryPrimitives.ReadInt64LittleEndian(r[12..])),
            BinaryPrimitives.ReadInt64LittleEndian(r[20..]));
        if (RecordsRead > 0 && LibsRecordingFormat.GoesBack(_previous, stamp))
        {
            // The CRC holds, so the writer stored it like this: a record out of acquisition order (or a writer bug), which
            // a replay would turn into a belt running backwards.
            throw Damaged(at, string.Create(CultureInfo.InvariantCulture,
                $"its stamp (sequence {stamp.Sequence}, encoder {stamp.Encoder.Counts}, timestamp {stamp.Timestamp}) goes back from the previous record's (sequence {_previous.Sequence}, encoder {_previous.Encoder.Counts}, timestamp {_previous.Timestamp})."));
        }

        _previous = stamp;
        record = new LibsRecordHeader(stamp, BinaryPrimitives.ReadDoubleLittleEndian(r[28..]), BinaryPrimitives.ReadDoubleLittleEndian(r[36..]));
        _position += _record.Length;
        RecordsRead++;
        return true;
    }

    /// <summary>Reads the next record into <paramref name="destination"/> (spectrum, stamp as recorded, scan position).</summary>
    /// <returns>False at the clean end of the recording.</returns>
    /// <exception cref="ArgumentException">The destination's spectrum length differs from the channel count.</exception>
    /// <exception cref="RecordingFormatException">The next record is damaged or cut short.</exception>
    public bool TryReadNext(LibsPoint destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        if (destination.Spectrum.Length != Info.Channels)
        {
            throw new ArgumentException($"The point has {destination.Spectrum.Length} channels; the recording has {Info.Channels}.", nameof(destination));
        }

        if (!TryReadNext(out LibsRecordHeader record))
        {
            return false;
        }

        CopySpectrumTo(destination.Spectrum);
        destination.Stamp = record.Stamp;
        destination.ScanXMm = record.ScanXMm;
        destination.ScanYMm = record.ScanYMm;
        return true;
    }

    /// <summary>Copies the spectrum of the record last read by <see cref="TryReadNext(out LibsRecordHeader)"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/>'s length differs from the channel count.</exception>
    /// <exception cref="InvalidOperationException">No record has been read since opening or rewinding.</exception>
    public void CopySpectrumTo(Span<float> destination)
    {
        if (destination.Length != Info.Channels)
        {
            throw new ArgumentException($"The destination has {destination.Length} values; the recording has {Info.Channels} channels.", nameof(destination));
        }

        if (RecordsRead == 0)
        {
            throw new InvalidOperationException("No record has been read yet.");
        }

        ReadOnlySpan<byte> values = _record.AsSpan(LibsRecordingFormat.RecordPrefixBytes, 4 * Info.Channels);
        if (BitConverter.IsLittleEndian)
        {
            MemoryMarshal.Cast<byte, float>(values).CopyTo(destination);
        }
        else
        {
            for (int i = 0; i < destination.Length; i++)
            {
                destination[i] = BinaryPrimitives.ReadSingleLittleEndian(values[(4 * i)..]);
            }
        }
    }

    /// <summary>Goes back to the first record.</summary>
    public void Rewind()
    {
        _position = _dataStart;
        RecordsRead = 0;
    }

    /// <inheritdoc/>
    public void Dispose() => _file.Dispose();

    private RecordingFormatException Damaged(long offset, string detail) =>
        new(Path, offset, 0, string.Create(CultureInfo.InvariantCulture, $"record {RecordsRead} (after {RecordsRead} valid records): {detail}"));

    private static int ReadAtMost(SafeFileHandle file, Span<byte> buffer, long offset)
    {
        int total = 0;
        while (total < buffer.Length)
        {
            int n = RandomAccess.Read(file, buffer[total..], offset + total);
            if (n == 0)
            {
                break;
            }

            total += n;
        }

        return total;
    }

    private static (LibsSpectrometerInfo Info, long Frequency) DecodeHeader(string path, byte[] h)
    {
        int channels = BinaryPrimitives.ReadInt32LittleEndian(h.AsSpan(16));
        int segments = BinaryPrimitives.ReadInt32LittleEndian(h.AsSpan(20));
        long frequency = BinaryPrimitives.ReadInt64LittleEndian(h.AsSpan(24));
        double rate = BinaryPrimitives.ReadDoubleLittleEndian(h.AsSpan(32));
        int modelLength = BinaryPrimitives.ReadInt32LittleEndian(h.AsSpan(40));
        long expected = (long)LibsRecordingFormat.FixedHeaderBytes + modelLength + (8L * channels) + (4L * segments) + 4;
        if (channels < 2 || segments < 1 || modelLength < 0 || expected != h.Length)
        {
            throw new RecordingFormatException(path, 16, 0, $"the header's counts (channels {channels}, segments {segments}, model name {modelLength} bytes) do not add up to its length {h.Length}.");
        }

        if (frequency < 1)
        {
            throw new RecordingFormatException(path, 24, 0, $"the timestamp frequency {frequency} is not positive.");
        }

        string model = Encoding.UTF8.GetString(h, LibsRecordingFormat.FixedHeaderBytes, modelLength);
        int at = LibsRecordingFormat.FixedHeaderBytes + modelLength;
        var wavelengths = new double[channels];
        for (int i = 0; i < channels; i++, at += 8)
        {
            wavelengths[i] = BinaryPrimitives.ReadDoubleLittleEndian(h.AsSpan(at));
        }

        var starts = new int[segments];
        for (int i = 0; i < segments; i++, at += 4)
        {
            starts[i] = BinaryPrimitives.ReadInt32LittleEndian(h.AsSpan(at));
        }

        try
        {
            return (new LibsSpectrometerInfo(model, wavelengths, starts, rate), frequency);
        }
        catch (ArgumentException ex)
        {
            throw new RecordingFormatException(path, 0, 0, $"the header does not describe a valid spectrometer: {ex.Message}", ex);
        }
    }
}
