using SortLine.OpcUa.Encoding;

namespace SortLine.OpcUa.AddressSpace;

/// <summary>The outcome of a <see cref="MethodCallHandler"/>.</summary>
public sealed class MethodCallResult
{
    private MethodCallResult(StatusCode status, IReadOnlyList<Variant> outputs, IReadOnlyList<StatusCode>? inputResults)
    {
        Status = status;
        OutputArguments = outputs;
        InputArgumentResults = inputResults;
    }

    /// <summary>The method's status code (CallMethodResult.StatusCode).</summary>
    public StatusCode Status { get; }

    /// <summary>Output values, one per declared output argument (empty on failure).</summary>
    public IReadOnlyList<Variant> OutputArguments { get; }

    /// <summary>Per-input verdicts (only with Bad_InvalidArgument), else null.</summary>
    public IReadOnlyList<StatusCode>? InputArgumentResults { get; }

    /// <summary>Success with the given outputs.</summary>
    /// <param name="outputs">One value per declared output argument.</param>
    public static MethodCallResult Success(params Variant[] outputs) => new(StatusCode.Good, outputs ?? [], null);

    /// <summary>Failure with a status code (e.g. Bad_InvalidState when the line cannot start now).</summary>
    /// <param name="status">Any status; a Good one is treated as success without outputs.</param>
    public static MethodCallResult Failure(StatusCode status) => new(status, [], null);

    /// <summary>Bad_InvalidArgument with one verdict per input argument (Good for the acceptable ones).</summary>
    /// <param name="inputArgumentResults">One status per input argument, e.g. Bad_OutOfRange.</param>
    /// <exception cref="ArgumentNullException"><paramref name="inputArgumentResults"/> is null.</exception>
    public static MethodCallResult InvalidArguments(params StatusCode[] inputArgumentResults)
    {
        ArgumentNullException.ThrowIfNull(inputArgumentResults);
        return new(StatusCode.BadInvalidArgument, [], inputArgumentResults);
    }
}
