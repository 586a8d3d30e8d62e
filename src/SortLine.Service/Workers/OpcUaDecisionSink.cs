using SortLine.OpcUa.AddressSpace;
using SortLine.Pipeline.Sinks;
using UaEjectionCommand = SortLine.OpcUa.AddressSpace.EjectionCommand;

namespace SortLine.Service.Workers;

/// <summary>
/// Delivers ejection commands to the PLC link: the OPC UA <see cref="DecisionPublisher"/> of the sorter address space
/// (bounded and non-blocking; a full queue drops and counts in <c>Line/Decisions/DroppedCount</c>).
/// </summary>
/// <remarks>The node set is attached by <see cref="OpcUaWorker"/> when the server has started; before that (or with the
/// server disabled) commands are not published.</remarks>
internal sealed class OpcUaDecisionSink : IDecisionSink
{
    private SortLineNodeSet? _nodes;

    /// <inheritdoc/>
    public string Name => "sink_opcua";

    /// <summary>Attaches (or detaches, with null) the sorter node set.</summary>
    public void Attach(SortLineNodeSet? nodes) => Volatile.Write(ref _nodes, nodes);

    /// <inheritdoc/>
    public ValueTask WriteAsync(SortLine.Pipeline.Scheduling.EjectionCommand command, CancellationToken cancellationToken)
    {
        SortLineNodeSet? nodes = Volatile.Read(ref _nodes);
        if (nodes is not null)
        {
            var ua = new UaEjectionCommand((ulong)command.Sequence, (ushort)command.FirstValve, (ushort)command.LastValve,
                command.Start.Counts, command.End.Counts, (ushort)command.Class, command.Confidence);
            nodes.Decisions.TryPublish(ua);
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc/>
    public ValueTask CompleteAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
