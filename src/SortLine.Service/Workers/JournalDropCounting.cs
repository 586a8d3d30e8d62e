using SortLine.Pipeline;
using SortLine.Pipeline.Stages;
using SortLine.Service.Line;

namespace SortLine.Service.Workers;

/// <summary>
/// The pipeline counters of one <see cref="SortingPipeline"/>: those of the host (<see cref="PipelineCounterMetrics.Counters"/>),
/// with the classification stage's dropped lines (camera edge full, deadline, no free line) also counted in the
/// <see cref="DecisionJournal"/> (lines dropped, as the OPC UA node and the tests read them).
/// </summary>
internal sealed class JournalDropCounting(IPipelineMetrics inner, DecisionJournal journal) : IPipelineMetrics
{
    /// <inheritdoc/>
    public IPipelineCounter GetCounter(string name, string help, string stage, string reason)
    {
        IPipelineCounter counter = inner.GetCounter(name, help, stage, reason);
        return name == PipelineMetrics.ItemsDropped && stage == ClassificationStage.StageName ? new Counting(counter, journal) : counter;
    }

    private sealed class Counting(IPipelineCounter inner, DecisionJournal journal) : IPipelineCounter
    {
        public void Add(long value)
        {
            inner.Add(value);
            journal.CountDroppedLines(value);
        }
    }
}
