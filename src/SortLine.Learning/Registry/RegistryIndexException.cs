namespace SortLine.Learning.Registry;

/// <summary>
/// Thrown when the registry index cannot be read (damaged, not JSON, checksum mismatch, inconsistent). The message
/// names the file and the problem; <see cref="ModelRegistry.Rebuild"/> recreates the index from the model files.
/// </summary>
public sealed class RegistryIndexException : Exception
{
    /// <summary>Creates the exception with a default message.</summary>
    public RegistryIndexException()
        : base("The model registry index cannot be read.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What is wrong.</param>
    public RegistryIndexException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The cause.</param>
    public RegistryIndexException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for an index file.</summary>
    internal RegistryIndexException(string path, string detail, Exception? innerException)
        : base($"Model registry index '{path}' is damaged: {detail}. Run ModelRegistry.Rebuild to recreate it from the model files.", innerException)
    {
        IndexPath = path;
    }

    /// <summary>Gets the index file path.</summary>
    public string? IndexPath { get; }
}
