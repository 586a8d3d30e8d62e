using SortLine.OpcUa.Encoding;

namespace SortLine.OpcUa.Services;

/// <summary>Thrown by a service handler to answer the whole request with a ServiceFault carrying <see cref="StatusCode"/>.</summary>
internal sealed class ServiceResultException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ServiceResultException(StatusCode statusCode, string? message = null)
        : base(message ?? statusCode.ToString())
    {
        StatusCode = statusCode;
    }

    /// <summary>Creates the exception.</summary>
    public ServiceResultException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public ServiceResultException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public ServiceResultException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The service result.</summary>
    public StatusCode StatusCode { get; } = StatusCode.BadUnexpectedError;
}
