namespace SortLine.OpcUa.Encoding;

/// <summary>
/// The one exception malformed or over-limit input raises (style guide B4). It carries the OPC UA status
/// the transport reports to the peer (ERR or ServiceFault) and the byte offset where decoding stopped.
/// </summary>
internal sealed class UaDecodingException : Exception
{
    /// <summary>Creates the exception for a decoding failure at <paramref name="offset"/>.</summary>
    /// <param name="statusCode">BadDecodingError, BadEncodingLimitsExceeded or a transport code such as BadTcpMessageTooLarge.</param>
    /// <param name="offset">Byte offset from the start of the decoded buffer (or message, if the reader was given a base offset).</param>
    /// <param name="message">What failed, for logs; never sent to the peer verbatim.</param>
    public UaDecodingException(StatusCode statusCode, long offset, string message)
        : base(message + " (" + statusCode.ToString() + " at offset " + offset.ToString(System.Globalization.CultureInfo.InvariantCulture) + ")")
    {
        StatusCode = statusCode;
        Offset = offset;
    }

    /// <summary>Creates a BadDecodingError at offset 0 (standard constructor).</summary>
    public UaDecodingException()
        : this(StatusCode.BadDecodingError, 0, "Decoding failed")
    {
    }

    /// <summary>Creates a BadDecodingError at offset 0 (standard constructor).</summary>
    public UaDecodingException(string message)
        : this(StatusCode.BadDecodingError, 0, message)
    {
    }

    /// <summary>Creates a BadDecodingError at offset 0 wrapping <paramref name="innerException"/> (standard constructor).</summary>
    public UaDecodingException(string message, Exception innerException)
        : base(message, innerException)
    {
        StatusCode = StatusCode.BadDecodingError;
    }

    /// <summary>The status to report: BadDecodingError, BadEncodingLimitsExceeded or a transport code.</summary>
    public StatusCode StatusCode { get; }

    /// <summary>The byte offset where the failure was detected.</summary>
    public long Offset { get; }
}
