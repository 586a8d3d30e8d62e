using SortLine.OpcUa.Encoding;

namespace SortLine.OpcUa.AddressSpace;

/// <summary>A method node (OPC 10000-3 §5.7); calling methods arrives in a later increment.</summary>
public sealed class MethodNode : Node
{
    internal MethodNode(NodeId nodeId, QualifiedName browseName, LocalizedText displayName)
        : base(nodeId, browseName, displayName)
    {
    }

    /// <inheritdoc/>
    public override NodeClass NodeClass => NodeClass.Method;

    /// <summary>The Executable attribute.</summary>
    public bool Executable { get; init; }

    /// <summary>The UserExecutable attribute (no per-user rights yet: equals <see cref="Executable"/>).</summary>
    public bool UserExecutable => Executable;
}
