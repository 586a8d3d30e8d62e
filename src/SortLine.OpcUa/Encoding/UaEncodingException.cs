namespace SortLine.OpcUa.Encoding;

/// <summary>
/// Raised by <see cref="UaBinaryWriter"/> when a value cannot be encoded: BadEncodingLimitsExceeded when the
/// destination or a configured limit is too small (the chunker uses this to detect overflow), and
/// BadEncodingError for values that have no valid encoding (for example Variant dimensions that do not
/// match the array length).
/// </summary>
internal sealed class UaEncodingException : Exception
{
    /// <summary>Creates the exception for an encoding failure at <paramref name="offset"/>.</summary>
    public UaEncodingException(StatusCode statusCode, long offset, string message)
        : base(message + " (" + statusCode.ToString() + " at offset " + offset.ToString(System.Globalization.CultureInfo.InvariantCulture) + ")")
    {
        StatusCode = statusCode;
        Offset = offset;
    }

    /// <summary>Creates a BadEncodingError (standard constructor).</summary>
    public UaEncodingException()
        : this(StatusCode.BadEncodingError, 0, "Encoding failed")
    {
    }

    /// <summary>Creates a BadEncodingError (standard constructor).</summary>
    public UaEncodingException(string message)
        : this(StatusCode.BadEncodingError, 0, message)
    {
    }

    /// <summary>Creates a BadEncodingError wrapping <paramref name="innerException"/> (standard constructor).</summary>
    public UaEncodingException(string message, Exception innerException)
        : base(message, innerException)
    {
        StatusCode = StatusCode.BadEncodingError;
    }

    /// <summary>BadEncodingLimitsExceeded or BadEncodingError.</summary>
    public StatusCode StatusCode { get; }

    /// <summary>The writer position when the failure was detected.</summary>
    public long Offset { get; }
}
