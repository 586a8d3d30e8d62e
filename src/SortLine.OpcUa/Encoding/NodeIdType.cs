namespace SortLine.OpcUa.Encoding;

/// <summary>The identifier type of a <see cref="NodeId"/> (OPC 10000-3 §8.2.3).</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "The members are the OPC UA built-in type names (OPC 10000-6 §5.1.2).")]
public enum NodeIdType : byte
{
    /// <summary>A UInt32 identifier (TwoByte, FourByte or Numeric on the wire).</summary>
    Numeric = 0,

    /// <summary>A String identifier.</summary>
    String = 1,

    /// <summary>A Guid identifier.</summary>
    Guid = 2,

    /// <summary>An opaque ByteString identifier.</summary>
    Opaque = 3,
}
