using System.Globalization;
using SortLine.OpcUa.Encoding;

namespace SortLine.OpcUa.AddressSpace;

/// <summary>
/// A variable node (OPC 10000-3 §5.6.1) holding either a settable value (<see cref="SetValue"/>, raising
/// <see cref="ValueChanged"/> for later subscriptions) or a value source callback (<see cref="ValueSource"/>,
/// called on every read). Writes from clients pass the type and access checks of the Write service and then
/// <see cref="WriteValidator"/>, which can refuse the value (e.g. Bad_OutOfRange) so nothing changes.
/// </summary>
/// <remarks>Thread-safe: the value is an immutable <see cref="DataValue"/> swapped atomically.</remarks>
public sealed class VariableNode : Node
{
    private DataValue _value = new() { Status = StatusCode.UncertainInitialValue };

    internal VariableNode(NodeId nodeId, QualifiedName browseName, LocalizedText displayName, NodeId dataType, BuiltInType valueType, int valueRank, byte accessLevel)
        : base(nodeId, browseName, displayName)
    {
        DataType = dataType;
        ValueType = valueType;
        ValueRank = valueRank;
        AccessLevel = accessLevel;
    }

    /// <summary>Raised after <see cref="SetValue"/> (host updates and accepted client writes) changed the stored value.</summary>
    public event EventHandler<VariableValueChangedEventArgs>? ValueChanged;

    /// <inheritdoc/>
    public override NodeClass NodeClass => NodeClass.Variable;

    /// <summary>The DataType attribute (a DataType node).</summary>
    public NodeId DataType { get; }

    /// <summary>The built-in type values of <see cref="DataType"/> are encoded as (<see cref="BuiltInType.Variant"/> for BaseDataType: any).</summary>
    public BuiltInType ValueType { get; }

    /// <summary>The ValueRank attribute (see <see cref="ValueRanks"/>).</summary>
    public int ValueRank { get; }

    /// <summary>The ArrayDimensions attribute; null when not specified.</summary>
    public IReadOnlyList<uint>? ArrayDimensions { get; init; }

    /// <summary>The AccessLevel attribute (see <see cref="AccessLevels"/>).</summary>
    public byte AccessLevel { get; }

    /// <summary>The UserAccessLevel attribute (no per-user rights yet: equals <see cref="AccessLevel"/>).</summary>
    public byte UserAccessLevel => AccessLevel;

    /// <summary>The MinimumSamplingInterval attribute in milliseconds (0 = changes are reported as they happen, -1 = indeterminate).</summary>
    public double MinimumSamplingInterval { get; init; }

    /// <summary>The Historizing attribute (SortLine keeps no history, so false unless a host says otherwise).</summary>
    public bool Historizing { get; init; }

    /// <summary>When set, every read calls it instead of returning the stored value (e.g. the server's CurrentTime).</summary>
    public Func<DataValue>? ValueSource { get; set; }

    /// <summary>Called for each client write that passed the type and access checks; a non-Good result refuses the write and nothing changes.</summary>
    public VariableWriteValidator? WriteValidator { get; set; }

    /// <summary>The current value (from <see cref="ValueSource"/> when set).</summary>
    public DataValue Value => ValueSource is { } source ? source() : Volatile.Read(ref _value);

    /// <summary>Stores a new value and raises <see cref="ValueChanged"/>.</summary>
    /// <param name="value">The value; its type must match <see cref="ValueType"/> and its array-ness <see cref="ValueRank"/> (a null Variant is allowed).</param>
    /// <param name="status">Its status (Good by default).</param>
    /// <param name="sourceTimestamp">When the source produced it (UTC); null for none.</param>
    /// <exception cref="ArgumentException">The value does not fit the variable's data type or value rank.</exception>
    public void SetValue(Variant value, StatusCode status = default, DateTime? sourceTimestamp = null) => Store(value, status, sourceTimestamp, null);

    /// <summary>Stores a value a client wrote (after the Write service's checks) and raises <see cref="ValueChanged"/> naming the writer.</summary>
    internal void SetWrittenValue(Variant value, StatusCode status, DateTime? sourceTimestamp, VariableWriter writer) => Store(value, status, sourceTimestamp, writer);

    private void Store(Variant value, StatusCode status, DateTime? sourceTimestamp, VariableWriter? writer)
    {
        if (!Accepts(value))
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"{value} does not fit {NodeId} (type {ValueType}, value rank {ValueRank})"),
                nameof(value));
        }

        var dataValue = new DataValue { Value = value, Status = status, SourceTimestamp = sourceTimestamp };
        Volatile.Write(ref _value, dataValue);
        ValueChanged?.Invoke(this, new VariableValueChangedEventArgs(dataValue, writer));
    }

    /// <summary>True when <paramref name="value"/> has the variable's built-in type and a rank its ValueRank allows.</summary>
    public bool Accepts(Variant value)
    {
        if (value.IsNull)
        {
            return true;
        }

        bool typeOk = ValueType switch
        {
            BuiltInType.Variant => true,
            _ => value.Type == ValueType,
        };
        int rank = !value.IsArray ? -1 : value.HasArrayDimensions ? value.ArrayDimensions.Length : 1;
        bool rankOk = ValueRank switch
        {
            ValueRanks.Any => true,
            ValueRanks.Scalar => rank == -1,
            ValueRanks.ScalarOrOneDimension => rank is -1 or 1,
            ValueRanks.OneOrMoreDimensions => rank >= 1,
            _ => rank == ValueRank,
        };
        return typeOk && rankOk;
    }
}
