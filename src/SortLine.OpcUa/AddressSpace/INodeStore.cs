using System.Diagnostics.CodeAnalysis;
using SortLine.OpcUa.Encoding;

namespace SortLine.OpcUa.AddressSpace;

/// <summary>
/// The address space as the services see it (open62541's nodestore plugin, narrowed): look nodes up, add nodes and
/// references, and map namespace URIs. Reads are lock-free and may run concurrently with additions.
/// </summary>
internal interface INodeStore
{
    /// <summary>The namespace table; index 0 is the OPC UA namespace.</summary>
    IReadOnlyList<string> NamespaceUris { get; }

    /// <summary>Number of nodes.</summary>
    int Count { get; }

    /// <summary>Looks a node up.</summary>
    bool TryGetNode(NodeId nodeId, [NotNullWhen(true)] out Node? node);

    /// <summary>Adds <paramref name="uri"/> to the namespace table unless present.</summary>
    /// <returns>Its index.</returns>
    ushort AddNamespace(string uri);

    /// <summary>Adds a node.</summary>
    /// <exception cref="ArgumentException">A node with the same id exists.</exception>
    void AddNode(Node node);

    /// <summary>Adds the forward reference to <paramref name="sourceId"/> and the inverse one to <paramref name="targetId"/>.</summary>
    /// <exception cref="ArgumentException">A node does not exist.</exception>
    void AddReference(NodeId sourceId, NodeId referenceTypeId, NodeId targetId);
}
