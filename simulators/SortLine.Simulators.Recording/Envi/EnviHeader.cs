using System.Globalization;
using System.Text;

namespace SortLine.Simulators.Recording.Envi;

/// <summary>
/// An ENVI <c>.hdr</c> file: the typed fields a reader needs plus every field as text, in file order.
/// </summary>
/// <remarks>
/// <para>Parsing rules: the first line starts with <c>ENVI</c>; each field is <c>key = value</c>; a value that starts
/// with <c>{</c> runs to the next <c>}</c>, possibly over several lines; lines starting with <c>;</c> and blank lines
/// are skipped; keys are case-insensitive (stored lowercase); a repeated key replaces the earlier value (as ENVI
/// and SPy do). Required: <c>samples</c>, <c>lines</c>, <c>bands</c>, <c>data type</c>, <c>interleave</c>,
/// <c>byte order</c>; <c>header offset</c> defaults to 0.</para>
/// <para>Wavelengths and FWHM are returned in nanometres: values in micrometres (<c>wavelength units</c> =
/// Micrometers, um, microns) are multiplied by 1000; any other unit is taken as nanometres.</para>
/// </remarks>
public sealed class EnviHeader
{
    private readonly List<KeyValuePair<string, string>> _fields;

    private EnviHeader(string filePath, List<KeyValuePair<string, string>> fields, Dictionary<string, HeaderLocation> lineOfKey)
    {
        FilePath = filePath;
        _fields = fields;
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (KeyValuePair<string, string> f in fields)
        {
            map[f.Key] = f.Value;
        }

        Samples = RequiredInt(map, lineOfKey, "samples", 1);
        Lines = RequiredInt(map, lineOfKey, "lines", 0);
        Bands = RequiredInt(map, lineOfKey, "bands", 1);
        HeaderOffset = map.ContainsKey("header offset") ? RequiredInt(map, lineOfKey, "header offset", 0) : 0;
        int dataType = RequiredInt(map, lineOfKey, "data type", 0);
        if (dataType is not ((int)EnviDataType.Int16 or (int)EnviDataType.Float32 or (int)EnviDataType.UInt16))
        {
            throw Error(lineOfKey, "data type", $"data type {dataType} is not supported; supported are 2 (int16), 4 (float32) and 12 (uint16).");
        }

        DataType = (EnviDataType)dataType;
        string interleave = Required(map, lineOfKey, "interleave").Trim();
        Interleave = interleave.ToUpperInvariant() switch
        {
            "BSQ" => EnviInterleave.Bsq,
            "BIL" => EnviInterleave.Bil,
            "BIP" => EnviInterleave.Bip,
            _ => throw Error(lineOfKey, "interleave", $"interleave '{interleave}' is not bsq, bil or bip."),
        };

        int byteOrder = RequiredInt(map, lineOfKey, "byte order", 0);
        if (byteOrder > 1)
        {
            throw Error(lineOfKey, "byte order", $"byte order {byteOrder} is neither 0 (little-endian) nor 1 (big-endian).");
        }

        IsBigEndian = byteOrder == 1;
        Description = map.GetValueOrDefault("description");
        WavelengthUnits = map.GetValueOrDefault("wavelength units");
        double scale = WavelengthUnits?.Trim().ToUpperInvariant() is "MICROMETERS" or "MICROMETRES" or "UM" or "MICRONS" or "MICROMETER" ? 1000.0 : 1.0;
        WavelengthsNm = OptionalList(map, lineOfKey, "wavelength", scale);
        FwhmNm = OptionalList(map, lineOfKey, "fwhm", scale);
        long lineBytes = (long)Samples * Bands * BytesPerValue;
        if (lineBytes > int.MaxValue)
        {
            throw Error(lineOfKey, "samples", $"one line of {Samples} samples x {Bands} bands is {lineBytes} bytes; at most {int.MaxValue} are supported.");
        }
    }

    /// <summary>Gets the header file's path (or the name given to <see cref="Parse"/>).</summary>
    public string FilePath { get; }

    /// <summary>Gets the number of samples (pixels) per line.</summary>
    public int Samples { get; }

    /// <summary>Gets the number of lines the header declares.</summary>
    public int Lines { get; }

    /// <summary>Gets the number of bands.</summary>
    public int Bands { get; }

    /// <summary>Gets the number of bytes before the image data in the data file.</summary>
    public int HeaderOffset { get; }

    /// <summary>Gets the value type.</summary>
    public EnviDataType DataType { get; }

    /// <summary>Gets the value order.</summary>
    public EnviInterleave Interleave { get; }

    /// <summary>Gets whether values are big-endian (<c>byte order = 1</c>).</summary>
    public bool IsBigEndian { get; }

    /// <summary>Gets the description, or null.</summary>
    public string? Description { get; }

    /// <summary>Gets the <c>wavelength units</c> field as written, or null.</summary>
    public string? WavelengthUnits { get; }

    /// <summary>Gets the band centres in nm (see remarks on units), or null when the header has none.</summary>
    public IReadOnlyList<double>? WavelengthsNm { get; }

    /// <summary>Gets the band FWHMs in nm, or null when the header has none.</summary>
    public IReadOnlyList<double>? FwhmNm { get; }

    /// <summary>Gets the size of one value in bytes.</summary>
    public int BytesPerValue => DataType == EnviDataType.Float32 ? 4 : 2;

    /// <summary>Gets every field in file order: lowercase key, value text (braces removed, inner lines joined with a newline).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Fields => _fields;

    /// <summary>Finds a field's text by its (case-insensitive) key.</summary>
    /// <returns>Whether the header has the field.</returns>
    public bool TryGetField(string key, out string value)
    {
        ArgumentNullException.ThrowIfNull(key);
        string k = key.Trim().ToLowerInvariant();
        for (int i = _fields.Count - 1; i >= 0; i--)
        {
            if (_fields[i].Key == k)
            {
                value = _fields[i].Value;
                return true;
            }
        }

        value = string.Empty;
        return false;
    }

    /// <summary>Reads and parses a header file.</summary>
    /// <param name="headerPath">Path of the <c>.hdr</c> file.</param>
    /// <exception cref="RecordingFormatException">The header is malformed; the message names the file, the line and the
    /// line's byte offset in the file.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static EnviHeader Read(string headerPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(headerPath);
        byte[] bytes = File.ReadAllBytes(headerPath);

        // A UTF-8 byte order mark is not text, but it shifts every byte offset in the file by its length.
        int bom = bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? Encoding.UTF8.Preamble.Length : 0;
        return ParseText(Encoding.UTF8.GetString(bytes, bom, bytes.Length - bom), headerPath, bom);
    }

    /// <summary>Parses header text.</summary>
    /// <param name="text">The header's content.</param>
    /// <param name="filePath">The file name to put in error messages.</param>
    /// <exception cref="RecordingFormatException">The header is malformed; the message names the file, the line and the
    /// line's byte offset in the UTF-8 encoded <paramref name="text"/>.</exception>
    public static EnviHeader Parse(string text, string filePath)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(filePath);
        return ParseText(text, filePath, 0);
    }

    /// <summary>Parses header text that starts <paramref name="textOffset"/> bytes into its file (after a byte order mark).</summary>
    private static EnviHeader ParseText(string text, string filePath, long textOffset)
    {
        string[] lines = text.Split('\n');
        long[] lineOffsets = LineOffsets(lines, textOffset);
        if (lines.Length == 0 || !lines[0].TrimStart('\uFEFF').TrimStart().StartsWith("ENVI", StringComparison.Ordinal))
        {
            throw new RecordingFormatException(filePath, lineOffsets[0], 1, "not an ENVI header: the first line does not start with 'ENVI'.");
        }

        var fields = new List<KeyValuePair<string, string>>();
        var lineOfKey = new Dictionary<string, HeaderLocation>(StringComparer.Ordinal);
        for (int i = 1; i < lines.Length; i++)
        {
            int lineNumber = i + 1;
            string line = lines[i].TrimEnd('\r');
            string trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed[0] == ';')
            {
                continue;
            }

            int eq = trimmed.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw new RecordingFormatException(filePath, lineOffsets[i], lineNumber, $"expected 'key = value', found '{Shorten(trimmed)}'.");
            }

            string key = trimmed[..eq].Trim().ToLowerInvariant();
            string value = trimmed[(eq + 1)..].Trim();
            if (value.StartsWith('{'))
            {
                var sb = new StringBuilder();
                string rest = value[1..];
                int openedAt = lineNumber;
                long openedAtOffset = lineOffsets[i];
                while (true)
                {
                    int close = rest.IndexOf('}', StringComparison.Ordinal);
                    if (close >= 0)
                    {
                        if (rest[(close + 1)..].Trim().Length != 0)
                        {
                            throw new RecordingFormatException(filePath, lineOffsets[i], lineNumber, $"unexpected text after '}}' closing field '{key}'.");
                        }

                        sb.Append(rest.AsSpan(0, close));
                        break;
                    }

                    sb.Append(rest).Append('\n');
                    i++;
                    if (i >= lines.Length)
                    {
                        throw new RecordingFormatException(filePath, openedAtOffset, openedAt, $"the '{{' of field '{key}' is never closed.");
                    }

                    lineNumber = i + 1;
                    rest = lines[i].TrimEnd('\r');
                }

                value = sb.ToString().Trim();
                lineOfKey[key] = new HeaderLocation(openedAt, openedAtOffset);
            }
            else
            {
                lineOfKey[key] = new HeaderLocation(lineNumber, lineOffsets[i]);
            }

            fields.Add(new KeyValuePair<string, string>(key, value));
        }

        return new EnviHeader(filePath, fields, lineOfKey);
    }

    /// <summary>Creates a header from fields (for writers); the same validation as parsing applies.</summary>
    /// <param name="fields">Lowercase keys and values, in the order to write them.</param>
    /// <param name="filePath">The header's path.</param>
    /// <exception cref="RecordingFormatException">A required field is missing or invalid.</exception>
    internal static EnviHeader FromFields(IEnumerable<KeyValuePair<string, string>> fields, string filePath) =>
        new(filePath, [.. fields], new Dictionary<string, HeaderLocation>(StringComparer.Ordinal));

    /// <summary>Renders the header as ENVI text: <c>ENVI</c>, then each field, list values wrapped eight per line.</summary>
    public string Format()
    {
        var sb = new StringBuilder("ENVI\n");
        foreach (KeyValuePair<string, string> f in _fields)
        {
            sb.Append(f.Key).Append(" = ");
            if (f.Key == "description" || f.Value.Contains('\n', StringComparison.Ordinal))
            {
                sb.Append('{').Append(f.Value).Append("}\n");
            }
            else if (f.Value.Contains(',', StringComparison.Ordinal) || f.Key is "wavelength" or "fwhm")
            {
                string[] items = f.Value.Split(',');
                sb.Append('{');
                for (int i = 0; i < items.Length; i++)
                {
                    sb.Append(i % 8 == 0 ? "\n " : " ").Append(items[i].Trim()).Append(i == items.Length - 1 ? "}\n" : ",");
                }
            }
            else
            {
                sb.Append(f.Value).Append('\n');
            }
        }

        return sb.ToString();
    }

    /// <summary>The byte offset of each line's first byte: the text was split at '\n' (one byte), and a line's length in
    /// the file is its UTF-8 length ('\r' included).</summary>
    private static long[] LineOffsets(string[] lines, long textOffset)
    {
        var offsets = new long[lines.Length];
        long offset = textOffset;
        for (int i = 0; i < lines.Length; i++)
        {
            offsets[i] = offset;
            offset += Encoding.UTF8.GetByteCount(lines[i]) + 1;
        }

        return offsets;
    }

    /// <summary>An error at the line of <paramref name="key"/>; a field that is absent (or a header built from fields) has
    /// no line and no byte offset.</summary>
    private RecordingFormatException Error(Dictionary<string, HeaderLocation> lineOfKey, string key, string detail) =>
        lineOfKey.TryGetValue(key, out HeaderLocation at) ? new(FilePath, at.ByteOffset, at.Line, detail) : new(FilePath, -1, 0, detail);

    private string Required(Dictionary<string, string> map, Dictionary<string, HeaderLocation> lineOfKey, string key) =>
        map.TryGetValue(key, out string? v) ? v : throw Error(lineOfKey, key, $"the required field '{key}' is missing.");

    private int RequiredInt(Dictionary<string, string> map, Dictionary<string, HeaderLocation> lineOfKey, string key, int min)
    {
        string text = Required(map, lineOfKey, key).Trim();
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value))
        {
            throw Error(lineOfKey, key, $"'{key}' must be an integer, found '{Shorten(text)}'.");
        }

        if (value < min)
        {
            throw Error(lineOfKey, key, $"'{key}' is {value}; it must be at least {min}.");
        }

        return value;
    }

    private double[]? OptionalList(Dictionary<string, string> map, Dictionary<string, HeaderLocation> lineOfKey, string key, double scale)
    {
        if (!map.TryGetValue(key, out string? text))
        {
            return null;
        }

        string[] items = text.Split(',');
        if (items.Length != Bands)
        {
            throw Error(lineOfKey, key, $"'{key}' has {items.Length} values for {Bands} bands.");
        }

        var values = new double[items.Length];
        for (int i = 0; i < items.Length; i++)
        {
            if (!double.TryParse(items[i].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double v) || !double.IsFinite(v))
            {
                throw Error(lineOfKey, key, $"'{key}' value {i} ('{Shorten(items[i].Trim())}') is not a finite number.");
            }

            values[i] = v * scale;
        }

        return values;
    }

    private static string Shorten(string s) => s.Length <= 60 ? s : string.Concat(s.AsSpan(0, 57), "...");

    /// <summary>Where a field starts: its 1-based line and the byte offset of that line in the file.</summary>
    private readonly record struct HeaderLocation(int Line, long ByteOffset);
}
