namespace SortLine.Learning.Models;

/// <summary>What is wrong with a student model file that could not be loaded.</summary>
public enum ModelFileError
{
    /// <summary>The file does not start with the model file magic: it is not a SortLine student model.</summary>
    BadMagic = 1,

    /// <summary>The file is a model file of a schema version this build cannot read.</summary>
    UnsupportedSchemaVersion = 2,

    /// <summary>The file is shorter than its header declares (an interrupted copy or write).</summary>
    Truncated = 3,

    /// <summary>The header CRC-32 or the SHA-256 over the content does not match: the bytes were altered.</summary>
    ChecksumMismatch = 4,

    /// <summary>The checksum matches but the content is inconsistent (bytes after the checksum, or invalid fields).</summary>
    Malformed = 5,
}
