using SortLine.Pipeline.Scheduling;
using SortLine.Pipeline.Sinks;
using SortLine.Service.Line;

namespace SortLine.Service.Workers;

/// <summary>A decision sink that keeps the recent ejection commands in the <see cref="DecisionJournal"/>.</summary>
internal sealed class JournalSink(DecisionJournal journal) : IDecisionSink
{
    /// <inheritdoc/>
    public string Name => "sink_journal";

    /// <inheritdoc/>
    public ValueTask WriteAsync(EjectionCommand command, CancellationToken cancellationToken)
    {
        journal.Record(command);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc/>
    public ValueTask CompleteAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
