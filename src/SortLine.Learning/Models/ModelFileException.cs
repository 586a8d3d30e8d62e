namespace SortLine.Learning.Models;

/// <summary>Thrown when a student model file cannot be loaded; names the file and what is wrong with it.</summary>
public sealed class ModelFileException : Exception
{
    /// <summary>Creates the exception with a default message.</summary>
    public ModelFileException()
        : base("The student model file could not be loaded.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What is wrong.</param>
    public ModelFileException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The cause.</param>
    public ModelFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a file and an error kind.</summary>
    /// <param name="source">The file path (or stream description).</param>
    /// <param name="error">What kind of error.</param>
    /// <param name="detail">The specific problem.</param>
    /// <param name="innerException">The cause, if any.</param>
    internal ModelFileException(string source, ModelFileError error, string detail, Exception? innerException = null)
        : base($"Student model file '{source}': {Describe(error)}: {detail}", innerException)
    {
        FilePath = source;
        Error = error;
    }

    /// <summary>Gets the path (or description) of the file that failed to load.</summary>
    public string? FilePath { get; }

    /// <summary>Gets what kind of error it is.</summary>
    public ModelFileError Error { get; }

    private static string Describe(ModelFileError error) => error switch
    {
        ModelFileError.BadMagic => "not a student model file (wrong magic)",
        ModelFileError.UnsupportedSchemaVersion => "unsupported schema version",
        ModelFileError.Truncated => "truncated",
        ModelFileError.ChecksumMismatch => "checksum mismatch",
        _ => "malformed content",
    };
}
