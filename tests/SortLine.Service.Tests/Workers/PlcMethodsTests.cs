using SortLine.OpcUa.AddressSpace;
using SortLine.OpcUa.Encoding;
using SortLine.Service.Line;
using SortLine.Service.Workers;

namespace SortLine.Service.Tests.Workers;

/// <summary>
/// The PLC's methods: each outcome's status code, and the handlers' answers when nothing is attached (sorting not started,
/// no retraining session), for blank inputs, and for ResetCounters.
/// </summary>
public sealed class PlcMethodsTests
{
    private readonly DecisionJournal _journal = new();
    private readonly PlcCounters _counters;
    private readonly RetrainingControl _retraining = new();
    private int _refreshes;
    private readonly SortLineMethodHandlers _handlers;

    public PlcMethodsTests()
    {
        _counters = new PlcCounters(_journal, () => 0, 6);
        _handlers = new PlcMethods(new LineControl(), _retraining, _counters, () => _refreshes++).CreateHandlers();
    }

    [Theory]
    [InlineData(0, 0x00000000u)] // Done → Good
    [InlineData(1, 0x80AF0000u)] // InvalidState → Bad_InvalidState
    [InlineData(2, 0x803E0000u)] // NotFound → Bad_NotFound
    public void ToStatus_Outcome_StatusCodeOfOpc10000Part4(int outcome, uint code)
    {
        Assert.Equal(code, PlcMethods.ToStatus((ControlOutcome)outcome).Code);
    }

    [Fact]
    public async Task LineMethods_NoLineAttached_BadInvalidState()
    {
        StatusCode[] statuses =
        [
            await _handlers.StartLine!(CancellationToken.None),
            await _handlers.StopLine!(CancellationToken.None),
            await _handlers.CaptureDarkReference!(16, CancellationToken.None),
            await _handlers.CaptureWhiteReference!(16, CancellationToken.None),
        ];

        Assert.All(statuses, s => Assert.Equal(StatusCode.BadInvalidState, s));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task RequestRetrain_BlankReason_BadInvalidArgument(string reason)
    {
        Assert.Equal(StatusCode.BadInvalidArgument, await _handlers.RequestRetrain!(reason, CancellationToken.None));
    }

    [Fact]
    public async Task RequestRetrainAndRollback_NoSession_BadInvalidState()
    {
        Assert.Equal(StatusCode.BadInvalidState, await _handlers.RequestRetrain!("drift", CancellationToken.None));
        Assert.Equal(StatusCode.BadInvalidState, await _handlers.RollbackModel!("student-6", CancellationToken.None));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public async Task RollbackModel_BlankVersion_BadNotFound(string version)
    {
        Assert.Equal(StatusCode.BadNotFound, await _handlers.RollbackModel!(version, CancellationToken.None));
    }

    [Fact]
    public async Task ResetCounters_Good_CountersZeroAndPublishedOnce()
    {
        _journal.CountDroppedLines(9);

        StatusCode status = await _handlers.ResetCounters!(CancellationToken.None);

        Assert.Equal(StatusCode.Good, status);
        Assert.Equal(0UL, _counters.DroppedLines);
        Assert.Equal(1, _counters.Resets);
        Assert.Equal(1, _refreshes);
        Assert.Equal(9, _journal.LinesDropped);
    }
}
