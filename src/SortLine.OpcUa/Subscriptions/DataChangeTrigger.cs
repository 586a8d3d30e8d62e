namespace SortLine.OpcUa.Subscriptions;

/// <summary>DataChangeTrigger (OPC 10000-4 §7.22.2): what counts as a change.</summary>
internal enum DataChangeTrigger
{
    /// <summary>Status changes only.</summary>
    Status = 0,

    /// <summary>Status or value changes (the default without a filter).</summary>
    StatusValue = 1,

    /// <summary>Status, value or source timestamp changes.</summary>
    StatusValueTimestamp = 2,
}
