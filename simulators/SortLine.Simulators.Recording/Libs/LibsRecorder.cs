using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;
using SortLine.Sensors;
using SortLine.Sensors.Libs;

namespace SortLine.Simulators.Recording.Libs;

/// <summary>
/// Records LIBS points as they arrive into a SortLine LIBS recording (layout: docs/recording-formats.md): a file
/// header with the instrument description, then one length-prefixed, CRC-32-protected record per point.
/// </summary>
/// <remarks>
/// Each record is built in a reused buffer and handed to the operating system with one positioned write, so it is
/// flushed out of the process per record (and to the device when <see cref="LibsRecorderOptions.FlushToDiskEveryRecord"/>
/// is set); <see cref="Append"/> allocates nothing. A crash can leave at most one partial record at the end, which
/// <see cref="LibsRecordingReader"/> reports after delivering every whole record. Not thread-safe: one writer.
/// </remarks>
public sealed class LibsRecorder : IDisposable, IAsyncDisposable
{
    private readonly SafeFileHandle _file;
    private readonly byte[] _record;
    private readonly bool _sync;
    private long _position;
    private SampleStamp _previous;

    private LibsRecorder(string path, LibsSpectrometerInfo info, LibsRecorderOptions options)
    {
        Path = path;
        Info = info;
        _sync = options.FlushToDiskEveryRecord;
        _record = new byte[LibsRecordingFormat.RecordBytes(info.Channels)];
        _file = File.OpenHandle(path, options.Overwrite ? FileMode.Create : FileMode.CreateNew, FileAccess.Write, FileShare.Read);
        byte[] header = LibsRecordingFormat.EncodeHeader(info, options.TimestampFrequency);
        RandomAccess.Write(_file, header, 0);
        _position = header.Length;
    }

    /// <summary>Gets the recording's path.</summary>
    public string Path { get; }

    /// <summary>Gets the instrument description written to the file header.</summary>
    public LibsSpectrometerInfo Info { get; }

    /// <summary>Gets the number of points appended.</summary>
    public long PointsWritten { get; private set; }

    /// <summary>Creates the file and writes its header.</summary>
    /// <param name="path">The recording's path (conventionally <c>*.slibs</c>).</param>
    /// <param name="info">The instrument description (channels, wavelengths, segments, rate).</param>
    /// <param name="options">Options, or null for the defaults.</param>
    /// <exception cref="IOException">The file exists and <see cref="LibsRecorderOptions.Overwrite"/> is false, or cannot be written.</exception>
    public static LibsRecorder Create(string path, LibsSpectrometerInfo info, LibsRecorderOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(info);
        return new LibsRecorder(System.IO.Path.GetFullPath(path), info, options ?? new LibsRecorderOptions());
    }

    /// <summary>Appends one point (the caller keeps ownership). Allocation-free.</summary>
    /// <exception cref="ArgumentException">The spectrum length differs from <see cref="Info"/>'s channel count, or the
    /// point's stamp goes back from the previous point's (sequence not increasing, encoder or timestamp decreasing):
    /// nothing is written.</exception>
    /// <exception cref="ObjectDisposedException">The recorder is closed.</exception>
    public void Append(LibsPoint point)
    {
        ArgumentNullException.ThrowIfNull(point);
        ObjectDisposedException.ThrowIf(_file.IsClosed, this);
        ReadOnlySpan<float> spectrum = point.Spectrum;
        if (spectrum.Length != Info.Channels)
        {
            throw new ArgumentException($"The point has {spectrum.Length} channels; the recording has {Info.Channels}.", nameof(point));
        }

        if (PointsWritten > 0 && LibsRecordingFormat.GoesBack(_previous, point.Stamp))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"The point's stamp (sequence {point.Stamp.Sequence}, encoder {point.Stamp.Encoder.Counts}, timestamp {point.Stamp.Timestamp}) goes back from the previous point's (sequence {_previous.Sequence}, encoder {_previous.Encoder.Counts}, timestamp {_previous.Timestamp}); points are recorded in acquisition order."), nameof(point));
        }

        Span<byte> r = _record;
        int body = LibsRecordingFormat.RecordPrefixBytes + (4 * spectrum.Length);
        BinaryPrimitives.WriteInt32LittleEndian(r, body);
        BinaryPrimitives.WriteInt64LittleEndian(r[4..], point.Stamp.Sequence);
        BinaryPrimitives.WriteInt64LittleEndian(r[12..], point.Stamp.Encoder.Counts);
        BinaryPrimitives.WriteInt64LittleEndian(r[20..], point.Stamp.Timestamp);
        BinaryPrimitives.WriteDoubleLittleEndian(r[28..], point.ScanXMm);
        BinaryPrimitives.WriteDoubleLittleEndian(r[36..], point.ScanYMm);
        BinaryPrimitives.WriteInt32LittleEndian(r[44..], spectrum.Length);
        Span<byte> values = r.Slice(LibsRecordingFormat.RecordPrefixBytes, 4 * spectrum.Length);
        if (BitConverter.IsLittleEndian)
        {
            MemoryMarshal.AsBytes(spectrum).CopyTo(values);
        }
        else
        {
            for (int i = 0; i < spectrum.Length; i++)
            {
                BinaryPrimitives.WriteSingleLittleEndian(values[(4 * i)..], spectrum[i]);
            }
        }

        BinaryPrimitives.WriteUInt32LittleEndian(r[body..], Crc32.Compute(r[..body]));
        RandomAccess.Write(_file, _record, _position);
        if (_sync)
        {
            RandomAccess.FlushToDisk(_file);
        }

        _position += _record.Length;
        PointsWritten++;
        _previous = point.Stamp;
    }

    /// <summary>Records every point of <paramref name="points"/> until it completes or is cancelled, disposing each
    /// point after writing it (the recorder is the points' last reader). Does not close.</summary>
    /// <returns>The number of points recorded by this call.</returns>
    /// <exception cref="OperationCanceledException">Cancelled; points recorded so far stay in the file.</exception>
    public async ValueTask<long> RecordAsync(IAsyncEnumerable<LibsPoint> points, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(points);
        long count = 0;
        await foreach (LibsPoint point in points.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            try
            {
                Append(point);
                count++;
            }
            finally
            {
                point.Dispose();
            }
        }

        return count;
    }

    /// <summary>Forces the file to the storage device and closes it. Idempotent.</summary>
    public void Close()
    {
        if (_file.IsClosed)
        {
            return;
        }

        try
        {
            RandomAccess.FlushToDisk(_file);
        }
        finally
        {
            _file.Dispose();
        }
    }

    /// <summary>Closes the recording (see <see cref="Close"/>).</summary>
    public void Dispose() => Close();

    /// <summary>Closes the recording (see <see cref="Close"/>).</summary>
    public ValueTask DisposeAsync()
    {
        Close();
        return ValueTask.CompletedTask;
    }
}
