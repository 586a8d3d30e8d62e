using SortLine.OpcUa.Encoding;

namespace SortLine.OpcUa.AddressSpace;

/// <summary>One field of a host-defined structure data type (StructureField, OPC 10000-3 §8.51), in encoding order.</summary>
/// <param name="Name">Field name.</param>
/// <param name="DataType">A namespace 0 data type, e.g. <see cref="DataTypeIds.Int64"/>.</param>
/// <param name="Description">Optional description, with units.</param>
public sealed record StructureFieldDefinition(string Name, NodeId DataType, string? Description = null);
