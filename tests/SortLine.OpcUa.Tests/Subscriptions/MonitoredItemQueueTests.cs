using SortLine.OpcUa.Encoding;
using SortLine.OpcUa.Subscriptions;

namespace SortLine.OpcUa.Tests.Subscriptions;

/// <summary>Queue overflow semantics (OPC 10000-4 §5.12.1.5).</summary>
public sealed class MonitoredItemQueueTests
{
    private static DataValue V(int i) => new() { Value = new Variant(i) };

    private static List<(int Value, uint Status)> Drain(MonitoredItemQueue queue)
    {
        var list = new List<(int, uint)>();
        while (queue.TryDequeue(out DataValue v))
        {
            list.Add(((int)v.Value.Value!, v.Status.Code));
        }

        return list;
    }

    [Fact]
    public void Enqueue_DiscardOldest_DropsOldestAndFlagsNewOldest()
    {
        var queue = new MonitoredItemQueue(3, discardOldest: true);

        for (int i = 1; i <= 5; i++)
        {
            queue.Enqueue(V(i));
        }

        Assert.Equal([(3, 0x480u), (4, 0u), (5, 0u)], Drain(queue));
        Assert.Equal(2, queue.DiscardedCount);
    }

    [Fact]
    public void Enqueue_DiscardNewest_ReplacesNewestAndFlagsIt()
    {
        var queue = new MonitoredItemQueue(3, discardOldest: false);

        for (int i = 1; i <= 5; i++)
        {
            queue.Enqueue(V(i));
        }

        Assert.Equal([(1, 0u), (2, 0u), (5, 0x480u)], Drain(queue));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Enqueue_SizeOne_KeepsNewestWithoutOverflowBit(bool discardOldest)
    {
        var queue = new MonitoredItemQueue(1, discardOldest);

        queue.Enqueue(V(1));
        queue.Enqueue(V(2));

        Assert.Equal([(2, 0u)], Drain(queue));
    }

    [Fact]
    public void Enqueue_LargeCapacity_FifoAcrossGrowthAndWrap()
    {
        var queue = new MonitoredItemQueue(100, discardOldest: true);
        for (int i = 0; i < 250; i++)
        {
            queue.Enqueue(V(i));
        }

        List<(int Value, uint Status)> drained = Drain(queue);

        Assert.Equal(Enumerable.Range(150, 100), drained.Select(d => d.Value));
        Assert.Equal(0x480u, drained[0].Status);
        Assert.Equal(150, queue.DiscardedCount);
    }
}
