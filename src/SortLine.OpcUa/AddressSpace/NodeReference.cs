using SortLine.OpcUa.Encoding;

namespace SortLine.OpcUa.AddressSpace;

/// <summary>A reference held by a node: its type, direction and target (OPC 10000-3 §4.3.4).</summary>
/// <param name="ReferenceTypeId">The reference type node.</param>
/// <param name="IsInverse">True when the holding node is the target of the forward reference.</param>
/// <param name="TargetId">The node at the other end.</param>
public readonly record struct NodeReference(NodeId ReferenceTypeId, bool IsInverse, NodeId TargetId);
