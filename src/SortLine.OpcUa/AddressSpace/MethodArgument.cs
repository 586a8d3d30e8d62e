using SortLine.OpcUa.Encoding;

namespace SortLine.OpcUa.AddressSpace;

/// <summary>
/// One input or output argument of a method (the OPC UA <c>Argument</c> structure, OPC 10000-3 §8.6). The
/// method's InputArguments/OutputArguments properties carry them, and the Call service checks every input value's
/// built-in type and rank against them before the handler runs.
/// </summary>
/// <param name="Name">Argument name (shown by clients).</param>
/// <param name="DataType">Its data type, e.g. <see cref="DataTypeIds.UInt32"/>.</param>
/// <param name="ValueRank">See <see cref="ValueRanks"/>; scalar by default.</param>
/// <param name="Description">Optional description, with units.</param>
public sealed record MethodArgument(string Name, NodeId DataType, int ValueRank = ValueRanks.Scalar, string? Description = null)
{
    /// <summary>Encodes the Argument structure body (Name, DataType, ValueRank, ArrayDimensions, Description).</summary>
    internal void Encode(ref UaBinaryWriter writer)
    {
        writer.WriteString(Name);
        writer.WriteNodeId(DataType);
        writer.WriteInt32(ValueRank);
        writer.WriteArray(ValueRank == ValueRanks.OneDimension ? [0u] : (uint[]?)null, static (ref UaBinaryWriter w, uint v) => w.WriteUInt32(v));
        writer.WriteLocalizedText(Description is null ? default : LocalizedText.FromText(Description));
    }
}
