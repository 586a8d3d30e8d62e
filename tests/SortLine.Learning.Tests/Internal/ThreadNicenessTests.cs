using SortLine.Learning.Internal;

namespace SortLine.Learning.Tests.Internal;

public sealed class ThreadNicenessTests
{
    /// <summary>The calling thread's nice value as the kernel reports it (/proc/thread-self/stat, field 19).</summary>
    internal static int CurrentThreadNice()
    {
        string stat = File.ReadAllText("/proc/thread-self/stat");
        string[] fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return int.Parse(fields[16], System.Globalization.CultureInfo.InvariantCulture); // fields after "(comm)" start at field 3
    }

    [Fact]
    public void TrySetCurrentThread_Background_KernelReportsThatNice()
    {
        int before = -1, after = -1, other = -1;
        bool applied = false;
        var thread = new Thread(() =>
        {
            before = CurrentThreadNice();
            applied = ThreadNiceness.TrySetCurrentThread(ThreadNiceness.Background);
            after = CurrentThreadNice();
        });
        thread.Start();
        thread.Join();
        other = CurrentThreadNice();

        Assert.Equal(0, before);
        Assert.True(applied);
        Assert.Equal(ThreadNiceness.Background, after);
        Assert.Equal(0, other); // only that thread, not the process
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(20)]
    public void TrySetCurrentThread_OutOfRange_Throws(int nice) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ThreadNiceness.TrySetCurrentThread(nice));
}
