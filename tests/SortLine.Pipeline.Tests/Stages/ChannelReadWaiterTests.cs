using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;
using SortLine.Pipeline.Stages;

namespace SortLine.Pipeline.Tests.Stages;

public sealed class ChannelReadWaiterTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task WaitAsync_ItemWrittenWhileWaiting_IsReady()
    {
        Channel<int> channel = CreateChannel();
        using var waiter = new ChannelReadWaiter<int>(channel.Reader, CancellationToken.None);

        ValueTask<ChannelWaitResult> wait = waiter.WaitAsync();
        Assert.False(wait.IsCompleted);
        Assert.True(channel.Writer.TryWrite(7));

        Assert.Equal(ChannelWaitResult.Ready, await wait.AsTask().WaitAsync(Bound));
        Assert.True(channel.Reader.TryRead(out int item));
        Assert.Equal(7, item);
    }

    [Fact]
    public async Task WaitAsync_ItemAlreadyThere_IsReadyAtOnce()
    {
        Channel<int> channel = CreateChannel();
        Assert.True(channel.Writer.TryWrite(1));
        using var waiter = new ChannelReadWaiter<int>(channel.Reader, CancellationToken.None);

        ValueTask<ChannelWaitResult> wait = waiter.WaitAsync();

        Assert.True(wait.IsCompletedSuccessfully);
        Assert.Equal(ChannelWaitResult.Ready, await wait);
    }

    [Fact]
    public async Task WaitAsync_ChannelCompletedAndDrained_IsCompleted()
    {
        Channel<int> channel = CreateChannel();
        using var waiter = new ChannelReadWaiter<int>(channel.Reader, CancellationToken.None);
        ValueTask<ChannelWaitResult> wait = waiter.WaitAsync();

        channel.Writer.Complete();

        Assert.Equal(ChannelWaitResult.Completed, await wait.AsTask().WaitAsync(Bound));
        Assert.Equal(ChannelWaitResult.Completed, await waiter.WaitAsync());
    }

    [Fact]
    public async Task WaitAsync_ChannelCompletedWithError_ThrowsThatError()
    {
        Channel<int> channel = CreateChannel();
        using var waiter = new ChannelReadWaiter<int>(channel.Reader, CancellationToken.None);
        ValueTask<ChannelWaitResult> wait = waiter.WaitAsync();
        var fault = new InvalidOperationException("camera gone");

        channel.Writer.Complete(fault);

        Assert.Same(fault, await Assert.ThrowsAsync<InvalidOperationException>(() => wait.AsTask().WaitAsync(Bound)));
        Assert.Same(fault, await Assert.ThrowsAsync<InvalidOperationException>(() => waiter.WaitAsync().AsTask()));
    }

    [Fact]
    public async Task WaitAsync_CancelledWhileWaiting_ThrowsOperationCanceled()
    {
        Channel<int> channel = CreateChannel();
        using var cts = new CancellationTokenSource();
        using var waiter = new ChannelReadWaiter<int>(channel.Reader, cts.Token);
        ValueTask<ChannelWaitResult> wait = waiter.WaitAsync();

        await cts.CancelAsync();

        OperationCanceledException thrown = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait.AsTask().WaitAsync(Bound));
        Assert.Equal(cts.Token, thrown.CancellationToken);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiter.WaitAsync().AsTask());
    }

    [Fact]
    public async Task WaitAsync_Timeout_TimesOutThenAnItemWakesTheNextWait()
    {
        Channel<int> channel = CreateChannel();
        var time = new FakeTimeProvider();
        using var waiter = new ChannelReadWaiter<int>(channel.Reader, CancellationToken.None, time);

        ValueTask<ChannelWaitResult> first = waiter.WaitAsync(TimeSpan.FromMilliseconds(50));
        time.Advance(TimeSpan.FromMilliseconds(49));
        Assert.False(first.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(ChannelWaitResult.TimedOut, await first.AsTask().WaitAsync(Bound));

        // The first wait's channel wait is still pending: the next wait must still be woken by an item.
        ValueTask<ChannelWaitResult> second = waiter.WaitAsync(TimeSpan.FromHours(1));
        Assert.True(channel.Writer.TryWrite(3));
        Assert.Equal(ChannelWaitResult.Ready, await second.AsTask().WaitAsync(Bound));

        // And the timer of a wait that ended by an item does not end a later untimed wait.
        ValueTask<ChannelWaitResult> third = waiter.WaitAsync();
        Assert.True(third.IsCompletedSuccessfully); // the item is still there
        Assert.True(channel.Reader.TryRead(out _));
        ValueTask<ChannelWaitResult> fourth = waiter.WaitAsync();
        time.Advance(TimeSpan.FromHours(2));
        Assert.False(fourth.IsCompleted);
        channel.Writer.Complete();
        Assert.Equal(ChannelWaitResult.Completed, await fourth.AsTask().WaitAsync(Bound));
    }

    [Fact]
    public void WaitAsync_TimedWithoutTimeProvider_Throws()
    {
        using var waiter = new ChannelReadWaiter<int>(CreateChannel().Reader, CancellationToken.None);

        Assert.Throws<InvalidOperationException>(() => { _ = waiter.WaitAsync(TimeSpan.FromSeconds(1)).AsTask(); });
    }

    // The reason for the type: a stage waits once per item when it keeps up, and the channel's own wait with a cancellable
    // token allocates a waiter each time. Measured on the consumer's thread (the signals come from the thread pool).
    [Fact]
    public void WaitAsync_ManyWaits_AllocatesNothingOnTheConsumerThread()
    {
        Channel<int> channel = CreateChannel();
        using var cts = new CancellationTokenSource();
        using var waiter = new ChannelReadWaiter<int>(channel.Reader, cts.Token);
        Func<ValueTask<ChannelWaitResult>> wait = waiter.WaitAsync;
        Func<ChannelWaitResult, bool> isReady = r => r == ChannelWaitResult.Ready;
        PingPong(channel, wait, isReady, 100); // warm up (JIT, tiering)

        long before = GC.GetAllocatedBytesForCurrentThread();
        PingPong(channel, wait, isReady, 1_000);
        long waiterBytes = GC.GetAllocatedBytesForCurrentThread() - before;

        // Control: the same loop on the channel's wait with the cancellable token allocates, so the measurement can see it.
        before = GC.GetAllocatedBytesForCurrentThread();
        PingPong(channel, () => channel.Reader.WaitToReadAsync(cts.Token), ready => ready, 1_000);
        long channelBytes = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, waiterBytes);
        Assert.True(channelBytes >= 1_000 * 32, $"control allocated {channelBytes} B");
    }

    private static void PingPong<TResult>(Channel<int> channel, Func<ValueTask<TResult>> wait, Func<TResult, bool> isReady, int rounds)
    {
        for (int i = 0; i < rounds; i++)
        {
            ValueTask<TResult> pending = wait();
            if (!channel.Writer.TryWrite(i))
            {
                throw new InvalidOperationException("The channel is full.");
            }

            SpinWait spinner = default;
            while (!pending.IsCompleted)
            {
                spinner.SpinOnce();
            }

            if (!isReady(pending.GetAwaiter().GetResult()) || !channel.Reader.TryRead(out _))
            {
                throw new InvalidOperationException("The wait did not see the item.");
            }
        }
    }

    private static Channel<int> CreateChannel() =>
        Channel.CreateBounded<int>(new BoundedChannelOptions(4) { SingleReader = true, SingleWriter = true });
}
