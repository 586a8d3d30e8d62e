using SortLine.OpcUa.AddressSpace;
using SortLine.OpcUa.Encoding;

namespace SortLine.OpcUa.Tests.AddressSpace;

public sealed class Namespace0Tests
{
    private readonly InMemoryNodeStore _store = new();

    public Namespace0Tests()
    {
        _store.AddNamespace("urn:test");
        Namespace0.AddTo(_store);
    }

    private IEnumerable<Node> Nodes() =>
        Enumerable.Range(1, 30000).Select(i => _store.TryGetNode(new NodeId((uint)i), out Node? n) ? n : null).OfType<Node>();

    [Fact]
    public void EveryObjectAndVariable_HasExactlyOneTypeDefinition()
    {
        Assert.All(Nodes().Where(n => n.NodeClass is NodeClass.Object or NodeClass.Variable), node =>
            Assert.Single(node.References, r => !r.IsInverse && r.ReferenceTypeId == ReferenceTypeIds.HasTypeDefinition));
    }

    [Fact]
    public void EveryReference_HasItsInverseOnTheTarget()
    {
        Assert.All(Nodes(), node => Assert.All(node.References, r =>
        {
            Assert.True(_store.TryGetNode(r.TargetId, out Node? target), node + " -> " + r.TargetId);
            Assert.Contains(new NodeReference(r.ReferenceTypeId, !r.IsInverse, node.NodeId), target.References);
        }));
    }

    [Theory]
    [InlineData(290u, 11)] // Duration -> Double
    [InlineData(294u, 13)] // UtcTime -> DateTime
    [InlineData(852u, 6)] // ServerState (enumeration) -> Int32
    [InlineData(862u, 22)] // ServerStatusDataType (structure) -> ExtensionObject
    [InlineData(24u, 24)] // BaseDataType -> any
    public void GetBuiltInType_FollowsHasSubtypeChain(uint dataType, int builtIn)
    {
        Assert.Equal((BuiltInType)builtIn, TypeHierarchy.GetBuiltInType(_store, new NodeId(dataType)));
    }

    [Theory]
    [InlineData(47u, 33u, true)] // HasComponent is hierarchical
    [InlineData(40u, 33u, false)] // HasTypeDefinition is not
    [InlineData(49u, 44u, true)] // HasOrderedComponent < HasComponent < Aggregates
    public void IsSubtypeOrSelf_ReferenceTypes(uint type, uint superType, bool expected)
    {
        Assert.Equal(expected, TypeHierarchy.IsSubtypeOrSelf(_store, new NodeId(type), new NodeId(superType)));
    }

    [Fact]
    public void AddressSpaceBuilder_Variable_BrowsableWithTypeDefinitionAndTypedValue()
    {
        var builder = new AddressSpaceBuilder(_store);
        ushort ns = builder.RegisterNamespace("urn:sortline");
        ObjectNode folder = builder.AddFolder(ObjectIds.ObjectsFolder, NodeId.FromString(ns, "Line1"), "Line1");

        VariableNode speed = builder.AddVariable(folder.NodeId, NodeId.FromString(ns, "Speed"), "Speed", DataTypeIds.Duration, new Variant(2.0));

        Assert.Equal(2, ns);
        Assert.Equal(BuiltInType.Double, speed.ValueType);
        Assert.Contains(new NodeReference(ReferenceTypeIds.HasComponent, false, speed.NodeId), folder.References);
        Assert.Contains(new NodeReference(ReferenceTypeIds.HasTypeDefinition, false, VariableTypeIds.BaseDataVariableType), speed.References);
        Assert.Throws<ArgumentException>(() => speed.SetValue(new Variant("x")));
        Assert.Throws<ArgumentException>(() => builder.AddVariable(folder.NodeId, speed.NodeId, "Again", DataTypeIds.Double, Variant.Null));
        Assert.Throws<ArgumentException>(() => builder.AddFolder(NodeId.FromString(ns, "missing"), NodeId.FromString(ns, "X"), "X"));
    }
}
