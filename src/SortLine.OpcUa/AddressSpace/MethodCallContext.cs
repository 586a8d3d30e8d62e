using SortLine.OpcUa.Encoding;

namespace SortLine.OpcUa.AddressSpace;

/// <summary>What a <see cref="MethodCallHandler"/> gets: the object and method called, the input values (already
/// checked against the method's input arguments for count, built-in type and rank) and the caller.</summary>
/// <param name="ObjectId">The object the method was called on.</param>
/// <param name="MethodId">The method.</param>
/// <param name="InputArguments">One value per declared input argument, in order.</param>
/// <param name="UserName">The session's user, or null for anonymous.</param>
public sealed record MethodCallContext(NodeId ObjectId, NodeId MethodId, IReadOnlyList<Variant> InputArguments, string? UserName);
