using SortLine.OpcUa.AddressSpace;
using SortLine.OpcUa.Encoding;
using SortLine.OpcUa.Services;

namespace SortLine.OpcUa.Tests.Services;

public sealed class AttributeServicesTests
{
    private readonly ServiceTestHost _host = new();
    private readonly ServiceContext _context;

    public AttributeServicesTests() => _context = _host.Context();

    private DataValue Read(NodeId nodeId, uint attributeId, TimestampsToReturn timestamps = TimestampsToReturn.Both, string? indexRange = null) =>
        _host.Attributes.Read(_context, new ReadRequest
        {
            RequestHeader = new RequestHeader(),
            TimestampsToReturn = timestamps,
            NodesToRead = [new ReadValueId { NodeId = nodeId, AttributeId = attributeId, IndexRange = indexRange }],
        }).Results![0];

    private StatusCode Write(NodeId nodeId, Variant value, uint attributeId = 13, string? indexRange = null) =>
        _host.Attributes.Write(_context, new WriteRequest
        {
            RequestHeader = new RequestHeader(),
            NodesToWrite = [new WriteValue { NodeId = nodeId, AttributeId = attributeId, IndexRange = indexRange, Value = new DataValue { Value = value } }],
        }).Results![0];

    // Attribute matrix (OPC 10000-3 §5.9 Table 21): which attributes each node class has.
    [Theory]
    [InlineData(85u, 1u, true)] // Object: NodeId
    [InlineData(85u, 2u, true)]
    [InlineData(85u, 3u, true)]
    [InlineData(85u, 4u, true)]
    [InlineData(85u, 5u, true)]
    [InlineData(85u, 6u, true)]
    [InlineData(85u, 7u, true)]
    [InlineData(85u, 12u, true)] // Object: EventNotifier
    [InlineData(85u, 8u, false)] // Object: no IsAbstract
    [InlineData(85u, 13u, false)] // Object: no Value
    [InlineData(85u, 21u, false)] // Object: no Executable
    [InlineData(2259u, 13u, true)] // Variable: Value, DataType, ValueRank, ArrayDimensions, AccessLevel, UserAccessLevel, MinimumSamplingInterval, Historizing
    [InlineData(2259u, 14u, true)]
    [InlineData(2259u, 15u, true)]
    [InlineData(2259u, 16u, true)]
    [InlineData(2259u, 17u, true)]
    [InlineData(2259u, 18u, true)]
    [InlineData(2259u, 19u, true)]
    [InlineData(2259u, 20u, true)]
    [InlineData(2259u, 12u, false)] // Variable: no EventNotifier
    [InlineData(2259u, 8u, false)]
    [InlineData(58u, 8u, true)] // ObjectType: IsAbstract
    [InlineData(58u, 14u, false)]
    [InlineData(63u, 8u, true)] // VariableType: IsAbstract, Value, DataType, ValueRank
    [InlineData(63u, 13u, true)]
    [InlineData(63u, 14u, true)]
    [InlineData(63u, 15u, true)]
    [InlineData(63u, 17u, false)]
    [InlineData(45u, 8u, true)] // ReferenceType: IsAbstract, Symmetric, InverseName
    [InlineData(45u, 9u, true)]
    [InlineData(45u, 10u, true)]
    [InlineData(31u, 10u, false)] // symmetric References has no InverseName
    [InlineData(45u, 12u, false)]
    [InlineData(11u, 8u, true)] // DataType: IsAbstract
    [InlineData(11u, 9u, false)]
    [InlineData(11u, 13u, false)]
    [InlineData(85u, 0u, false)] // not an attribute
    [InlineData(85u, 99u, false)]
    public void Read_AttributeMatrix_GoodOrBadAttributeIdInvalid(uint nodeId, uint attributeId, bool exists)
    {
        DataValue result = Read(new NodeId(nodeId), attributeId);

        Assert.Equal(exists ? StatusCode.Good : StatusCode.BadAttributeIdInvalid, result.Status);
    }

    [Fact]
    public void Read_StandardAttributes_ValuesFromTheNodeset()
    {
        Assert.Equal(new Variant((int)NodeClass.Variable), Read(VariableIds.ServerStatusState, 2).Value);
        Assert.Equal(new Variant(new QualifiedName(0, "State")), Read(VariableIds.ServerStatusState, 3).Value);
        Assert.Equal(new Variant(DataTypeIds.ServerState), Read(VariableIds.ServerStatusState, 14).Value);
        Assert.Equal(new Variant(LocalizedText.FromText("SubtypeOf")), Read(ReferenceTypeIds.HasSubtype, 10).Value);
        Assert.Equal(new Variant(true), Read(DataTypeIds.BaseDataType, 8).Value);
        Assert.Equal(new Variant(AccessLevels.CurrentRead), Read(VariableIds.NamespaceArray, 17).Value);
    }

    [Theory]
    [InlineData(0, true, false)] // Source
    [InlineData(1, false, true)] // Server
    [InlineData(2, true, true)] // Both
    [InlineData(3, false, false)] // Neither
    public void Read_Value_ReturnsRequestedTimestamps(int timestamps, bool source, bool server)
    {
        DataValue result = Read(_host.Speed.NodeId, 13, (TimestampsToReturn)timestamps);

        Assert.Equal(new Variant(1.0), result.Value);
        Assert.Equal((source, server), (result.SourceTimestamp is not null, result.ServerTimestamp is not null));
    }

    [Fact]
    public void Read_InvalidTimestampsToReturn_ServiceResultBadTimestampsToReturnInvalid()
    {
        var ex = Assert.Throws<ServiceResultException>(() => Read(_host.Speed.NodeId, 13, (TimestampsToReturn)9));

        Assert.Equal(StatusCode.BadTimestampsToReturnInvalid, ex.StatusCode);
    }

    [Theory]
    [InlineData("1:2", new[] { 11, 12 })]
    [InlineData("3", new[] { 13 })]
    [InlineData("2:9", new[] { 12, 13 })]
    public void Read_IndexRange_ReturnsSlice(string range, int[] expected)
    {
        Assert.Equal(Variant.FromArray(expected), Read(_host.Samples.NodeId, 13, indexRange: range).Value);
    }

    [Theory]
    [InlineData("2:1", 0x80360000u)]
    [InlineData("x", 0x80360000u)]
    [InlineData("9", 0x80370000u)]
    public void Read_BadIndexRange_Status(string range, uint status)
    {
        Assert.Equal(new StatusCode(status), Read(_host.Samples.NodeId, 13, indexRange: range).Status);
    }

    [Fact]
    public void Read_UnknownNode_BadNodeIdUnknown()
    {
        Assert.Equal(StatusCode.BadNodeIdUnknown, Read(NodeId.FromString(_host.Ns, "nope"), 13).Status);
    }

    [Fact]
    public void Write_ValidValue_StoredAndChangeRaised()
    {
        DataValue? changed = null;
        _host.Speed.ValueChanged += (_, e) => changed = e.Value;

        StatusCode status = Write(_host.Speed.NodeId, new Variant(4.5));

        Assert.Equal(StatusCode.Good, status);
        Assert.Equal(new Variant(4.5), _host.Speed.Value.Value);
        Assert.Equal(new Variant(4.5), changed?.Value);
    }

    [Fact]
    public void Write_ValidatorRejects_ReturnsItsStatusAndChangesNothing()
    {
        bool raised = false;
        _host.Speed.ValueChanged += (_, _) => raised = true;

        StatusCode status = Write(_host.Speed.NodeId, new Variant(7.0));

        Assert.Equal(StatusCode.BadOutOfRange, status);
        Assert.Equal(new Variant(1.0), _host.Speed.Value.Value);
        Assert.False(raised);
    }

    [Theory]
    [InlineData(BuiltInType.Float)]
    [InlineData(BuiltInType.String)]
    [InlineData(BuiltInType.Null)]
    public void Write_WrongType_BadTypeMismatch(BuiltInType type)
    {
        Variant value = type switch
        {
            BuiltInType.Float => new Variant(1.0f),
            BuiltInType.String => new Variant("fast"),
            _ => Variant.Null,
        };

        Assert.Equal(StatusCode.BadTypeMismatch, Write(_host.Speed.NodeId, value));
    }

    [Fact]
    public void Write_ArrayToScalar_BadTypeMismatch()
    {
        Assert.Equal(StatusCode.BadTypeMismatch, Write(_host.Speed.NodeId, Variant.FromArray(new[] { 1.0 })));
    }

    [Fact]
    public void Write_DerivedDataType_AcceptsItsBuiltInType()
    {
        Assert.Equal(StatusCode.Good, Write(_host.Interval.NodeId, new Variant(5.0))); // Duration is a Double
    }

    [Fact]
    public void Write_ReadOnlyVariable_BadNotWritable()
    {
        Assert.Equal(StatusCode.BadNotWritable, Write(_host.ReadOnly.NodeId, new Variant(9u)));
    }

    [Theory]
    [InlineData(4u, 0x803B0000u)] // DisplayName exists but is not writable
    [InlineData(12u, 0x80350000u)] // variables have no EventNotifier
    public void Write_OtherAttribute_NotWritableOrInvalid(uint attributeId, uint status)
    {
        Assert.Equal(new StatusCode(status), Write(_host.Speed.NodeId, new Variant(LocalizedText.FromText("x")), attributeId));
    }

    [Fact]
    public void Write_UnknownNode_BadNodeIdUnknown()
    {
        Assert.Equal(StatusCode.BadNodeIdUnknown, Write(NodeId.FromString(_host.Ns, "nope"), new Variant(1.0)));
    }

    [Fact]
    public void Write_IndexRange_BadWriteNotSupported()
    {
        Assert.Equal(StatusCode.BadWriteNotSupported, Write(_host.Speed.NodeId, new Variant(1.0), indexRange: "0"));
    }
}
