using System.Globalization;

namespace SortLine.Simulators.Recording;

/// <summary>
/// A recording (ENVI header or data, stamps sidecar, LIBS recording) is malformed or cut short. The message and
/// the properties name the file and where the damage starts, so an operator can inspect it with a hex dump.
/// </summary>
/// <remarks>
/// Readers throw it only when they reach the damage: everything before <see cref="ByteOffset"/> has already
/// been delivered and stays valid.
/// </remarks>
public sealed class RecordingFormatException : IOException
{
    /// <summary>Creates the exception for damage in a file.</summary>
    /// <param name="filePath">The damaged file.</param>
    /// <param name="byteOffset">Byte offset in the file where the damage starts, or -1 when it is not a byte position.</param>
    /// <param name="headerLine">1-based line of a text header where the damage is, or 0 when it is not a header line.</param>
    /// <param name="detail">What is wrong.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public RecordingFormatException(string filePath, long byteOffset, int headerLine, string detail, Exception? innerException = null)
        : base(Describe(filePath, byteOffset, headerLine, detail), innerException)
    {
        FilePath = filePath;
        ByteOffset = byteOffset;
        HeaderLine = headerLine;
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public RecordingFormatException()
        : this("unknown", -1, 0, "Malformed recording.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public RecordingFormatException(string message)
        : base(message)
    {
        FilePath = "unknown";
        ByteOffset = -1;
    }

    /// <summary>Creates the exception with a message and inner exception.</summary>
    public RecordingFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
        FilePath = "unknown";
        ByteOffset = -1;
    }

    /// <summary>Gets the damaged file's path.</summary>
    public string FilePath { get; }

    /// <summary>Gets the byte offset where the damage starts, or -1 when not applicable.</summary>
    public long ByteOffset { get; }

    /// <summary>Gets the 1-based header line where the damage is, or 0 when not applicable.</summary>
    public int HeaderLine { get; }

    private static string Describe(string filePath, long byteOffset, int headerLine, string detail)
    {
        if (headerLine > 0)
        {
            return byteOffset >= 0
                ? string.Create(CultureInfo.InvariantCulture, $"{filePath}, line {headerLine} (byte offset {byteOffset}): {detail}")
                : string.Create(CultureInfo.InvariantCulture, $"{filePath}, line {headerLine}: {detail}");
        }

        return byteOffset >= 0
            ? string.Create(CultureInfo.InvariantCulture, $"{filePath}, byte offset {byteOffset}: {detail}")
            : string.Create(CultureInfo.InvariantCulture, $"{filePath}: {detail}");
    }
}
