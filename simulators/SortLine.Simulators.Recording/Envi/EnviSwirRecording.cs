using System.Buffers.Binary;
using System.Globalization;
using Microsoft.Win32.SafeHandles;
using SortLine.Sensors;
using SortLine.Sensors.Encoder;
using SortLine.Sensors.Swir;

namespace SortLine.Simulators.Recording.Envi;

/// <summary>
/// An ENVI uint16 file seen as a SWIR camera's output: one image line per push-broom line, with the camera
/// description and, for SortLine recordings, each line's recorded stamp from the <c>.stamps</c> sidecar.
/// </summary>
/// <remarks>
/// Any interleave works (BSQ, BIL, BIP). For a recording that was never closed (see <see cref="EnviImage"/>),
/// <see cref="Lines"/> is the number of lines that are complete in both the data file and the sidecar.
/// Not thread-safe; <see cref="ReadLine"/> and <see cref="ReadStamp"/> allocate nothing.
/// </remarks>
public sealed class EnviSwirRecording : IDisposable
{
    private readonly SafeFileHandle? _stamps;
    private readonly byte[] _stampBuffer = new byte[SortLineEnviFields.StampRecordBytes];

    /// <summary>The last line whose stamp <see cref="ReadStamp"/> returned (-1: none), and that stamp: the reference for the
    /// next line's monotonicity check without reading its record again.</summary>
    private int _lastStampLine = -1;
    private SampleStamp _lastStamp;

    private EnviSwirRecording(EnviImage image, SwirCameraInfo camera, string? stampsPath, SafeFileHandle? stamps, long timestampFrequency)
    {
        Image = image;
        Camera = camera;
        StampsPath = stampsPath;
        _stamps = stamps;
        TimestampFrequency = timestampFrequency;
        StampRecords = stamps is null ? 0 : RandomAccess.GetLength(stamps) / SortLineEnviFields.StampRecordBytes;
        Lines = image.WasInterrupted && stamps is not null ? (int)Math.Min(image.Lines, StampRecords) : image.Lines;
    }

    /// <summary>Gets the underlying image.</summary>
    public EnviImage Image { get; }

    /// <summary>Gets the camera description (from the header, completed by the options).</summary>
    public SwirCameraInfo Camera { get; }

    /// <summary>Gets the number of lines to deliver.</summary>
    public int Lines { get; }

    /// <summary>Gets whether the recording has recorded stamps (a <c>.stamps</c> sidecar).</summary>
    public bool HasStamps => _stamps is not null;

    /// <summary>Gets the sidecar's path, or null.</summary>
    public string? StampsPath { get; }

    /// <summary>Gets the number of whole records in the sidecar.</summary>
    public long StampRecords { get; }

    /// <summary>Gets the ticks per second of the recorded timestamps (0 without stamps).</summary>
    public long TimestampFrequency { get; }

    /// <summary>Opens a recording or a standard ENVI cube.</summary>
    /// <param name="headerPath">The <c>.hdr</c> file.</param>
    /// <param name="options">Camera facts the header lacks, or null.</param>
    /// <exception cref="RecordingFormatException">The header is malformed, the data are not uint16, or the header
    /// and options do not describe a valid camera.</exception>
    /// <exception cref="FileNotFoundException">The data file or the sidecar the header names is missing.</exception>
    public static EnviSwirRecording Open(string headerPath, EnviSwirRecordingOptions? options = null)
    {
        options ??= new EnviSwirRecordingOptions();
        EnviImage image = EnviImage.Open(headerPath);
        SafeFileHandle? stamps = null;
        try
        {
            EnviHeader h = image.Header;
            if (h.DataType != EnviDataType.UInt16)
            {
                throw new RecordingFormatException(headerPath, -1, 0, $"data type {h.DataType} cannot be replayed as SWIR counts; a SWIR line carries uint16 values.");
            }

            SwirCameraInfo camera = DescribeCamera(h, headerPath, options);
            string? stampsPath = null;
            long frequency = 0;
            if (h.TryGetField(SortLineEnviFields.StampsFile, out string stampsName))
            {
                stampsPath = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(headerPath)) ?? ".", stampsName.Trim());
                if (!File.Exists(stampsPath))
                {
                    throw new FileNotFoundException($"{headerPath}: the stamps sidecar '{stampsName}' named by the header is missing.", stampsPath);
                }

                frequency = ParseLong(h, SortLineEnviFields.TimestampFrequency, headerPath, 1);
                stamps = File.OpenHandle(stampsPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            }

            return new EnviSwirRecording(image, camera, stampsPath, stamps, frequency);
        }
        catch
        {
            stamps?.Dispose();
            image.Dispose();
            throw;
        }
    }

    /// <summary>Reads line <paramref name="line"/>'s counts, pixel-interleaved (<c>destination[pixel * Bands + band]</c>).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="line"/> is not in [0, <see cref="Lines"/>).</exception>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is not pixels × bands long.</exception>
    /// <exception cref="RecordingFormatException">The data file ends before this line does.</exception>
    public void ReadLine(int line, Span<ushort> destination)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(line, Lines);
        Image.ReadLine(line, destination);
    }

    /// <summary>Reads line <paramref name="line"/>'s recorded stamp, checked against the line before it.</summary>
    /// <remarks>A camera numbers its lines upwards and stamps them with a belt that only moves forward and a monotonic
    /// clock, so in an intact sidecar each record's sequence is greater than the previous record's, and its encoder count
    /// and timestamp are not smaller. A record that breaks this is corrupt (bit rot, a torn or misplaced write). Reading
    /// lines in order (as the replayer does) costs one record read per line: the previous record is kept.</remarks>
    /// <exception cref="InvalidOperationException">The recording has no stamps (<see cref="HasStamps"/> is false).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="line"/> is not in [0, <see cref="Lines"/>).</exception>
    /// <exception cref="RecordingFormatException">The sidecar ends before this line's record, or the record goes backwards
    /// from the previous one (the byte offset is the record's first byte).</exception>
    public SampleStamp ReadStamp(int line)
    {
        if (_stamps is null)
        {
            throw new InvalidOperationException($"{Image.Header.FilePath} has no stamps sidecar.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(line);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(line, Lines);
        SampleStamp stamp = ReadStampRecord(line);
        if (line > 0)
        {
            SampleStamp previous = line - 1 == _lastStampLine ? _lastStamp : ReadStampRecord(line - 1);
            ThrowIfBackwards(line, previous, stamp);
        }

        _lastStampLine = line;
        _lastStamp = stamp;
        return stamp;
    }

    private SampleStamp ReadStampRecord(int line)
    {
        long offset = (long)line * SortLineEnviFields.StampRecordBytes;
        int total = 0;
        while (total < _stampBuffer.Length)
        {
            int n = RandomAccess.Read(_stamps!, _stampBuffer.AsSpan(total), offset + total);
            if (n == 0)
            {
                throw new RecordingFormatException(StampsPath!, offset + total, 0, string.Create(CultureInfo.InvariantCulture,
                    $"the stamps end here, inside the record of line {line} (bytes {offset}..{offset + SortLineEnviFields.StampRecordBytes - 1}); the recording has {Lines} lines."));
            }

            total += n;
        }

        return new SampleStamp(
            BinaryPrimitives.ReadInt64LittleEndian(_stampBuffer),
            new EncoderPosition(BinaryPrimitives.ReadInt64LittleEndian(_stampBuffer.AsSpan(8))),
            BinaryPrimitives.ReadInt64LittleEndian(_stampBuffer.AsSpan(16)));
    }

    private void ThrowIfBackwards(int line, SampleStamp previous, SampleStamp stamp)
    {
        string? problem = stamp.Sequence <= previous.Sequence
            ? string.Create(CultureInfo.InvariantCulture, $"sequence {stamp.Sequence} does not follow the previous line's {previous.Sequence}")
            : stamp.Encoder < previous.Encoder
                ? string.Create(CultureInfo.InvariantCulture, $"encoder counts {stamp.Encoder.Counts} go back from the previous line's {previous.Encoder.Counts}")
                : stamp.Timestamp < previous.Timestamp
                    ? string.Create(CultureInfo.InvariantCulture, $"timestamp {stamp.Timestamp} goes back from the previous line's {previous.Timestamp}")
                    : null;
        if (problem is not null)
        {
            throw new RecordingFormatException(StampsPath!, (long)line * SortLineEnviFields.StampRecordBytes, 0, string.Create(CultureInfo.InvariantCulture,
                $"the stamp record of line {line} is corrupt: {problem} (sequences increase; encoder counts and timestamps never decrease)."));
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _stamps?.Dispose();
        Image.Dispose();
    }

    private static SwirCameraInfo DescribeCamera(EnviHeader h, string headerPath, EnviSwirRecordingOptions options)
    {
        IReadOnlyList<double> centres = options.BandCentersNm ?? h.WavelengthsNm
            ?? throw new RecordingFormatException(headerPath, -1, 0, "the header has no 'wavelength' field; pass EnviSwirRecordingOptions.BandCentersNm.");
        IReadOnlyList<double> fwhm = options.BandFwhmNm ?? h.FwhmNm ?? SpacingAsFwhm(centres, headerPath);
        string model = h.TryGetField("sensor type", out string sensor) && sensor.Trim().Length > 0
            ? sensor.Trim()
            : options.Model ?? Path.GetFileNameWithoutExtension(headerPath);
        double lineRate = h.TryGetField(SortLineEnviFields.LineRate, out string rate)
            && double.TryParse(rate, NumberStyles.Float, CultureInfo.InvariantCulture, out double r) && r > 0 && double.IsFinite(r)
            ? r
            : options.LineRateHz;
        int bitDepth = h.TryGetField(SortLineEnviFields.BitDepth, out _) ? (int)ParseLong(h, SortLineEnviFields.BitDepth, headerPath, 1) : 16;
        try
        {
            return new SwirCameraInfo(model, h.Samples, centres, fwhm, lineRate, bitDepth);
        }
        catch (ArgumentException ex)
        {
            throw new RecordingFormatException(headerPath, -1, 0,
                $"the header does not describe a valid SWIR camera ({ex.Message}); override with EnviSwirRecordingOptions.BandCentersNm / BandFwhmNm.", ex);
        }
    }

    private static double[] SpacingAsFwhm(IReadOnlyList<double> centres, string headerPath)
    {
        if (centres.Count < 2)
        {
            throw new RecordingFormatException(headerPath, -1, 0, "the header has no 'fwhm' and a single band; pass EnviSwirRecordingOptions.BandFwhmNm.");
        }

        var fwhm = new double[centres.Count];
        for (int i = 0; i < fwhm.Length; i++)
        {
            double left = i > 0 ? Math.Abs(centres[i] - centres[i - 1]) : double.PositiveInfinity;
            double right = i + 1 < fwhm.Length ? Math.Abs(centres[i + 1] - centres[i]) : double.PositiveInfinity;
            fwhm[i] = Math.Min(left, right);
        }

        return fwhm;
    }

    private static long ParseLong(EnviHeader h, string key, string headerPath, long min)
    {
        if (!h.TryGetField(key, out string text))
        {
            throw new RecordingFormatException(headerPath, -1, 0, $"the field '{key}' is missing.");
        }

        if (!long.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out long v) || v < min)
        {
            throw new RecordingFormatException(headerPath, -1, 0, $"'{key}' must be an integer of at least {min}, found '{text.Trim()}'.");
        }

        return v;
    }
}
