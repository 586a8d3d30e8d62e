using SortLine.OpcUa.Encoding;

namespace SortLine.OpcUa.SecureChannel;

/// <summary>A secure-channel protocol violation: the transport answers with ERR carrying <see cref="StatusCode"/> and closes.</summary>
internal sealed class SecureChannelException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SecureChannelException(StatusCode statusCode, string message)
        : base(message)
    {
        StatusCode = statusCode;
    }

    /// <summary>Creates the exception.</summary>
    public SecureChannelException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public SecureChannelException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public SecureChannelException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The status sent in the ERR message.</summary>
    public StatusCode StatusCode { get; } = StatusCode.BadTcpInternalError;
}
