using SortLine.OpcUa.Encoding;

namespace SortLine.OpcUa.AddressSpace;

/// <summary>
/// Builds namespace 0 nodes from the generated table. Variables and references are collected first and created in
/// <see cref="Complete"/>, once the data type tree exists, so each variable's built-in value type can be resolved.
/// </summary>
internal sealed class Namespace0Builder(INodeStore store)
{
    private readonly List<(uint Id, string Name, uint DataType, int ValueRank)> _variables = [];
    private readonly List<(uint Source, uint ReferenceType, uint Target)> _references = [];
    private readonly Dictionary<uint, string[]> _enumStrings = [];

    public void Object(uint id, string name, byte eventNotifier) =>
        store.AddNode(new ObjectNode(new NodeId(id), new QualifiedName(0, name), LocalizedText.FromText(name), eventNotifier));

    /// <remarks>Every namespace-0 variable is served read-only, whatever the nodeset's AccessLevel (nothing behind them is writable).</remarks>
    public void Variable(uint id, string name, uint dataType, int valueRank, byte accessLevel)
    {
        _ = accessLevel;
        _variables.Add((id, name, dataType, valueRank));
    }

    public void ObjectType(uint id, string name, bool isAbstract) =>
        store.AddNode(new ObjectTypeNode(new NodeId(id), new QualifiedName(0, name), LocalizedText.FromText(name), isAbstract));

    public void VariableType(uint id, string name, bool isAbstract, uint dataType, int valueRank) =>
        store.AddNode(new VariableTypeNode(new NodeId(id), new QualifiedName(0, name), LocalizedText.FromText(name), isAbstract, new NodeId(dataType), valueRank));

    public void DataType(uint id, string name, bool isAbstract) =>
        store.AddNode(new DataTypeNode(new NodeId(id), new QualifiedName(0, name), LocalizedText.FromText(name), isAbstract));

    public void ReferenceType(uint id, string name, bool isAbstract, bool symmetric, string? inverseName) =>
        store.AddNode(new ReferenceTypeNode(
            new NodeId(id), new QualifiedName(0, name), LocalizedText.FromText(name), isAbstract, symmetric, inverseName is null ? null : LocalizedText.FromText(inverseName)));

    public void EnumStrings(uint id, string[] texts) => _enumStrings[id] = texts;

    public void Reference(uint source, uint referenceType, uint target) => _references.Add((source, referenceType, target));

    /// <summary>Adds the references between non-variable nodes, then the variables, then the remaining references.</summary>
    public void Complete()
    {
        var pending = new List<(uint Source, uint ReferenceType, uint Target)>();
        foreach ((uint source, uint referenceType, uint target) in _references)
        {
            if (store.TryGetNode(new NodeId(source), out _) && store.TryGetNode(new NodeId(target), out _))
            {
                store.AddReference(new NodeId(source), new NodeId(referenceType), new NodeId(target));
            }
            else
            {
                pending.Add((source, referenceType, target));
            }
        }

        foreach ((uint id, string name, uint dataType, int valueRank) in _variables)
        {
            var dataTypeId = new NodeId(dataType);
            var variable = new VariableNode(
                new NodeId(id), new QualifiedName(0, name), LocalizedText.FromText(name), dataTypeId,
                TypeHierarchy.GetBuiltInType(store, dataTypeId), valueRank, AccessLevels.CurrentRead);
            if (_enumStrings.TryGetValue(id, out string[]? texts))
            {
                variable.SetValue(Variant.FromArray(texts.Select(LocalizedText.FromText).ToArray()));
            }

            store.AddNode(variable);
        }

        foreach ((uint source, uint referenceType, uint target) in pending)
        {
            store.AddReference(new NodeId(source), new NodeId(referenceType), new NodeId(target));
        }
    }
}
