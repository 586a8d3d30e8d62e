namespace SortLine.OpcUa.AddressSpace;

/// <summary>The client session that wrote a value through the Write service.</summary>
/// <param name="UserName">The session's user name, or null for an anonymous session.</param>
public sealed record VariableWriter(string? UserName);
