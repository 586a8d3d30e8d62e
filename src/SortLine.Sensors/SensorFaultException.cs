namespace SortLine.Sensors;

/// <summary>
/// A sensor stopped delivering samples. Thrown from a source's read loop; the service records the fault,
/// reconnects with backoff and resumes. Samples delivered before the fault stay valid.
/// </summary>
public sealed class SensorFaultException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="sensor">The sensor's name (for logs and metrics labels).</param>
    /// <param name="kind">What went wrong.</param>
    /// <param name="message">A description for operators.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public SensorFaultException(string sensor, SensorFaultKind kind, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Sensor = sensor;
        Kind = kind;
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public SensorFaultException()
        : this("unknown", SensorFaultKind.DataError, "Sensor fault.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public SensorFaultException(string message)
        : this("unknown", SensorFaultKind.DataError, message)
    {
    }

    /// <summary>Creates the exception with a message and inner exception.</summary>
    public SensorFaultException(string message, Exception innerException)
        : this("unknown", SensorFaultKind.DataError, message, innerException)
    {
    }

    /// <summary>Gets the sensor's name.</summary>
    public string Sensor { get; }

    /// <summary>Gets what went wrong.</summary>
    public SensorFaultKind Kind { get; }
}
