using Microsoft.Extensions.Logging.Abstractions;
using SortLine.OpcUa.AddressSpace;
using SortLine.OpcUa.Encoding;
using SortLine.OpcUa.Services;
using SortLine.OpcUa.Sessions;

namespace SortLine.OpcUa.Tests.Services;

/// <summary>Call argument validation and handler results (OPC 10000-4 §5.11.2).</summary>
public sealed class MethodServicesTests
{
    private readonly ServiceTestHost _host = new();
    private readonly MethodNode _scale;
    private readonly List<IReadOnlyList<Variant>> _calls = [];

    public MethodServicesTests()
    {
        _scale = _host.Builder.AddMethod(
            _host.Folder.NodeId, NodeId.FromString(_host.Ns, "Scale"), "Scale",
            [new MethodArgument("Factor", DataTypeIds.Double), new MethodArgument("Count", DataTypeIds.UInt32)],
            [new MethodArgument("Product", DataTypeIds.Double)],
            (call, _) =>
            {
                _calls.Add(call.InputArguments);
                double factor = (double)call.InputArguments[0].Value!;
                return ValueTask.FromResult(factor < 0
                    ? MethodCallResult.InvalidArguments(StatusCode.BadOutOfRange, StatusCode.Good)
                    : factor == 0 ? MethodCallResult.Failure(StatusCode.BadInvalidState)
                    : MethodCallResult.Success(new Variant(factor * (uint)call.InputArguments[1].Value!)));
            });
    }

    private CallMethodResult Call(Variant[] inputs, NodeId? methodId = null, NodeId? objectId = null, UserAccessPolicy? access = null, string? user = "operator")
    {
        var services = new MethodServices(_host.Store, access ?? new UserAccessPolicy(false, false), 10, NullLogger.Instance);
        Session session = _host.Sessions.TryCreate(ServiceTestHost.Channel, "t", 60_000)!;
        session.Activate(ServiceTestHost.Channel, user);
        var response = (CallResponse)services.CallAsync(
            _host.Context(session),
            new CallRequest { RequestHeader = new RequestHeader(), MethodsToCall = [new CallMethodRequest { ObjectId = objectId ?? _host.Folder.NodeId, MethodId = methodId ?? _scale.NodeId, InputArguments = inputs }] },
            CancellationToken.None).AsTask().GetAwaiter().GetResult();
        return response.Results![0];
    }

    [Fact]
    public void Call_ValidArguments_OutputsFromHandler()
    {
        CallMethodResult result = Call([new Variant(1.5), new Variant(4u)]);

        Assert.Equal(StatusCode.Good, result.StatusCode);
        Assert.Equal(6.0, (double)result.OutputArguments![0].Value!);
    }

    [Fact]
    public void Call_TooFewArguments_BadArgumentsMissingAndHandlerNotRun()
    {
        CallMethodResult result = Call([new Variant(1.5)]);

        Assert.Equal(StatusCode.BadArgumentsMissing, result.StatusCode);
        Assert.Empty(_calls);
    }

    [Fact]
    public void Call_TooManyArguments_BadTooManyArguments()
    {
        Assert.Equal(StatusCode.BadTooManyArguments, Call([new Variant(1.5), new Variant(4u), new Variant(1)]).StatusCode);
    }

    [Fact]
    public void Call_WrongType_BadInvalidArgumentWithPerArgumentResults()
    {
        CallMethodResult result = Call([new Variant(1.5), new Variant(4)]);

        Assert.Equal(StatusCode.BadInvalidArgument, result.StatusCode);
        Assert.Equal([StatusCode.Good, StatusCode.BadTypeMismatch], result.InputArgumentResults!);
        Assert.Empty(_calls);
    }

    [Fact]
    public void Call_HandlerRejectsValue_PerArgumentResultsReturned()
    {
        CallMethodResult result = Call([new Variant(-1.0), new Variant(4u)]);

        Assert.Equal(StatusCode.BadInvalidArgument, result.StatusCode);
        Assert.Equal([StatusCode.BadOutOfRange, StatusCode.Good], result.InputArgumentResults!);
    }

    [Fact]
    public void Call_HandlerFails_ItsStatusReturned()
    {
        Assert.Equal(StatusCode.BadInvalidState, Call([new Variant(0.0), new Variant(4u)]).StatusCode);
    }

    [Fact]
    public void Call_MethodNotOfObject_BadMethodInvalid()
    {
        Assert.Equal(StatusCode.BadMethodInvalid, Call([], objectId: ObjectIds.Server).StatusCode);
        Assert.Equal(StatusCode.BadMethodInvalid, Call([], methodId: _host.Speed.NodeId).StatusCode);
    }

    [Fact]
    public void Call_UnknownObject_BadNodeIdUnknown()
    {
        Assert.Equal(StatusCode.BadNodeIdUnknown, Call([], objectId: NodeId.FromString(_host.Ns, "Nope")).StatusCode);
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, true)]
    public void Call_Anonymous_AllowedOnlyWhenConfigured(bool anonymousMayCall, bool expectGood)
    {
        CallMethodResult result = Call([new Variant(1.5), new Variant(4u)], access: new UserAccessPolicy(false, anonymousMayCall), user: null);

        Assert.Equal(expectGood ? StatusCode.Good : StatusCode.BadUserAccessDenied, result.StatusCode);
    }

    [Fact]
    public void Call_NoHandler_BadNotExecutable()
    {
        MethodNode idle = _host.Builder.AddMethod(_host.Folder.NodeId, NodeId.FromString(_host.Ns, "Idle"), "Idle", [], [], null);

        Assert.Equal(StatusCode.BadNotExecutable, Call([], methodId: idle.NodeId).StatusCode);
    }

    [Fact]
    public void AddMethod_InputArgumentsProperty_EncodesArgumentStructures()
    {
        NodeReference property = _scale.References.Single(r => r.ReferenceTypeId == ReferenceTypeIds.HasProperty && !r.IsInverse &&
            _host.Store.TryGetNode(r.TargetId, out Node? n) && n.BrowseName.Name == "InputArguments");
        _host.Store.TryGetNode(property.TargetId, out Node? node);
        var arguments = (ExtensionObject[])((VariableNode)node!).Value.Value.Value!;

        var reader = new UaBinaryReader(arguments[1].Body);
        Assert.Equal(2, arguments.Length);
        Assert.Equal(ObjectIds.ArgumentEncodingDefaultBinary, arguments[1].TypeId);
        Assert.Equal("Count", reader.ReadString());
        Assert.Equal(DataTypeIds.UInt32, reader.ReadNodeId());
        Assert.Equal(ValueRanks.Scalar, reader.ReadInt32());
    }
}
