using SortLine.OpcUa.AddressSpace;
using SortLine.OpcUa.Encoding;
using SortLine.OpcUa.Services;
using SortLine.OpcUa.Tests.Services;

namespace SortLine.OpcUa.Tests.AddressSpace;

/// <summary>SortLineNodeSet: configuration write validation, method input checks and the decision publisher.</summary>
public sealed class SortLineNodeSetTests
{
    private static readonly string[] Classes = ["spodumene", "lepidolite", "quartz"];
    private readonly ServiceTestHost _host = new();
    private readonly SortLineNodeSet _set;
    private readonly List<uint> _darkCalls = [];

    public SortLineNodeSetTests()
    {
        _set = SortLineNodeSet.Create(
            _host.Builder,
            new SortLineNodeSetOptions { ClassNames = Classes, InitialConfiguration = new SortLineConfiguration(["quartz"], 0.6, 20), DecisionQueueCapacity = 4 },
            new SortLineMethodHandlers
            {
                CaptureDarkReference = (lines, _) =>
                {
                    _darkCalls.Add(lines);
                    return ValueTask.FromResult(lines == 7 ? StatusCode.BadInvalidState : StatusCode.Good);
                },
            },
            _host.Time,
            startPump: false);
    }

    private StatusCode Write(VariableNode variable, Variant value) =>
        _host.Attributes.Write(_host.Context(), new WriteRequest
        {
            RequestHeader = new RequestHeader(),
            NodesToWrite = [new WriteValue { NodeId = variable.NodeId, AttributeId = 13, Value = new DataValue { Value = value } }],
        }).Results![0];

    [Theory]
    [InlineData(1.5)]
    [InlineData(-0.01)]
    [InlineData(double.NaN)]
    public void WriteEjectThreshold_OutOfRange_BadOutOfRangeAndUnchanged(double value)
    {
        StatusCode status = Write(_set.EjectThreshold, new Variant(value));

        Assert.Equal(StatusCode.BadOutOfRange, status);
        Assert.Equal(0.6, (double)_set.EjectThreshold.Value.Value.Value!);
        Assert.Equal(0.6, _set.Configuration.EjectThreshold);
    }

    [Fact]
    public void WriteEjectThreshold_Valid_StoredAndConfigurationChangedRaised()
    {
        SortLineConfiguration? seen = null;
        _set.ConfigurationChanged += (_, e) => seen = e.Configuration;

        StatusCode status = Write(_set.EjectThreshold, new Variant(0.75));

        Assert.Equal(StatusCode.Good, status);
        Assert.Equal(0.75, _set.Configuration.EjectThreshold);
        Assert.Equal(0.75, seen!.EjectThreshold);
    }

    [Theory]
    [InlineData("quartz", "gold")]
    [InlineData("quartz", "quartz")]
    public void WriteTargetClasses_UnknownOrDuplicate_BadOutOfRangeAndUnchanged(string first, string second)
    {
        StatusCode status = Write(_set.TargetClasses, Variant.FromArray(new[] { first, second }));

        Assert.Equal(StatusCode.BadOutOfRange, status);
        Assert.Equal(["quartz"], _set.Configuration.TargetClasses);
    }

    [Theory]
    [InlineData(0u, false)]
    [InlineData(1u, true)]
    [InlineData(100_000u, true)]
    [InlineData(100_001u, false)]
    public void WriteMinParticlePixels_RangeChecked(uint pixels, bool accepted)
    {
        StatusCode status = Write(_set.MinParticlePixels, new Variant(pixels));

        Assert.Equal(accepted ? StatusCode.Good : StatusCode.BadOutOfRange, status);
        Assert.Equal(accepted ? pixels : 20u, _set.Configuration.MinParticlePixels);
    }

    [Fact]
    public void WriteMinParticlePixels_WrongType_BadTypeMismatch()
    {
        Assert.Equal(StatusCode.BadTypeMismatch, Write(_set.MinParticlePixels, new Variant(40)));
    }

    [Theory]
    [InlineData(0u)]
    [InlineData(10_001u)]
    public async Task CaptureDarkReference_LineCountOutOfRange_BadInvalidArgumentAndHostNotCalled(uint lines)
    {
        MethodCallResult result = await Handler("CaptureDarkReference")(new MethodCallContext(_set.LineId, NodeId.Null, [new Variant(lines)], "op"), CancellationToken.None);

        Assert.Equal(StatusCode.BadInvalidArgument, result.Status);
        Assert.Equal([StatusCode.BadOutOfRange], result.InputArgumentResults!);
        Assert.Empty(_darkCalls);
    }

    [Theory]
    [InlineData(256u, 0x00000000u)]
    [InlineData(7u, 0x80AF0000u)]
    public async Task CaptureDarkReference_Valid_HostStatusReturned(uint lines, uint expected)
    {
        MethodCallResult result = await Handler("CaptureDarkReference")(new MethodCallContext(_set.LineId, NodeId.Null, [new Variant(lines)], "op"), CancellationToken.None);

        Assert.Equal(new StatusCode(expected), result.Status);
        Assert.Equal([lines], _darkCalls);
    }

    [Fact]
    public void MethodWithoutHandler_NotExecutable()
    {
        Assert.True(_host.Store.TryGetNode(NodeId.FromString(_set.NamespaceIndex, "Line.StartLine"), out Node? node));

        Assert.False(((MethodNode)node!).Executable);
    }

    [Fact]
    public void DecisionPublisher_QueueFull_TryPublishFalseAndDropCounted()
    {
        for (ulong k = 1; k <= 4; k++)
        {
            Assert.True(_set.Decisions.TryPublish(Command(k)));
        }

        bool fifth = _set.Decisions.TryPublish(Command(5));

        Assert.False(fifth);
        Assert.Equal(1, _set.Decisions.DroppedCount);
    }

    [Fact]
    public void DecisionPublisher_Pump_SetsLastCommandOncePerCommandInOrder()
    {
        var seen = new List<EjectionCommand>();
        _set.LastCommand.ValueChanged += (_, e) =>
        {
            ExtensionObject body = (ExtensionObject)e.Value.Value.Value!;
            Assert.Equal(_set.EncodingId, body.TypeId);
            seen.Add(EjectionCommand.Decode(body.Body));
        };
        EjectionCommand[] sent = [Command(1), Command(2), Command(3)];
        foreach (EjectionCommand c in sent)
        {
            _set.Decisions.TryPublish(c);
        }

        int published = _set.Decisions.PumpAvailable();

        Assert.Equal(3, published);
        Assert.Equal(sent, seen);
        Assert.Equal(3, _set.Decisions.PublishedCount);
    }

    [Fact]
    public void EjectionCommand_EncodeDecode_RoundTrip()
    {
        var command = new EjectionCommand(ulong.MaxValue - 1, 3, 9, -5, long.MaxValue, 2, 0.875);
        var body = new byte[EjectionCommand.EncodedSize];

        command.Encode(body);

        Assert.Equal(command, EjectionCommand.Decode(body));
    }

    [Fact]
    public void EjectionCommandType_DataTypeDefinitionReadable()
    {
        DataValue value = _host.Attributes.ReadAttribute(
            new ReadValueId { NodeId = new NodeId(SortLineNodeSet.EjectionCommandDataTypeId, _set.NamespaceIndex), AttributeId = 23 }, TimestampsToReturn.Neither, DateTime.UtcNow);

        var definition = (ExtensionObject)value.Value.Value!;
        var reader = new UaBinaryReader(definition.Body);
        Assert.Equal(ObjectIds.StructureDefinitionEncodingDefaultBinary, definition.TypeId);
        Assert.Equal(_set.EncodingId, reader.ReadNodeId());
        Assert.Equal(DataTypeIds.Structure, reader.ReadNodeId());
        Assert.Equal(0, reader.ReadInt32());
        Assert.Equal(7, reader.ReadInt32());
        Assert.Equal("SequenceNumber", reader.ReadString());
    }

    [Fact]
    public void Create_DuplicateClasses_Throws()
    {
        var host = new ServiceTestHost();

        Assert.Throws<ArgumentException>(() => SortLineNodeSet.Create(host.Builder, new SortLineNodeSetOptions { ClassNames = ["a", "a"] }, new SortLineMethodHandlers(), host.Time, startPump: false));
    }

    private static EjectionCommand Command(ulong k) => new(k, (ushort)k, (ushort)(k + 1), (long)k * 10, ((long)k * 10) + 5, (ushort)(k % 3), 0.5);

    private MethodCallHandler Handler(string name)
    {
        Assert.True(_host.Store.TryGetNode(NodeId.FromString(_set.NamespaceIndex, "Line." + name), out Node? node));
        return ((MethodNode)node!).Handler!;
    }
}
