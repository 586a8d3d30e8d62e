using SortLine.OpcUa.Encoding;

namespace SortLine.OpcUa.AddressSpace;

/// <summary>The new value of a <see cref="VariableNode"/>.</summary>
/// <param name="value">The stored value.</param>
public sealed class VariableValueChangedEventArgs(DataValue value) : EventArgs
{
    /// <summary>The stored value.</summary>
    public DataValue Value { get; } = value;
}
