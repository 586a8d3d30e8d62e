using System.Collections.Concurrent;
using System.Globalization;
using SortLine.Service.Workers;

namespace SortLine.Service.Tests.Workers;

public sealed class BackgroundConsumerTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task TryAdd_Items_ConsumedInOrderOnOneDedicatedThreadAndDisposed()
    {
        var consumed = new List<int>();
        var threads = new HashSet<(int Id, bool IsPool, string? Name)>();
        Item[] items = [.. Enumerable.Range(0, 100).Select(i => new Item(i))];
        using var consumer = new BackgroundConsumer<Item>("test consumer", 8, item =>
        {
            consumed.Add(item.Value);
            threads.Add((Environment.CurrentManagedThreadId, Thread.CurrentThread.IsThreadPoolThread, Thread.CurrentThread.Name));
        });

        foreach (Item item in items)
        {
            while (!consumer.TryAdd(item))
            {
                await Task.Delay(1); // full: the producer retries (the service drops instead)
            }
        }

        consumer.Complete(drain: true);
        await consumer.Completion.WaitAsync(Bound);

        Assert.Equal(Enumerable.Range(0, 100), consumed);
        (int _, bool isPool, string? name) = Assert.Single(threads);
        Assert.False(isPool);
        Assert.Equal("test consumer", name);
        Assert.All(items, i => Assert.True(i.IsDisposed));
    }

    [Fact]
    public void Consumer_OnLinux_RunsAtBackgroundNiceValue()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        int nice = int.MinValue;
        using var done = new ManualResetEventSlim();
        using var consumer = new BackgroundConsumer<Item>("nice", 1, _ =>
        {
            // /proc/thread-self/stat: field 19 is the nice value (fields after the parenthesised name, which has no ')').
            string stat = File.ReadAllText("/proc/thread-self/stat");
            string[] fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            nice = int.Parse(fields[19 - 3], CultureInfo.InvariantCulture);
            done.Set();
        });

        Assert.True(consumer.TryAdd(new Item(1)));
        Assert.True(done.Wait(Bound));

        Assert.Equal(10, nice);
    }

    [Fact]
    public void TryAdd_QueueFull_RefusedAndLeftToTheCaller()
    {
        using var release = new ManualResetEventSlim();
        using var started = new ManualResetEventSlim();
        using var consumer = new BackgroundConsumer<Item>("full", 2, _ =>
        {
            started.Set();
            release.Wait(Bound);
        });
        Assert.True(consumer.TryAdd(new Item(0)));
        Assert.True(started.Wait(Bound)); // the consumer holds item 0; the queue is empty again
        Assert.True(consumer.TryAdd(new Item(1)));
        Assert.True(consumer.TryAdd(new Item(2)));
        var refused = new Item(3);

        bool accepted = consumer.TryAdd(refused);

        Assert.False(accepted);
        Assert.False(refused.IsDisposed);
        Assert.Equal(2, consumer.Count);
        release.Set();
    }

    [Fact]
    public async Task Complete_WithoutDrain_QueuedItemsDisposedUnconsumed()
    {
        using var release = new ManualResetEventSlim();
        using var started = new ManualResetEventSlim();
        var consumed = new ConcurrentQueue<int>();
        using var consumer = new BackgroundConsumer<Item>("discard", 4, item =>
        {
            consumed.Enqueue(item.Value);
            started.Set();
            release.Wait(Bound);
        });
        var first = new Item(0);
        Item[] queued = [new Item(1), new Item(2)];
        Assert.True(consumer.TryAdd(first));
        Assert.True(started.Wait(Bound));
        Assert.All(queued, i => Assert.True(consumer.TryAdd(i)));

        consumer.Complete(drain: false);
        release.Set();
        await consumer.Completion.WaitAsync(Bound);

        Assert.Equal([0], consumed);
        Assert.True(first.IsDisposed);
        Assert.All(queued, i => Assert.True(i.IsDisposed));
        Assert.False(consumer.TryAdd(new Item(3)));
    }

    [Fact]
    public async Task Consume_Throws_CompletionFaultsLaterItemsRefusedQueuedDisposed()
    {
        using var release = new ManualResetEventSlim();
        using var consumer = new BackgroundConsumer<Item>("failing", 4, item =>
        {
            release.Wait(Bound);
            throw new IOException($"item {item.Value}");
        });
        var failing = new Item(0);
        var queued = new Item(1);
        Assert.True(consumer.TryAdd(failing));
        Assert.True(consumer.TryAdd(queued));

        release.Set();
        IOException error = await Assert.ThrowsAsync<IOException>(() => consumer.Completion.WaitAsync(Bound));

        Assert.Equal("item 0", error.Message);
        Assert.True(failing.IsDisposed);
        Assert.True(queued.IsDisposed);
        var late = new Item(2);
        Assert.False(consumer.TryAdd(late));
        Assert.False(late.IsDisposed);
    }

    [Fact]
    public void Constructor_BadArguments_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new BackgroundConsumer<Item>("x", 0, _ => { }));
        Assert.Throws<ArgumentException>(() => new BackgroundConsumer<Item>(" ", 1, _ => { }));
        Assert.Throws<ArgumentNullException>(() => new BackgroundConsumer<Item>("x", 1, null!));
    }

    private sealed class Item(int value) : IDisposable
    {
        private int _disposed;

        public int Value { get; } = value;

        public bool IsDisposed => Volatile.Read(ref _disposed) == 1;

        public void Dispose() => Interlocked.Exchange(ref _disposed, 1);
    }
}
