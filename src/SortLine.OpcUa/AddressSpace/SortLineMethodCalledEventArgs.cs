using SortLine.OpcUa.Encoding;

namespace SortLine.OpcUa.AddressSpace;

/// <summary>A sorter method a client called (after its inputs passed the checks and the host handler ran).</summary>
/// <param name="methodName">The method's browse name, e.g. <c>StopLine</c>.</param>
/// <param name="userName">The calling session's user name, or null for an anonymous session.</param>
/// <param name="status">The status returned to the client.</param>
public sealed class SortLineMethodCalledEventArgs(string methodName, string? userName, StatusCode status) : EventArgs
{
    /// <summary>The method's browse name.</summary>
    public string MethodName { get; } = methodName;

    /// <summary>The calling session's user name, or null when anonymous.</summary>
    public string? UserName { get; } = userName;

    /// <summary>The status returned to the client.</summary>
    public StatusCode Status { get; } = status;
}
