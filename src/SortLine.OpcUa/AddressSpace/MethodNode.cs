using SortLine.OpcUa.Encoding;

namespace SortLine.OpcUa.AddressSpace;

/// <summary>
/// A method node (OPC 10000-3 §5.7) with its declared arguments and the host's handler, executed by the Call
/// service. A method without a handler is not executable (Bad_NotExecutable).
/// </summary>
public sealed class MethodNode : Node
{
    internal MethodNode(NodeId nodeId, QualifiedName browseName, LocalizedText displayName)
        : base(nodeId, browseName, displayName)
    {
    }

    /// <inheritdoc/>
    public override NodeClass NodeClass => NodeClass.Method;

    /// <summary>The Executable attribute (true when a handler is set unless the host says otherwise).</summary>
    public bool Executable { get; init; }

    /// <summary>The UserExecutable attribute before per-user rights (the Call service and Read apply the session's rights).</summary>
    public bool UserExecutable => Executable;

    /// <summary>The declared input arguments (the InputArguments property).</summary>
    public IReadOnlyList<MethodArgument> InputArguments { get; init; } = [];

    /// <summary>The declared output arguments (the OutputArguments property).</summary>
    public IReadOnlyList<MethodArgument> OutputArguments { get; init; } = [];

    /// <summary>The host's handler; null when the method cannot be executed.</summary>
    public MethodCallHandler? Handler { get; init; }
}
