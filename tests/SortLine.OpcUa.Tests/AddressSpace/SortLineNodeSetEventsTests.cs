using Microsoft.Extensions.Logging.Abstractions;
using SortLine.OpcUa.AddressSpace;
using SortLine.OpcUa.Encoding;
using SortLine.OpcUa.Services;
using SortLine.OpcUa.Sessions;
using SortLine.OpcUa.Tests.Services;

namespace SortLine.OpcUa.Tests.AddressSpace;

/// <summary>
/// Who changed what: <see cref="VariableValueChangedEventArgs.Writer"/> and <see cref="SortLineConfigurationChangedEventArgs.Writer"/>
/// name the writing session's user (null for a host update), and <see cref="SortLineNodeSet.MethodCalled"/> reports every
/// call that reached its host handler with the caller and the status returned.
/// </summary>
public sealed class SortLineNodeSetEventsTests
{
    private readonly ServiceTestHost _host = new();
    private readonly SortLineNodeSet _nodes;

    public SortLineNodeSetEventsTests() => _nodes = SortLineNodeSet.Create(
        _host.Builder,
        new SortLineNodeSetOptions { ClassNames = ["background", "lepidolite", "albite"], InitialConfiguration = new SortLineConfiguration(["lepidolite"], 0.5, 20) },
        new SortLineMethodHandlers
        {
            StopLine = _ => ValueTask.FromResult(StatusCode.Good),
            StartLine = _ => ValueTask.FromResult(StatusCode.BadInvalidState),
            CaptureDarkReference = (_, _) => ValueTask.FromResult(StatusCode.Good),
        });

    private Session SessionOf(string? user)
    {
        Session session = _host.Sessions.TryCreate(ServiceTestHost.Channel, "t", 60_000)!;
        session.Activate(ServiceTestHost.Channel, user);
        return session;
    }

    private StatusCode Write(NodeId nodeId, Variant value, string? user) =>
        new AttributeServices(_host.Store, _host.Limits, new UserAccessPolicy(true, true)).Write(_host.Context(SessionOf(user)), new WriteRequest
        {
            RequestHeader = new RequestHeader(),
            NodesToWrite = [new WriteValue { NodeId = nodeId, AttributeId = 13, Value = new DataValue { Value = value } }],
        }).Results![0];

    private async Task<StatusCode> CallAsync(string method, string? user, params Variant[] inputs)
    {
        var services = new MethodServices(_host.Store, new UserAccessPolicy(true, true), 10, NullLogger.Instance);
        var response = (CallResponse)await services.CallAsync(
            _host.Context(SessionOf(user)),
            new CallRequest
            {
                RequestHeader = new RequestHeader(),
                MethodsToCall = [new CallMethodRequest { ObjectId = NodeId.FromString(_nodes.NamespaceIndex, "Line"), MethodId = NodeId.FromString(_nodes.NamespaceIndex, "Line." + method), InputArguments = inputs }],
            },
            CancellationToken.None);
        return response.Results![0].StatusCode;
    }

    [Theory]
    [InlineData("operator-7")]
    [InlineData(null)]
    public void Write_ClientSession_ValueChangedAndConfigurationChangedNameTheUser(string? user)
    {
        var values = new List<VariableValueChangedEventArgs>();
        var configurations = new List<SortLineConfigurationChangedEventArgs>();
        _nodes.EjectThreshold.ValueChanged += (_, e) => values.Add(e);
        _nodes.ConfigurationChanged += (_, e) => configurations.Add(e);

        StatusCode status = Write(_nodes.EjectThreshold.NodeId, new Variant(0.8), user);

        Assert.Equal(StatusCode.Good, status);
        VariableValueChangedEventArgs value = Assert.Single(values);
        Assert.NotNull(value.Writer);
        Assert.Equal(user, value.Writer.UserName);
        Assert.Equal(0.8, (double)value.Value.Value.Value!);
        SortLineConfigurationChangedEventArgs configuration = Assert.Single(configurations);
        Assert.NotNull(configuration.Writer);
        Assert.Equal(user, configuration.Writer.UserName);
        Assert.Equal(0.8, configuration.Configuration.EjectThreshold);
    }

    [Fact]
    public void Write_Refused_NoEvents()
    {
        int events = 0;
        _nodes.EjectThreshold.ValueChanged += (_, _) => events++;
        _nodes.ConfigurationChanged += (_, _) => events++;

        StatusCode status = Write(_nodes.EjectThreshold.NodeId, new Variant(1.5), "operator");

        Assert.Equal(StatusCode.BadOutOfRange, status);
        Assert.Equal(0, events);
        Assert.Equal(0.5, _nodes.Configuration.EjectThreshold);
    }

    [Fact]
    public void HostUpdates_SetValueAndSetConfiguration_WriterIsNullAndOneConfigurationEvent()
    {
        var values = new List<VariableValueChangedEventArgs>();
        var configurations = new List<SortLineConfigurationChangedEventArgs>();
        _nodes.BeltSpeed.ValueChanged += (_, e) => values.Add(e);
        _nodes.ConfigurationChanged += (_, e) => configurations.Add(e);

        _nodes.SetBeltSpeed(2.5);
        _nodes.SetConfiguration(new SortLineConfiguration(["albite"], 0.6, 30));

        Assert.Null(Assert.Single(values).Writer);
        SortLineConfigurationChangedEventArgs configuration = Assert.Single(configurations);
        Assert.Null(configuration.Writer);
        Assert.Equal(["albite"], configuration.Configuration.TargetClasses);
        Assert.Equal((0.6, 30u), (configuration.Configuration.EjectThreshold, configuration.Configuration.MinParticlePixels));
        Assert.Equal(0.6, _nodes.Configuration.EjectThreshold);
    }

    [Fact]
    public async Task Call_HandlerRan_MethodCalledWithUserAndStatus()
    {
        var calls = new List<SortLineMethodCalledEventArgs>();
        _nodes.MethodCalled += (_, e) => calls.Add(e);

        StatusCode stop = await CallAsync("StopLine", "operator-7");
        StatusCode start = await CallAsync("StartLine", null);

        Assert.Equal((StatusCode.Good, StatusCode.BadInvalidState), (stop, start));
        Assert.Equal(2, calls.Count);
        Assert.Equal(("StopLine", "operator-7", StatusCode.Good), (calls[0].MethodName, calls[0].UserName, calls[0].Status));
        Assert.Equal(("StartLine", (string?)null, StatusCode.BadInvalidState), (calls[1].MethodName, calls[1].UserName, calls[1].Status));
    }

    [Fact]
    public async Task Call_RefusedByInputChecks_NoMethodCalled()
    {
        int calls = 0;
        _nodes.MethodCalled += (_, _) => calls++;

        StatusCode outOfRange = await CallAsync("CaptureDarkReference", "operator", new Variant(0u));
        StatusCode wrongType = await CallAsync("CaptureDarkReference", "operator", new Variant("16"));

        Assert.Equal((StatusCode.BadInvalidArgument, StatusCode.BadInvalidArgument), (outOfRange, wrongType));
        Assert.Equal(0, calls);
    }
}
