namespace SortLine.Learning.Models;

/// <summary>
/// Thrown when a student model is used with a camera whose bands differ from the bands it was trained for
/// (band count, or a band centre outside the tolerance).
/// </summary>
public sealed class IncompatibleBandSetException : Exception
{
    /// <summary>Creates the exception with a default message.</summary>
    public IncompatibleBandSetException()
        : base("The model's band set does not match the camera.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What differs.</param>
    public IncompatibleBandSetException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    /// <param name="message">What differs.</param>
    /// <param name="innerException">The cause.</param>
    public IncompatibleBandSetException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for one model version.</summary>
    /// <param name="modelVersion">The model version that was refused.</param>
    /// <param name="reason">What differs.</param>
    internal IncompatibleBandSetException(string modelVersion, string reason)
        : base($"Model '{modelVersion}' cannot run on this camera: {reason}.")
    {
        ModelVersion = modelVersion;
    }

    /// <summary>Gets the version of the refused model, when known.</summary>
    public string? ModelVersion { get; }
}
