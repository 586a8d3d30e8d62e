using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using SortLine.OpcUa.Encoding;

namespace SortLine.OpcUa.AddressSpace;

/// <summary>
/// An <see cref="INodeStore"/> in memory: a concurrent dictionary of nodes, writers serialised by a lock, readers
/// lock-free (node references and the namespace table are immutable snapshots).
/// </summary>
internal sealed class InMemoryNodeStore : INodeStore
{
    /// <summary>The OPC UA namespace URI (index 0).</summary>
    public const string OpcUaNamespaceUri = "http://opcfoundation.org/UA/";

    private readonly ConcurrentDictionary<NodeId, Node> _nodes = new();
    private readonly Lock _writeLock = new();
    private volatile string[] _namespaces = [OpcUaNamespaceUri];

    /// <inheritdoc/>
    public IReadOnlyList<string> NamespaceUris => System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsImmutableArray(_namespaces);

    /// <inheritdoc/>
    public int Count => _nodes.Count;

    /// <inheritdoc/>
    public bool TryGetNode(NodeId nodeId, [NotNullWhen(true)] out Node? node) => _nodes.TryGetValue(nodeId, out node);

    /// <inheritdoc/>
    public ushort AddNamespace(string uri)
    {
        ArgumentException.ThrowIfNullOrEmpty(uri);
        lock (_writeLock)
        {
            int index = Array.IndexOf(_namespaces, uri);
            if (index >= 0)
            {
                return (ushort)index;
            }

            if (_namespaces.Length > ushort.MaxValue)
            {
                throw new InvalidOperationException("The namespace table is full");
            }

            _namespaces = [.. _namespaces, uri];
            return (ushort)(_namespaces.Length - 1);
        }
    }

    /// <inheritdoc/>
    public void AddNode(Node node)
    {
        ArgumentNullException.ThrowIfNull(node);
        lock (_writeLock)
        {
            if (node.NodeId.NamespaceIndex >= _namespaces.Length)
            {
                throw new ArgumentException("Namespace index of " + node.NodeId.ToString() + " is not registered", nameof(node));
            }

            if (!_nodes.TryAdd(node.NodeId, node))
            {
                throw new ArgumentException("Node " + node.NodeId.ToString() + " already exists", nameof(node));
            }
        }
    }

    /// <inheritdoc/>
    public void AddReference(NodeId sourceId, NodeId referenceTypeId, NodeId targetId)
    {
        lock (_writeLock)
        {
            Node source = Require(sourceId, nameof(sourceId));
            Node target = Require(targetId, nameof(targetId));
            if (Require(referenceTypeId, nameof(referenceTypeId)) is not ReferenceTypeNode)
            {
                throw new ArgumentException(referenceTypeId.ToString() + " is not a reference type", nameof(referenceTypeId));
            }

            source.AddReference(new NodeReference(referenceTypeId, false, targetId));
            target.AddReference(new NodeReference(referenceTypeId, true, sourceId));
        }
    }

    private Node Require(NodeId nodeId, string paramName) =>
        _nodes.TryGetValue(nodeId, out Node? node) ? node : throw new ArgumentException("Node " + nodeId.ToString() + " does not exist", paramName);
}
