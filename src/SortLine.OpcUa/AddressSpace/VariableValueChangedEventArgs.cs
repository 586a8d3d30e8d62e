using SortLine.OpcUa.Encoding;

namespace SortLine.OpcUa.AddressSpace;

/// <summary>The new value of a <see cref="VariableNode"/>.</summary>
/// <param name="value">The stored value.</param>
/// <param name="writer">The client that wrote it, or null for a host update.</param>
public sealed class VariableValueChangedEventArgs(DataValue value, VariableWriter? writer = null) : EventArgs
{
    /// <summary>The stored value.</summary>
    public DataValue Value { get; } = value;

    /// <summary>The client that wrote the value through the Write service, or null when the host set it.</summary>
    public VariableWriter? Writer { get; } = writer;
}
