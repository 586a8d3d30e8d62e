namespace SortLine.Learning.Pairing;

/// <summary>The LIBS-to-SWIR registration could not be estimated from the calibration targets.</summary>
public sealed class RegistrationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public RegistrationException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public RegistrationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public RegistrationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a refused registration.</summary>
    /// <param name="reason">Why the targets were refused.</param>
    /// <param name="rmsResidualMm">The RMS residual of the fit in mm, or NaN when no fit was made.</param>
    /// <param name="message">What went wrong, with the numbers.</param>
    /// <param name="innerException">The cause, if any.</param>
    public RegistrationException(RegistrationFailure reason, double rmsResidualMm, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Reason = reason;
        RmsResidualMm = rmsResidualMm;
    }

    /// <summary>Gets why the targets were refused.</summary>
    public RegistrationFailure Reason { get; }

    /// <summary>Gets the RMS residual of the fit in mm (NaN when no fit was made).</summary>
    public double RmsResidualMm { get; } = double.NaN;
}
