namespace SortLine.Pipeline.Tests;

public sealed class PipelineMetricsTests
{
    [Theory]
    [InlineData("sortline pipeline_total")]
    [InlineData("9sortline_total")]
    [InlineData("sortline_pipeline_items")]
    public void GetCounter_InvalidName_Throws(string name)
    {
        Assert.Throws<ArgumentException>(() => new PipelineMetrics().GetCounter(name, "help", "stage", ""));
    }

    [Fact]
    public void GetCounter_SameLabels_SameSeries()
    {
        var metrics = new PipelineMetrics();
        metrics.GetCounter(PipelineMetrics.ItemsDropped, "h", "particles", DropReasons.Deadline).Add(2);
        metrics.GetCounter(PipelineMetrics.ItemsDropped, "h", "particles", DropReasons.Deadline).Add(3);
        metrics.GetCounter(PipelineMetrics.ItemsDropped, "h", "particles", DropReasons.QueueFull).Add(1);

        Assert.Equal(5, metrics.Value(PipelineMetrics.ItemsDropped, "particles", DropReasons.Deadline));
        Assert.Equal(
            [("particles", DropReasons.Deadline, 5L), ("particles", DropReasons.QueueFull, 1L)],
            metrics.Snapshot().Select(s => (s.Stage, s.Reason, s.Value)));
    }
}
