using SortLine.OpcUa.Encoding;

namespace SortLine.OpcUa.AddressSpace;

/// <summary>
/// Lets the host add its own namespace (e.g. <c>urn:sortline</c>) with folders, objects and variables under the
/// standard Objects folder. Every node gets a HasTypeDefinition and a hierarchical reference from its parent, so
/// generic clients can browse to it. Nodes may be added before or after the server starts.
/// </summary>
public sealed class AddressSpaceBuilder
{
    private readonly INodeStore _store;

    internal AddressSpaceBuilder(INodeStore store) => _store = store;

    /// <summary>The namespace table (index 0 is the OPC UA namespace, 1 the server's own).</summary>
    public IReadOnlyList<string> NamespaceUris => _store.NamespaceUris;

    /// <summary>Adds a namespace URI unless present.</summary>
    /// <param name="uri">The namespace URI.</param>
    /// <returns>Its namespace index, to use in the NodeIds of its nodes.</returns>
    /// <exception cref="ArgumentException"><paramref name="uri"/> is null or empty.</exception>
    public ushort RegisterNamespace(string uri) => _store.AddNamespace(uri);

    /// <summary>Adds a folder (FolderType), organised by <paramref name="parentId"/>.</summary>
    /// <param name="parentId">An existing object, e.g. <see cref="ObjectIds.ObjectsFolder"/>.</param>
    /// <param name="nodeId">The new node's id (its namespace must be registered).</param>
    /// <param name="browseName">Browse name (qualified with the node's namespace); also the display name.</param>
    /// <returns>The new folder.</returns>
    /// <exception cref="ArgumentException">The parent does not exist, the id is taken or invalid, or the name is empty.</exception>
    public ObjectNode AddFolder(NodeId parentId, NodeId nodeId, string browseName) =>
        AddObject(parentId, nodeId, browseName, ObjectTypeIds.FolderType, ReferenceTypeIds.Organizes);

    /// <summary>Adds an object.</summary>
    /// <param name="parentId">An existing object.</param>
    /// <param name="nodeId">The new node's id.</param>
    /// <param name="browseName">Browse name; also the display name.</param>
    /// <param name="typeDefinitionId">Its object type (BaseObjectType when null).</param>
    /// <param name="referenceTypeId">Hierarchical reference from the parent (Organizes when null).</param>
    /// <returns>The new object.</returns>
    /// <exception cref="ArgumentException">A referenced node does not exist, the id is taken or invalid, or the name is empty.</exception>
    public ObjectNode AddObject(NodeId parentId, NodeId nodeId, string browseName, NodeId? typeDefinitionId = null, NodeId? referenceTypeId = null)
    {
        CheckNew(parentId, nodeId, browseName);
        NodeId typeId = typeDefinitionId ?? ObjectTypeIds.BaseObjectType;
        if (!_store.TryGetNode(typeId, out Node? type) || type is not ObjectTypeNode)
        {
            throw new ArgumentException(typeId.ToString() + " is not an object type", nameof(typeDefinitionId));
        }

        var node = new ObjectNode(nodeId, new QualifiedName(nodeId.NamespaceIndex, browseName), LocalizedText.FromText(browseName), 0);
        Link(parentId, node, referenceTypeId ?? ReferenceTypeIds.Organizes, typeId);
        return node;
    }

    /// <summary>Adds a variable (BaseDataVariableType) with a settable value.</summary>
    /// <param name="parentId">An existing object.</param>
    /// <param name="nodeId">The new node's id.</param>
    /// <param name="browseName">Browse name; also the display name.</param>
    /// <param name="dataTypeId">Its data type, e.g. <see cref="DataTypeIds.Double"/>.</param>
    /// <param name="initialValue">The initial value (must fit the data type and value rank; a null Variant leaves it unset).</param>
    /// <param name="valueRank">See <see cref="ValueRanks"/>.</param>
    /// <param name="accessLevel">See <see cref="AccessLevels"/>.</param>
    /// <param name="description">Optional description.</param>
    /// <returns>The new variable; set <see cref="VariableNode.WriteValidator"/> or <see cref="VariableNode.ValueSource"/> on it as needed.</returns>
    /// <exception cref="ArgumentException">A referenced node does not exist, the id is taken or invalid, the name is empty, or the value does not fit.</exception>
    public VariableNode AddVariable(
        NodeId parentId,
        NodeId nodeId,
        string browseName,
        NodeId dataTypeId,
        Variant initialValue,
        int valueRank = ValueRanks.Scalar,
        byte accessLevel = AccessLevels.CurrentRead,
        string? description = null)
    {
        CheckNew(parentId, nodeId, browseName);
        if (!_store.TryGetNode(dataTypeId, out Node? dataType) || dataType is not DataTypeNode)
        {
            throw new ArgumentException(dataTypeId.ToString() + " is not a data type", nameof(dataTypeId));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(valueRank, ValueRanks.ScalarOrOneDimension);
        var node = new VariableNode(
            nodeId, new QualifiedName(nodeId.NamespaceIndex, browseName), LocalizedText.FromText(browseName), dataTypeId,
            TypeHierarchy.GetBuiltInType(_store, dataTypeId), valueRank, accessLevel)
        {
            Description = description is null ? default : LocalizedText.FromText(description),
        };
        if (!initialValue.IsNull)
        {
            node.SetValue(initialValue, sourceTimestamp: DateTime.UtcNow);
        }

        Link(parentId, node, ReferenceTypeIds.HasComponent, VariableTypeIds.BaseDataVariableType);
        return node;
    }

    private void CheckNew(NodeId parentId, NodeId nodeId, string browseName)
    {
        ArgumentException.ThrowIfNullOrEmpty(browseName);
        if (nodeId.IsNull)
        {
            throw new ArgumentException("The node id is null", nameof(nodeId));
        }

        if (_store.TryGetNode(nodeId, out _))
        {
            throw new ArgumentException("Node " + nodeId.ToString() + " already exists", nameof(nodeId));
        }

        if (!_store.TryGetNode(parentId, out _))
        {
            throw new ArgumentException("Parent " + parentId.ToString() + " does not exist", nameof(parentId));
        }
    }

    private void Link(NodeId parentId, Node node, NodeId referenceTypeId, NodeId typeDefinitionId)
    {
        if (!_store.TryGetNode(referenceTypeId, out Node? referenceType) || referenceType is not ReferenceTypeNode ||
            !TypeHierarchy.IsSubtypeOrSelf(_store, referenceTypeId, ReferenceTypeIds.HierarchicalReferences))
        {
            throw new ArgumentException(referenceTypeId.ToString() + " is not a hierarchical reference type", nameof(referenceTypeId));
        }

        _store.AddNode(node);
        _store.AddReference(parentId, referenceTypeId, node.NodeId);
        _store.AddReference(node.NodeId, ReferenceTypeIds.HasTypeDefinition, typeDefinitionId);
    }
}
