using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SortLine.OpcUa.Subscriptions;

namespace SortLine.OpcUa.Tests.Subscriptions;

/// <summary>Subscription ids of a restarted server (a new manager in the same process) never reuse an earlier server's ids.</summary>
public sealed class SubscriptionIdTests
{
    [Fact]
    public void NextId_ServerRestartedAtTheSameClockTime_StartsAboveTheEarlierServersIds()
    {
        // The same fake clock for both: only the process-wide high-water mark can keep the ids apart.
        var time = new FakeTimeProvider(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var first = new SubscriptionManager(new SubscriptionLimits(), time, NullLogger.Instance);
        uint[] before = [first.NextId(), first.NextId(), first.NextId()];

        var restarted = new SubscriptionManager(new SubscriptionLimits(), time, NullLogger.Instance);
        uint after = restarted.NextId();

        Assert.All(before, id => Assert.True(after > id, $"restarted server's id {after} is not above {id}"));
    }

    [Fact]
    public void NextId_FirstIdOfAServer_IsNotOne()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var manager = new SubscriptionManager(new SubscriptionLimits(), time, NullLogger.Instance);

        uint id = manager.NextId();

        Assert.NotEqual(1u, id);
        Assert.NotEqual(0u, id);
    }

    [Fact]
    public void NextId_SuccessiveIds_IncreaseByOne()
    {
        var manager = new SubscriptionManager(new SubscriptionLimits(), new FakeTimeProvider(), NullLogger.Instance);

        uint a = manager.NextId();
        uint b = manager.NextId();

        Assert.Equal(a + 1, b);
    }

    [Fact]
    public void StartSeed_LaterStartInANewProcess_IsTheStartTimeInMilliseconds()
    {
        var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(int.MaxValue - 10L));

        long seed = SubscriptionManager.StartSeed(time);

        // Above the clock value unless this process already handed out higher ids.
        Assert.True(seed >= int.MaxValue - 10L);
    }
}
