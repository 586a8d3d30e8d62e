using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Win32.SafeHandles;
using SortLine.Sensors.Swir;

namespace SortLine.Simulators.Recording.Envi;

/// <summary>
/// Records SWIR lines as they arrive into an ENVI BIL uint16 file (<c>.hdr</c> + <c>.raw</c>) plus a
/// <c>.stamps</c> sidecar holding each line's sequence number, encoder count and timestamp
/// (format: docs/recording-formats.md).
/// </summary>
/// <remarks>
/// <para><see cref="Append"/> transposes the pixel-interleaved line into a reused buffer and hands it to the operating
/// system with one positioned write (then one 24-byte write to the sidecar): it allocates nothing and buffers
/// nothing in the process, so every appended line survives a crash of this process.</para>
/// <para>The header is written at creation with <c>lines = 0</c> and <c>sortline state = open</c>, rewritten by
/// <see cref="Flush"/>, and written for the last time by <see cref="Close"/> with the final line count and
/// <c>sortline state = closed</c>. Header rewrites go to a temporary file that is then renamed over the header, so
/// the header is always either the old or the new one. A recording that was never closed is still readable:
/// <see cref="EnviImage"/> derives its line count from the file sizes.</para>
/// <para>Not thread-safe: one writer.</para>
/// </remarks>
public sealed class EnviSwirRecorder : IDisposable, IAsyncDisposable
{
    private readonly EnviSwirRecorderOptions _options;
    private readonly SafeFileHandle _raw;
    private readonly SafeFileHandle _stamps;
    private readonly ushort[] _bil;
    private readonly byte[] _stamp = new byte[SortLineEnviFields.StampRecordBytes];
    private readonly int _lineBytes;
    private bool _closed;

    private EnviSwirRecorder(string basePath, SwirCameraInfo camera, EnviSwirRecorderOptions options)
    {
        Camera = camera;
        _options = options;
        HeaderPath = basePath + ".hdr";
        DataPath = basePath + ".raw";
        StampsPath = basePath + ".stamps";
        _bil = new ushort[checked(camera.SpatialPixels * camera.Bands)];
        _lineBytes = _bil.Length * sizeof(ushort);
        FileMode mode = options.Overwrite ? FileMode.Create : FileMode.CreateNew;
        _raw = File.OpenHandle(DataPath, mode, FileAccess.Write, FileShare.Read);
        try
        {
            _stamps = File.OpenHandle(StampsPath, mode, FileAccess.Write, FileShare.Read);
        }
        catch
        {
            _raw.Dispose();
            throw;
        }

        WriteHeader(SortLineEnviFields.StateOpen);
    }

    /// <summary>Gets the camera description written to the header.</summary>
    public SwirCameraInfo Camera { get; }

    /// <summary>Gets the <c>.hdr</c> path.</summary>
    public string HeaderPath { get; }

    /// <summary>Gets the <c>.raw</c> (BIL uint16 little-endian) path.</summary>
    public string DataPath { get; }

    /// <summary>Gets the <c>.stamps</c> sidecar path.</summary>
    public string StampsPath { get; }

    /// <summary>Gets the number of lines appended.</summary>
    public long LinesWritten { get; private set; }

    /// <summary>Creates the recording files and writes the initial header.</summary>
    /// <param name="basePath">Path without extension (a trailing <c>.hdr</c> is removed); <c>.hdr</c>, <c>.raw</c>
    /// and <c>.stamps</c> are appended.</param>
    /// <param name="camera">What the recorded camera delivers (shape, wavelengths, FWHM, line rate, bit depth).</param>
    /// <param name="options">Options, or null for the defaults.</param>
    /// <exception cref="IOException">A file exists and <see cref="EnviSwirRecorderOptions.Overwrite"/> is false, or cannot be created.</exception>
    public static EnviSwirRecorder Create(string basePath, SwirCameraInfo camera, EnviSwirRecorderOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(basePath);
        ArgumentNullException.ThrowIfNull(camera);
        if (basePath.EndsWith(".hdr", StringComparison.OrdinalIgnoreCase))
        {
            basePath = basePath[..^4];
        }

        return new EnviSwirRecorder(Path.GetFullPath(basePath), camera, options ?? new EnviSwirRecorderOptions());
    }

    /// <summary>Appends one line (the caller keeps ownership: this does not dispose it). Allocation-free.</summary>
    /// <param name="line">A line of the camera's shape.</param>
    /// <exception cref="ArgumentException">The line's shape differs from <see cref="Camera"/>.</exception>
    /// <exception cref="ObjectDisposedException">The recorder is closed.</exception>
    /// <exception cref="IOException">Writing failed (disk full, ...).</exception>
    public void Append(SwirLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        ObjectDisposedException.ThrowIf(_closed, this);
        if (line.Pixels != Camera.SpatialPixels || line.Bands != Camera.Bands)
        {
            throw new ArgumentException($"The line has {line.Pixels} pixels x {line.Bands} bands; the recording has {Camera.SpatialPixels} x {Camera.Bands}.", nameof(line));
        }

        if (LinesWritten == int.MaxValue)
        {
            throw new InvalidOperationException("An ENVI header holds at most int.MaxValue lines; start a new recording.");
        }

        Interleaving.BipToBandMajor<ushort>(line.Data, _bil, Camera.SpatialPixels, Camera.Bands);
        if (!BitConverter.IsLittleEndian)
        {
            BinaryPrimitives.ReverseEndianness(_bil, _bil);
        }

        RandomAccess.Write(_raw, MemoryMarshal.AsBytes(_bil.AsSpan()), LinesWritten * _lineBytes);
        Sensors.SampleStamp s = line.Stamp;
        BinaryPrimitives.WriteInt64LittleEndian(_stamp, s.Sequence);
        BinaryPrimitives.WriteInt64LittleEndian(_stamp.AsSpan(8), s.Encoder.Counts);
        BinaryPrimitives.WriteInt64LittleEndian(_stamp.AsSpan(16), s.Timestamp);
        RandomAccess.Write(_stamps, _stamp, LinesWritten * SortLineEnviFields.StampRecordBytes);
        LinesWritten++;
    }

    /// <summary>
    /// Records every line of <paramref name="lines"/> until it completes or <paramref name="cancellationToken"/> is
    /// cancelled, disposing each line after writing it (the recorder is the lines' last reader). Does not close.
    /// </summary>
    /// <param name="lines">The source, e.g. <see cref="ISwirCamera.ReadLinesAsync"/>.</param>
    /// <param name="cancellationToken">Stops recording.</param>
    /// <returns>The number of lines recorded by this call.</returns>
    /// <exception cref="OperationCanceledException">Cancelled; lines recorded so far stay in the file.</exception>
    public async ValueTask<long> RecordAsync(IAsyncEnumerable<SwirLine> lines, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lines);
        long count = 0;
        await foreach (SwirLine line in lines.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            try
            {
                Append(line);
                count++;
            }
            finally
            {
                line.Dispose();
            }
        }

        return count;
    }

    /// <summary>Rewrites the header with the current line count (the state stays <c>open</c>) and, if configured, forces the files to disk.</summary>
    /// <exception cref="ObjectDisposedException">The recorder is closed.</exception>
    public void Flush()
    {
        ObjectDisposedException.ThrowIf(_closed, this);
        SyncData();
        WriteHeader(SortLineEnviFields.StateOpen);
    }

    /// <summary>Writes the final header (line count, <c>sortline state = closed</c>) and closes the files. Idempotent.</summary>
    public void Close()
    {
        if (_closed)
        {
            return;
        }

        try
        {
            SyncData();
            WriteHeader(SortLineEnviFields.StateClosed);
        }
        finally
        {
            _closed = true;
            _raw.Dispose();
            _stamps.Dispose();
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

    private void SyncData()
    {
        if (_options.FlushToDisk)
        {
            RandomAccess.FlushToDisk(_raw);
            RandomAccess.FlushToDisk(_stamps);
        }
    }

    private void WriteHeader(string state)
    {
        CultureInfo inv = CultureInfo.InvariantCulture;
        string description = "SortLine SWIR recording (BIL uint16; per-line sequence, encoder counts and timestamps in the .stamps sidecar)"
            + (string.IsNullOrWhiteSpace(_options.Description) ? string.Empty : ". " + Sanitize(_options.Description));
        var fields = new List<KeyValuePair<string, string>>
        {
            new("description", description),
            new("samples", Camera.SpatialPixels.ToString(inv)),
            new("lines", LinesWritten.ToString(inv)),
            new("bands", Camera.Bands.ToString(inv)),
            new("header offset", "0"),
            new("file type", "ENVI Standard"),
            new("data type", "12"),
            new("interleave", "bil"),
            new("byte order", "0"),
            new("sensor type", Sanitize(Camera.Model).Replace(',', ';')),
            new("wavelength units", "Nanometers"),
            new("wavelength", JoinNumbers(Camera.BandCentersNm)),
            new("fwhm", JoinNumbers(Camera.BandFwhmNm)),
            new(SortLineEnviFields.Version, "1"),
            new(SortLineEnviFields.State, state),
            new(SortLineEnviFields.StampsFile, Path.GetFileName(StampsPath)),
            new(SortLineEnviFields.TimestampFrequency, _options.TimestampFrequency.ToString(inv)),
            new(SortLineEnviFields.LineRate, Camera.LineRateHz.ToString("R", inv)),
            new(SortLineEnviFields.BitDepth, Camera.BitDepth.ToString(inv)),
        };
        string text = EnviHeader.FromFields(fields, HeaderPath).Format();
        string temp = HeaderPath + ".tmp";
        using (FileStream fs = new(temp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            fs.Write(Encoding.UTF8.GetBytes(text));
            if (_options.FlushToDisk)
            {
                fs.Flush(flushToDisk: true);
            }
        }

        File.Move(temp, HeaderPath, overwrite: true);
    }

    private static string JoinNumbers(IReadOnlyList<double> values)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < values.Count; i++)
        {
            if (i > 0)
            {
                sb.Append(", ");
            }

            sb.Append(values[i].ToString("R", CultureInfo.InvariantCulture));
        }

        return sb.ToString();
    }

    private static string Sanitize(string text) =>
        text.Replace('{', '(').Replace('}', ')').Replace('\r', ' ').Replace('\n', ' ').Trim();
}
