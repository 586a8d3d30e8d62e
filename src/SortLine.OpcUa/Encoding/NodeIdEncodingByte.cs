namespace SortLine.OpcUa.Encoding;

/// <summary>The NodeId encoding byte (OPC 10000-6 §5.2.2.9, Table 6; flags from §5.2.2.10).</summary>
internal static class NodeIdEncodingByte
{
    /// <summary>ns 0, identifier ≤ 255: one id byte.</summary>
    public const byte TwoByte = 0x00;

    /// <summary>ns ≤ 255, identifier ≤ 65535: ns byte then UInt16.</summary>
    public const byte FourByte = 0x01;

    /// <summary>UInt16 ns then UInt32.</summary>
    public const byte Numeric = 0x02;

    /// <summary>UInt16 ns then String.</summary>
    public const byte String = 0x03;

    /// <summary>UInt16 ns then Guid.</summary>
    public const byte Guid = 0x04;

    /// <summary>UInt16 ns then ByteString.</summary>
    public const byte ByteString = 0x05;

    /// <summary>Low 6 bits: the form.</summary>
    public const byte FormMask = 0x3F;

    /// <summary>ExpandedNodeId only: a ServerIndex UInt32 follows.</summary>
    public const byte ServerIndexFlag = 0x40;

    /// <summary>ExpandedNodeId only: a NamespaceUri String follows.</summary>
    public const byte NamespaceUriFlag = 0x80;
}
