using System.Collections.Immutable;
using SortLine.OpcUa.Encoding;

namespace SortLine.OpcUa.AddressSpace;

/// <summary>
/// A node of the address space (OPC 10000-3 §5.2): the attributes every node class has plus its references.
/// Nodes are created through <see cref="AddressSpaceBuilder"/> (or the namespace 0 builder) and live in an
/// <see cref="INodeStore"/>.
/// </summary>
/// <remarks>
/// References are an immutable array swapped on change (copy-on-write), so readers (Browse, Read) never lock and
/// always see a consistent list. Attributes other than a variable's value are fixed once the node is built.
/// </remarks>
public abstract class Node
{
    private volatile NodeReference[] _references = [];

    private protected Node(NodeId nodeId, QualifiedName browseName, LocalizedText displayName)
    {
        NodeId = nodeId;
        BrowseName = browseName;
        DisplayName = displayName;
    }

    /// <summary>The node's id.</summary>
    public NodeId NodeId { get; }

    /// <summary>The node's class.</summary>
    public abstract NodeClass NodeClass { get; }

    /// <summary>The browse name (namespace-qualified, unique among a parent's children).</summary>
    public QualifiedName BrowseName { get; }

    /// <summary>The display name.</summary>
    public LocalizedText DisplayName { get; }

    /// <summary>The description; a null text when not set.</summary>
    public LocalizedText Description { get; init; }

    /// <summary>Which attributes may be written (OPC 10000-3 §8.60); SortLine nodes allow none.</summary>
    public uint WriteMask { get; init; }

    /// <summary>The node's references, forward and inverse.</summary>
    public ImmutableArray<NodeReference> References => System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsImmutableArray(_references);

    /// <summary>Adds a reference unless an identical one exists; called by the node store under its write lock.</summary>
    internal bool AddReference(NodeReference reference)
    {
        NodeReference[] current = _references;
        if (Array.IndexOf(current, reference) >= 0)
        {
            return false;
        }

        _references = [.. current, reference];
        return true;
    }

    /// <inheritdoc/>
    public override string ToString() => NodeClass.ToString() + " " + NodeId.ToString() + " (" + BrowseName.ToString() + ")";
}
