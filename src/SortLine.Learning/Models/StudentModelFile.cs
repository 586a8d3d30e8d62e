using System.Buffers.Binary;
using System.Globalization;
using System.IO.Hashing;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using SortLine.Learning.Internal;

namespace SortLine.Learning.Models;

/// <summary>
/// Reads and writes the student model file (schema version 1). Layout, all integers little-endian
/// (full description in docs/model-format.md):
/// <code>
/// offset      size      field
/// 0           8         magic "SLSTUDNT"
/// 8           4         schema version (uint32) = 1
/// 12          8         body length B (uint64)
/// 20          4         CRC-32 (IEEE) of bytes [0, 20)     -- the 24-byte preamble is frozen across schema versions
/// 24          4         metadata length M (uint32)
/// 28          M         metadata: UTF-8 JSON object (versions, classes, reject rule, bands, preprocessing, provenance)
/// 28+M        4         classes C (uint32)
/// 32+M        4         bands K (uint32)
/// 36+M        8·C·K     W, row-major, IEEE-754 binary64
/// 36+M+8CK    8·C       b, binary64
/// 24+B        32        SHA-256 of bytes [0, 24+B)
/// </code>
/// Loading checks, in this order: magic, preamble CRC, schema version, length (truncation), SHA-256, then content;
/// each failure is a <see cref="ModelFileException"/> naming the file and the <see cref="ModelFileError"/>.
/// </summary>
public static class StudentModelFile
{
    /// <summary>The schema version this build writes and reads.</summary>
    public const int SchemaVersion = 1;

    /// <summary>The file name extension used by the registry.</summary>
    public const string Extension = ".slmodel";

    private const int PreambleLength = 24;
    private const int ChecksumLength = 32;
    private const long MaxBodyLength = 256L * 1024 * 1024;
    private static ReadOnlySpan<byte> Magic => "SLSTUDNT"u8;

    /// <summary>Serializes a model to the file format.</summary>
    /// <param name="model">The model.</param>
    /// <returns>The complete file content.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> is null.</exception>
    public static byte[] Serialize(StudentModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        byte[] metadata = WriteMetadata(model);
        int classes = model.ClassCount;
        int bands = model.BandCount;
        long bodyLength = 4L + metadata.Length + 4 + 4 + (8L * classes * bands) + (8L * classes);
        byte[] file = new byte[checked(PreambleLength + (int)bodyLength + ChecksumLength)];
        Span<byte> span = file;
        Magic.CopyTo(span);
        BinaryPrimitives.WriteUInt32LittleEndian(span[8..], SchemaVersion);
        BinaryPrimitives.WriteUInt64LittleEndian(span[12..], (ulong)bodyLength);
        BinaryPrimitives.WriteUInt32LittleEndian(span[20..], Crc32.HashToUInt32(span[..20]));
        int offset = PreambleLength;
        BinaryPrimitives.WriteUInt32LittleEndian(span[offset..], (uint)metadata.Length);
        offset += 4;
        metadata.CopyTo(span[offset..]);
        offset += metadata.Length;
        BinaryPrimitives.WriteUInt32LittleEndian(span[offset..], (uint)classes);
        BinaryPrimitives.WriteUInt32LittleEndian(span[(offset + 4)..], (uint)bands);
        offset += 8;
        foreach (double w in model.Weights)
        {
            BinaryPrimitives.WriteDoubleLittleEndian(span[offset..], w);
            offset += 8;
        }

        foreach (double b in model.Bias)
        {
            BinaryPrimitives.WriteDoubleLittleEndian(span[offset..], b);
            offset += 8;
        }

        SHA256.HashData(span[..offset], span[offset..]);
        return file;
    }

    /// <summary>Writes a model file atomically (temporary file, fsync, rename): the path holds either the old or the new file.</summary>
    /// <param name="path">Destination path.</param>
    /// <param name="model">The model.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="IOException">The file could not be written.</exception>
    public static void Save(string path, StudentModel model)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        DurableFile.WriteAtomic(path, Serialize(model));
    }

    /// <summary>Loads and verifies a model file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The model.</returns>
    /// <exception cref="ModelFileException">The file is not a valid model file; the message names the file and the problem.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static StudentModel Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return Deserialize(File.ReadAllBytes(path), path);
    }

    /// <summary>Loads a model file and refuses it unless it was trained for the camera's bands.</summary>
    /// <param name="path">The file.</param>
    /// <param name="cameraBands">The bands the camera delivers.</param>
    /// <param name="toleranceNm">Largest allowed band-centre difference in nm.</param>
    /// <returns>The model.</returns>
    /// <exception cref="ModelFileException">The file is not a valid model file.</exception>
    /// <exception cref="IncompatibleBandSetException">The model's bands do not match the camera's.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static StudentModel Load(string path, BandSet cameraBands, double toleranceNm = BandSet.DefaultToleranceNm)
    {
        StudentModel model = Load(path);
        model.EnsureCompatibleWith(cameraBands, toleranceNm);
        return model;
    }

    /// <summary>Parses and verifies the content of a model file.</summary>
    /// <param name="content">The complete file content.</param>
    /// <param name="source">The file name (or other description) used in error messages.</param>
    /// <returns>The model.</returns>
    /// <exception cref="ModelFileException">The content is not a valid model file.</exception>
    public static StudentModel Deserialize(ReadOnlySpan<byte> content, string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        int magicAvailable = Math.Min(content.Length, Magic.Length);
        if (!content[..magicAvailable].SequenceEqual(Magic[..magicAvailable]))
        {
            throw new ModelFileException(source, ModelFileError.BadMagic,
                $"the first bytes are {Convert.ToHexString(content[..magicAvailable])}, expected {Convert.ToHexString(Magic)} (\"SLSTUDNT\")");
        }

        if (content.Length < PreambleLength)
        {
            throw new ModelFileException(source, ModelFileError.Truncated, string.Create(CultureInfo.InvariantCulture,
                $"the file has {content.Length} bytes, fewer than the {PreambleLength}-byte header"));
        }

        uint storedCrc = BinaryPrimitives.ReadUInt32LittleEndian(content[20..]);
        uint actualCrc = Crc32.HashToUInt32(content[..20]);
        if (storedCrc != actualCrc)
        {
            throw new ModelFileException(source, ModelFileError.ChecksumMismatch, string.Create(CultureInfo.InvariantCulture,
                $"the header CRC-32 is 0x{storedCrc:X8} but the header bytes give 0x{actualCrc:X8} (header altered)"));
        }

        uint version = BinaryPrimitives.ReadUInt32LittleEndian(content[8..]);
        if (version != SchemaVersion)
        {
            throw new ModelFileException(source, ModelFileError.UnsupportedSchemaVersion, string.Create(CultureInfo.InvariantCulture,
                $"the file has schema version {version}; this build reads version {SchemaVersion}"));
        }

        ulong bodyLength = BinaryPrimitives.ReadUInt64LittleEndian(content[12..]);
        if (bodyLength > MaxBodyLength)
        {
            throw new ModelFileException(source, ModelFileError.Malformed, string.Create(CultureInfo.InvariantCulture,
                $"the header declares a body of {bodyLength} bytes, more than the {MaxBodyLength}-byte limit"));
        }

        long expectedLength = PreambleLength + (long)bodyLength + ChecksumLength;
        if (content.Length < expectedLength)
        {
            throw new ModelFileException(source, ModelFileError.Truncated, string.Create(CultureInfo.InvariantCulture,
                $"the file has {content.Length} bytes but its header declares {expectedLength}"));
        }

        if (content.Length > expectedLength)
        {
            throw new ModelFileException(source, ModelFileError.Malformed, string.Create(CultureInfo.InvariantCulture,
                $"{content.Length - expectedLength} unexpected bytes follow the checksum at offset {expectedLength}"));
        }

        int checksumOffset = (int)(expectedLength - ChecksumLength);
        Span<byte> actualHash = stackalloc byte[ChecksumLength];
        SHA256.HashData(content[..checksumOffset], actualHash);
        if (!actualHash.SequenceEqual(content[checksumOffset..]))
        {
            throw new ModelFileException(source, ModelFileError.ChecksumMismatch, string.Create(CultureInfo.InvariantCulture,
                $"the SHA-256 stored at offset {checksumOffset} is {Convert.ToHexStringLower(content[checksumOffset..])} but the content hashes to {Convert.ToHexStringLower(actualHash)}"));
        }

        try
        {
            return ParseBody(content[PreambleLength..checksumOffset]);
        }
        catch (Exception e) when (e is InvalidDataException or ArgumentException or JsonException or FormatException or OverflowException)
        {
            throw new ModelFileException(source, ModelFileError.Malformed, e.Message, e);
        }
    }

    private static StudentModel ParseBody(ReadOnlySpan<byte> body)
    {
        if (body.Length < 4)
        {
            throw new InvalidDataException("the body is too short for its metadata length");
        }

        int metadataLength = checked((int)BinaryPrimitives.ReadUInt32LittleEndian(body));
        if (metadataLength > body.Length - 12)
        {
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"the metadata length {metadataLength} exceeds the body"));
        }

        ReadOnlySpan<byte> metadata = body.Slice(4, metadataLength);
        ReadOnlySpan<byte> arrays = body[(4 + metadataLength)..];
        int classes = checked((int)BinaryPrimitives.ReadUInt32LittleEndian(arrays));
        int bands = checked((int)BinaryPrimitives.ReadUInt32LittleEndian(arrays[4..]));
        if (classes < 1 || bands < 1 || classes > arrays.Length / 8 || bands > arrays.Length / 8)
        {
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                $"the dimensions {classes} classes × {bands} bands do not fit the body"));
        }

        long expected = 8 + (8L * classes * bands) + (8L * classes);
        if (arrays.Length != expected)
        {
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                $"W and b for {classes} classes × {bands} bands need {expected} bytes, the body holds {arrays.Length}"));
        }

        double[] weights = new double[classes * bands];
        double[] bias = new double[classes];
        int offset = 8;
        for (int i = 0; i < weights.Length; i++, offset += 8)
        {
            weights[i] = BinaryPrimitives.ReadDoubleLittleEndian(arrays[offset..]);
        }

        for (int i = 0; i < bias.Length; i++, offset += 8)
        {
            bias[i] = BinaryPrimitives.ReadDoubleLittleEndian(arrays[offset..]);
        }

        using JsonDocument document = JsonDocument.Parse(metadata.ToArray());
        JsonElement root = document.RootElement;
        string[] classNames = JsonRead.StringArray(root, "classNames");
        if (classNames.Length != classes)
        {
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                $"the metadata names {classNames.Length} classes but W has {classes} rows"));
        }

        JsonElement bandsJson = JsonRead.Property(root, "bands", JsonValueKind.Object);
        var bandSet = new BandSet(JsonRead.DoubleArray(bandsJson, "centersNm"), JsonRead.DoubleArray(bandsJson, "fwhmNm"));
        if (bandSet.Count != bands)
        {
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                $"the metadata lists {bandSet.Count} bands but W has {bands} columns"));
        }

        JsonElement reject = JsonRead.Property(root, "reject", JsonValueKind.Object);
        JsonElement pre = JsonRead.Property(root, "preprocessing", JsonValueKind.Object);
        JsonElement sg = JsonRead.Property(pre, "savitzkyGolay", JsonValueKind.Object);
        JsonElement prov = JsonRead.Property(root, "provenance", JsonValueKind.Object);
        JsonElement window = JsonRead.Property(prov, "window", JsonValueKind.Object);
        JsonElement heldOut = JsonRead.Property(prov, "heldOut", JsonValueKind.Object);
        var cv = new List<CrossValidationPoint>();
        foreach (JsonElement point in JsonRead.Property(prov, "crossValidation", JsonValueKind.Array).EnumerateArray())
        {
            cv.Add(new CrossValidationPoint(JsonRead.Int32(point, "components"), JsonRead.Double(point, "errorRate")));
        }

        return new StudentModel(
            JsonRead.String(root, "modelVersion"),
            JsonRead.Utc(root, "createdUtc"),
            JsonRead.NullableString(root, "parentVersion"),
            classNames,
            new RejectRule(JsonRead.Int32(reject, "rejectClass"), JsonRead.NullableDouble(reject, "minWinningScore"), JsonRead.NullableDouble(reject, "minMargin")),
            bandSet,
            new PreprocessingParameters(
                ReadReference(JsonRead.Property(pre, "darkReference", JsonValueKind.Object)),
                ReadReference(JsonRead.Property(pre, "whiteReference", JsonValueKind.Object)),
                JsonRead.Int32(sg, "window"),
                JsonRead.Int32(sg, "order"),
                JsonRead.Int32(sg, "derivative"),
                JsonRead.Boolean(pre, "hullQuotient")),
            weights,
            bias,
            new TrainingProvenance(
                JsonRead.Int32(prov, "pairCount"),
                new TrainingWindow(JsonRead.Int64(window, "encoderStart"), JsonRead.Int64(window, "encoderEnd"),
                    JsonRead.Utc(window, "startUtc"), JsonRead.Utc(window, "endUtc")),
                JsonRead.Int32(prov, "components"),
                cv,
                new HeldOutMetrics(JsonRead.Int32(heldOut, "count"), JsonRead.Double(heldOut, "accuracy"),
                    JsonRead.Double(heldOut, "balancedAccuracy"), JsonRead.DoubleArray(heldOut, "perClassRecall"))));
    }

    private static ReferenceFrameIdentity ReadReference(JsonElement element) =>
        new(JsonRead.String(element, "sha256"), JsonRead.Utc(element, "capturedUtc"));

    private static byte[] WriteMetadata(StudentModel model)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("modelVersion", model.Version);
            w.WriteString("createdUtc", JsonRead.FormatUtc(model.CreatedUtc));
            if (model.ParentVersion is null)
            {
                w.WriteNull("parentVersion");
            }
            else
            {
                w.WriteString("parentVersion", model.ParentVersion);
            }

            w.WriteStartArray("classNames");
            foreach (string name in model.ClassNames)
            {
                w.WriteStringValue(name);
            }

            w.WriteEndArray();
            w.WriteStartObject("reject");
            w.WriteNumber("rejectClass", model.Reject.RejectClass);
            WriteNullable(w, "minWinningScore", model.Reject.MinWinningScore);
            WriteNullable(w, "minMargin", model.Reject.MinMargin);
            w.WriteEndObject();
            w.WriteStartObject("bands");
            WriteArray(w, "centersNm", model.Bands.CentersNm);
            WriteArray(w, "fwhmNm", model.Bands.FwhmNm);
            w.WriteEndObject();
            PreprocessingParameters p = model.Preprocessing;
            w.WriteStartObject("preprocessing");
            WriteReference(w, "darkReference", p.DarkReference);
            WriteReference(w, "whiteReference", p.WhiteReference);
            w.WriteStartObject("savitzkyGolay");
            w.WriteNumber("window", p.SavitzkyGolayWindow);
            w.WriteNumber("order", p.SavitzkyGolayOrder);
            w.WriteNumber("derivative", p.SavitzkyGolayDerivative);
            w.WriteEndObject();
            w.WriteBoolean("hullQuotient", p.HullQuotient);
            w.WriteEndObject();
            TrainingProvenance t = model.Provenance;
            w.WriteStartObject("provenance");
            w.WriteNumber("pairCount", t.PairCount);
            w.WriteStartObject("window");
            w.WriteNumber("encoderStart", t.Window.EncoderStart);
            w.WriteNumber("encoderEnd", t.Window.EncoderEnd);
            w.WriteString("startUtc", JsonRead.FormatUtc(t.Window.StartUtc));
            w.WriteString("endUtc", JsonRead.FormatUtc(t.Window.EndUtc));
            w.WriteEndObject();
            w.WriteNumber("components", t.Components);
            w.WriteStartArray("crossValidation");
            foreach (CrossValidationPoint point in t.CrossValidation)
            {
                w.WriteStartObject();
                w.WriteNumber("components", point.Components);
                w.WriteNumber("errorRate", point.ErrorRate);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartObject("heldOut");
            w.WriteNumber("count", t.HeldOut.Count);
            w.WriteNumber("accuracy", t.HeldOut.Accuracy);
            w.WriteNumber("balancedAccuracy", t.HeldOut.BalancedAccuracy);
            WriteArray(w, "perClassRecall", t.HeldOut.PerClassRecall);
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void WriteNullable(Utf8JsonWriter w, string name, double? value)
    {
        if (value is double v)
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static void WriteArray(Utf8JsonWriter w, string name, IReadOnlyList<double> values)
    {
        w.WriteStartArray(name);
        foreach (double v in values)
        {
            w.WriteNumberValue(v);
        }

        w.WriteEndArray();
    }

    private static void WriteReference(Utf8JsonWriter w, string name, ReferenceFrameIdentity reference)
    {
        w.WriteStartObject(name);
        w.WriteString("sha256", reference.Sha256Hex);
        w.WriteString("capturedUtc", JsonRead.FormatUtc(reference.CapturedUtc));
        w.WriteEndObject();
    }

    /// <summary>UTF-8 without BOM, for tests and tools that want to look at the metadata.</summary>
    internal static string ReadMetadataJson(ReadOnlySpan<byte> content)
    {
        int length = (int)BinaryPrimitives.ReadUInt32LittleEndian(content[PreambleLength..]);
        return Encoding.UTF8.GetString(content.Slice(PreambleLength + 4, length));
    }
}
