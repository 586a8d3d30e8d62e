namespace SortLine.OpcUa.Encoding;

/// <summary>
/// The 25 built-in types of OPC 10000-6 §5.1.2 (Table 1). The value is the Variant type id (mask bits 0-5)
/// and the ns=0 DataType NodeId.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "The members are the OPC UA built-in type names (OPC 10000-6 §5.1.2).")]
public enum BuiltInType : byte
{
    /// <summary>No value (a null Variant).</summary>
    Null = 0,

    /// <summary>Boolean: one byte, 0 = false.</summary>
    Boolean = 1,

    /// <summary>SByte: signed 8-bit integer.</summary>
    SByte = 2,

    /// <summary>Byte: unsigned 8-bit integer.</summary>
    Byte = 3,

    /// <summary>Int16: signed 16-bit integer.</summary>
    Int16 = 4,

    /// <summary>UInt16: unsigned 16-bit integer.</summary>
    UInt16 = 5,

    /// <summary>Int32: signed 32-bit integer (also enumerations).</summary>
    Int32 = 6,

    /// <summary>UInt32: unsigned 32-bit integer.</summary>
    UInt32 = 7,

    /// <summary>Int64: signed 64-bit integer.</summary>
    Int64 = 8,

    /// <summary>UInt64: unsigned 64-bit integer.</summary>
    UInt64 = 9,

    /// <summary>Float: IEEE-754 single precision.</summary>
    Float = 10,

    /// <summary>Double: IEEE-754 double precision.</summary>
    Double = 11,

    /// <summary>String: UTF-8 with an Int32 length prefix; -1 = null.</summary>
    String = 12,

    /// <summary>DateTime: Int64 count of 100 ns ticks since 1601-01-01 UTC.</summary>
    DateTime = 13,

    /// <summary>Guid: 16 bytes, Data1-Data3 little-endian.</summary>
    Guid = 14,

    /// <summary>ByteString: bytes with an Int32 length prefix; -1 = null.</summary>
    ByteString = 15,

    /// <summary>XmlElement: an XML fragment encoded as a String.</summary>
    XmlElement = 16,

    /// <summary>NodeId.</summary>
    NodeId = 17,

    /// <summary>ExpandedNodeId.</summary>
    ExpandedNodeId = 18,

    /// <summary>StatusCode: UInt32.</summary>
    StatusCode = 19,

    /// <summary>QualifiedName: namespace index and name.</summary>
    QualifiedName = 20,

    /// <summary>LocalizedText: mask, locale, text.</summary>
    LocalizedText = 21,

    /// <summary>ExtensionObject: a structure with its encoding type id.</summary>
    ExtensionObject = 22,

    /// <summary>DataValue: value with status and timestamps.</summary>
    DataValue = 23,

    /// <summary>Variant: only as an array element inside a Variant.</summary>
    Variant = 24,

    /// <summary>DiagnosticInfo: recursive diagnostics.</summary>
    DiagnosticInfo = 25,
}
