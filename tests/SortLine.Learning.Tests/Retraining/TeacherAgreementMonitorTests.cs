using SortLine.Learning.Retraining;

namespace SortLine.Learning.Tests.Retraining;

public sealed class TeacherAgreementMonitorTests
{
    [Fact]
    public void Agreement_NothingRecorded_IsNaN()
    {
        var monitor = new TeacherAgreementMonitor(10, 0.8, 5);
        Assert.True(double.IsNaN(monitor.Agreement));
        Assert.Equal(0, monitor.Current.Count);
    }

    [Fact]
    public void Record_MoreThanWindow_CountsOnlyTheLastN()
    {
        var monitor = new TeacherAgreementMonitor(4, 0.0, 1);
        monitor.Record(0, 1, "v1"); // disagree, will leave the window
        monitor.Record(0, 1, "v1"); // disagree, will leave the window
        monitor.Record(2, 2, "v1");
        monitor.Record(3, 3, "v1");
        monitor.Record(4, 4, "v1");
        monitor.Record(1, 0, "v1");

        Assert.Equal(4, monitor.Current.Count);
        Assert.Equal(0.75, monitor.Agreement);
    }

    [Fact]
    public void Record_AgreementFallsBelowThresholdAndRecovers_AlarmOnThenOff()
    {
        var monitor = new TeacherAgreementMonitor(10, 0.8, 5);
        var flips = new List<TeacherAgreement>();
        int updates = 0;
        monitor.AlarmChanged += (_, a) => flips.Add(a);
        monitor.Updated += (_, _) => updates++;

        for (int i = 0; i < 4; i++)
        {
            monitor.Record(0, 1, "v1"); // 4 disagreements: below MinPairs, no alarm yet
        }

        Assert.Empty(flips);
        monitor.Record(0, 1, "v1");
        Assert.True(Assert.Single(flips).IsAlarmed);
        for (int i = 0; i < 10; i++)
        {
            monitor.Record(2, 2, "v1");
        }

        Assert.Equal(2, flips.Count);
        Assert.False(flips[1].IsAlarmed);
        Assert.True(flips[1].Agreement >= 0.8);
        Assert.Equal(15, updates);
    }

    [Fact]
    public void Record_NewModelVersion_RestartsWindowAndClearsAlarm()
    {
        var monitor = new TeacherAgreementMonitor(10, 0.8, 2);
        var flips = new List<TeacherAgreement>();
        monitor.AlarmChanged += (_, a) => flips.Add(a);
        monitor.Record(0, 1, "v1");
        monitor.Record(0, 1, "v1");

        monitor.Record(3, 3, "v2");

        Assert.Equal(new TeacherAgreement(1.0, 1, false, "v2"), monitor.Current);
        Assert.Equal([true, false], flips.Select(f => f.IsAlarmed));
    }

    [Fact]
    public void Reset_ClearsWindow()
    {
        var monitor = new TeacherAgreementMonitor(10, 0.5, 1);
        monitor.Record(1, 1, "v1");

        monitor.Reset("v2");

        Assert.Equal(0, monitor.Current.Count);
        Assert.Equal("v2", monitor.Current.ModelVersion);
    }

    [Theory]
    [InlineData(0, 0.5, 1)]
    [InlineData(10, 1.5, 1)]
    [InlineData(10, 0.5, 0)]
    [InlineData(10, 0.5, 11)]
    public void Constructor_OutOfRange_Throws(int window, double alarm, int minPairs) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new TeacherAgreementMonitor(window, alarm, minPairs));
}
