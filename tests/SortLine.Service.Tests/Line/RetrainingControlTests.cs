using SortLine.Service.Line;

namespace SortLine.Service.Tests.Line;

/// <summary><see cref="RetrainingControl"/> without a session (the session paths run in the integration and interop tests).</summary>
public sealed class RetrainingControlTests
{
    private readonly RetrainingControl _control = new();

    [Fact]
    public void RequestRetrain_NoSession_InvalidState()
    {
        Assert.Equal(ControlOutcome.InvalidState, _control.RequestRetrain("drift"));
    }

    [Fact]
    public void RollbackTo_NoSession_InvalidStateAndNoChampion()
    {
        ControlOutcome outcome = _control.RollbackTo("student-6", "opcua", out string? champion);

        Assert.Equal(ControlOutcome.InvalidState, outcome);
        Assert.Null(champion);
    }

    [Fact]
    public void RollbackTo_SessionDetached_InvalidStateAgain()
    {
        _control.Attach(null);

        Assert.Equal(ControlOutcome.InvalidState, _control.RollbackTo("student-6", "opcua", out _));
    }

    [Fact]
    public void TeacherAgreement_NoSession_Null()
    {
        Assert.Null(_control.TeacherAgreement);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void BlankArguments_Throw(string blank)
    {
        Assert.ThrowsAny<ArgumentException>(() => _control.RequestRetrain(blank));
        Assert.ThrowsAny<ArgumentException>(() => _control.RollbackTo(blank, "opcua", out _));
        Assert.ThrowsAny<ArgumentException>(() => _control.RollbackTo("student-6", blank, out _));
    }
}
