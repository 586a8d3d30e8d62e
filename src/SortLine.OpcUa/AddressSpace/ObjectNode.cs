using SortLine.OpcUa.Encoding;

namespace SortLine.OpcUa.AddressSpace;

/// <summary>An object node (OPC 10000-3 §5.5.1).</summary>
public sealed class ObjectNode : Node
{
    internal ObjectNode(NodeId nodeId, QualifiedName browseName, LocalizedText displayName, byte eventNotifier)
        : base(nodeId, browseName, displayName)
    {
        EventNotifier = eventNotifier;
    }

    /// <inheritdoc/>
    public override NodeClass NodeClass => NodeClass.Object;

    /// <summary>The EventNotifier attribute (bit 0: events can be subscribed).</summary>
    public byte EventNotifier { get; }
}
