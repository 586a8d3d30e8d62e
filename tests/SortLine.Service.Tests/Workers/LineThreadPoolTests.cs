using SortLine.Service.Workers;

namespace SortLine.Service.Tests.Workers;

public sealed class LineThreadPoolTests
{
    [Fact]
    public void Reserve_Workers_MinimumCoversTheLinesLoops()
    {
        int reserved = LineThreadPool.Reserve(3);

        ThreadPool.GetMinThreads(out int workers, out _);
        Assert.Equal(workers, reserved);
        Assert.True(workers >= LineThreadPool.ReservedThreads + 3, $"minimum {workers} worker threads");
        Assert.True(workers >= Environment.ProcessorCount);
    }

    [Fact]
    public void Reserve_FewerWorkersThanBefore_NeverLowersTheMinimum()
    {
        int before = LineThreadPool.Reserve(5);

        int after = LineThreadPool.Reserve(1);

        Assert.True(after >= before, $"{after} after {before}");
        ThreadPool.GetMinThreads(out int workers, out _);
        Assert.Equal(after, workers);
    }

    [Fact]
    public void Reserve_NoWorkers_Throws() => Assert.Throws<ArgumentOutOfRangeException>(() => LineThreadPool.Reserve(0));
}
