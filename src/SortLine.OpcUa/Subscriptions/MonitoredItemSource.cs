using SortLine.OpcUa.AddressSpace;
using SortLine.OpcUa.Encoding;

namespace SortLine.OpcUa.Subscriptions;

/// <summary>
/// What a monitored item samples, resolved and validated by the MonitoredItem service: a reader for the current value
/// of the attribute and, for a variable's stored Value, the variable whose ValueChanged event drives sampling interval
/// 0 (report every change).
/// </summary>
/// <param name="NodeId">The node.</param>
/// <param name="Read">Reads the attribute now (raw: source timestamp kept, no server timestamp).</param>
/// <param name="ChangeSource">The variable whose changes are reported as they happen; null when the value must be polled.</param>
/// <param name="IsStatic">True for attributes other than Value, which never change once a node is built (reported once).</param>
/// <param name="IsNumeric">True when a deadband can apply (numeric Value).</param>
internal sealed record MonitoredItemSource(NodeId NodeId, Func<DataValue> Read, VariableNode? ChangeSource, bool IsStatic, bool IsNumeric);
