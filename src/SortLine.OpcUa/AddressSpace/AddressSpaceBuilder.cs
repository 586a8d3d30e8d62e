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

    /// <summary>
    /// Adds a method as a component of <paramref name="parentId"/>, with InputArguments/OutputArguments properties
    /// built from the declarations; the Call service validates inputs against them and then runs
    /// <paramref name="handler"/>.
    /// </summary>
    /// <param name="parentId">The object the method belongs to (clients call it with this ObjectId).</param>
    /// <param name="nodeId">The method's id.</param>
    /// <param name="browseName">Browse name; also the display name.</param>
    /// <param name="inputs">Declared input arguments (may be empty).</param>
    /// <param name="outputs">Declared output arguments (may be empty).</param>
    /// <param name="handler">The host's handler; null makes the method not executable.</param>
    /// <param name="description">Optional description.</param>
    /// <returns>The new method.</returns>
    /// <exception cref="ArgumentException">A referenced node does not exist, the id is taken, or an argument's data type is unknown.</exception>
    public MethodNode AddMethod(
        NodeId parentId,
        NodeId nodeId,
        string browseName,
        IReadOnlyList<MethodArgument> inputs,
        IReadOnlyList<MethodArgument> outputs,
        MethodCallHandler? handler,
        string? description = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(outputs);
        CheckNew(parentId, nodeId, browseName);
        foreach (MethodArgument argument in inputs.Concat(outputs))
        {
            if (!_store.TryGetNode(argument.DataType, out Node? type) || type is not DataTypeNode)
            {
                throw new ArgumentException("Argument " + argument.Name + ": " + argument.DataType.ToString() + " is not a data type", nameof(inputs));
            }
        }

        var method = new MethodNode(nodeId, new QualifiedName(nodeId.NamespaceIndex, browseName), LocalizedText.FromText(browseName))
        {
            Description = description is null ? default : LocalizedText.FromText(description),
            Executable = handler is not null,
            InputArguments = [.. inputs],
            OutputArguments = [.. outputs],
            Handler = handler,
        };
        _store.AddNode(method);
        _store.AddReference(parentId, ReferenceTypeIds.HasComponent, nodeId);
        if (inputs.Count > 0)
        {
            AddArgumentsProperty(method, "InputArguments", inputs);
        }

        if (outputs.Count > 0)
        {
            AddArgumentsProperty(method, "OutputArguments", outputs);
        }

        return method;
    }

    /// <summary>
    /// Adds a structure data type (a subtype of Structure) with its DataTypeDefinition attribute and a "Default
    /// Binary" encoding node, so clients that read DataTypeDefinition (node-opcua for 1.04+ servers) can decode its
    /// values. Values of variables of this type are ExtensionObjects whose TypeId is <paramref name="binaryEncodingId"/>
    /// and whose body holds the fields in order, without optional fields.
    /// </summary>
    /// <param name="dataTypeId">The data type's id.</param>
    /// <param name="browseName">Its name; also the display name.</param>
    /// <param name="binaryEncodingId">Id of its "Default Binary" encoding object (the ExtensionObject TypeId).</param>
    /// <param name="fields">The fields in encoding order (namespace 0 data types, scalar).</param>
    /// <returns>The new data type.</returns>
    /// <exception cref="ArgumentException">An id is taken or invalid, a field's data type is unknown, or there are no fields.</exception>
    public DataTypeNode AddStructureDataType(NodeId dataTypeId, string browseName, NodeId binaryEncodingId, IReadOnlyList<StructureFieldDefinition> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentOutOfRangeException.ThrowIfZero(fields.Count);
        CheckNew(DataTypeIds.Structure, dataTypeId, browseName);
        CheckNew(DataTypeIds.Structure, binaryEncodingId, "Default Binary");
        foreach (StructureFieldDefinition field in fields)
        {
            if (!_store.TryGetNode(field.DataType, out Node? type) || type is not DataTypeNode)
            {
                throw new ArgumentException("Field " + field.Name + ": " + field.DataType.ToString() + " is not a data type", nameof(fields));
            }
        }

        var dataType = new DataTypeNode(dataTypeId, new QualifiedName(dataTypeId.NamespaceIndex, browseName), LocalizedText.FromText(browseName), isAbstract: false)
        {
            DataTypeDefinition = ExtensionObject.FromBinary(ObjectIds.StructureDefinitionEncodingDefaultBinary, EncodeStructureDefinition(binaryEncodingId, fields)),
        };
        _store.AddNode(dataType);
        _store.AddReference(DataTypeIds.Structure, ReferenceTypeIds.HasSubtype, dataTypeId);
        var encoding = new ObjectNode(binaryEncodingId, new QualifiedName(0, "Default Binary"), LocalizedText.FromText("Default Binary"), 0);
        _store.AddNode(encoding);
        _store.AddReference(dataTypeId, ReferenceTypeIds.HasEncoding, binaryEncodingId);
        _store.AddReference(binaryEncodingId, ReferenceTypeIds.HasTypeDefinition, ObjectTypeIds.DataTypeEncodingType);
        return dataType;
    }

    // StructureDefinition: DefaultEncodingId, BaseDataType, StructureType (0 = Structure), Fields StructureField[]
    // {Name, Description, DataType, ValueRank, ArrayDimensions, MaxStringLength, IsOptional}.
    private static byte[] EncodeStructureDefinition(NodeId binaryEncodingId, IReadOnlyList<StructureFieldDefinition> fields)
    {
        using var buffer = new PooledByteBuffer(256, 1 << 20);
        var writer = new UaBinaryWriter(buffer);
        writer.WriteNodeId(binaryEncodingId);
        writer.WriteNodeId(DataTypeIds.Structure);
        writer.WriteInt32(0);
        writer.WriteInt32(fields.Count);
        foreach (StructureFieldDefinition field in fields)
        {
            writer.WriteString(field.Name);
            writer.WriteLocalizedText(field.Description is null ? default : LocalizedText.FromText(field.Description));
            writer.WriteNodeId(field.DataType);
            writer.WriteInt32(ValueRanks.Scalar);
            writer.WriteArray((uint[]?)null, static (ref UaBinaryWriter w, uint v) => w.WriteUInt32(v));
            writer.WriteUInt32(0);
            writer.WriteBoolean(false);
        }

        writer.Commit();
        return buffer.WrittenSpan.ToArray();
    }

    private void AddArgumentsProperty(MethodNode method, string name, IReadOnlyList<MethodArgument> arguments)
    {
        var value = new ExtensionObject[arguments.Count];
        for (int i = 0; i < arguments.Count; i++)
        {
            using var buffer = new PooledByteBuffer(128, 1 << 16);
            var writer = new UaBinaryWriter(buffer);
            arguments[i].Encode(ref writer);
            writer.Commit();
            value[i] = ExtensionObject.FromBinary(ObjectIds.ArgumentEncodingDefaultBinary, buffer.WrittenSpan.ToArray());
        }

        NodeId id = method.NodeId.IdType == NodeIdType.String
            ? NodeId.FromString(method.NodeId.NamespaceIndex, method.NodeId.StringIdentifier + "." + name)
            : NodeId.FromGuid(method.NodeId.NamespaceIndex, Guid.NewGuid());
        var property = new VariableNode(id, new QualifiedName(0, name), LocalizedText.FromText(name), DataTypeIds.Argument, BuiltInType.ExtensionObject, ValueRanks.OneDimension, AccessLevels.CurrentRead)
        {
            ArrayDimensions = [(uint)arguments.Count],
        };
        property.SetValue(Variant.FromArray(value), sourceTimestamp: DateTime.UtcNow);
        _store.AddNode(property);
        _store.AddReference(method.NodeId, ReferenceTypeIds.HasProperty, id);
        _store.AddReference(id, ReferenceTypeIds.HasTypeDefinition, VariableTypeIds.PropertyType);
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
