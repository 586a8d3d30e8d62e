using SortLine.OpcUa.Encoding;

namespace SortLine.OpcUa.AddressSpace;

/// <summary>Namespace 0 data type NodeIds used by SortLine (numeric ids from the OPC Foundation NodeIds.csv, checked against node-opcua-constants 2.186.4).</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "The fields are the OPC UA data type names.")]
public static class DataTypeIds
{
    /// <summary>Boolean (i=1).</summary>
    public static readonly NodeId Boolean = new(1);

    /// <summary>SByte (i=2).</summary>
    public static readonly NodeId SByte = new(2);

    /// <summary>Byte (i=3).</summary>
    public static readonly NodeId Byte = new(3);

    /// <summary>Int16 (i=4).</summary>
    public static readonly NodeId Int16 = new(4);

    /// <summary>UInt16 (i=5).</summary>
    public static readonly NodeId UInt16 = new(5);

    /// <summary>Int32 (i=6).</summary>
    public static readonly NodeId Int32 = new(6);

    /// <summary>UInt32 (i=7).</summary>
    public static readonly NodeId UInt32 = new(7);

    /// <summary>Int64 (i=8).</summary>
    public static readonly NodeId Int64 = new(8);

    /// <summary>UInt64 (i=9).</summary>
    public static readonly NodeId UInt64 = new(9);

    /// <summary>Float (i=10).</summary>
    public static readonly NodeId Float = new(10);

    /// <summary>Double (i=11).</summary>
    public static readonly NodeId Double = new(11);

    /// <summary>String (i=12).</summary>
    public static readonly NodeId String = new(12);

    /// <summary>DateTime (i=13).</summary>
    public static readonly NodeId DateTime = new(13);

    /// <summary>Guid (i=14).</summary>
    public static readonly NodeId Guid = new(14);

    /// <summary>ByteString (i=15).</summary>
    public static readonly NodeId ByteString = new(15);

    /// <summary>XmlElement (i=16).</summary>
    public static readonly NodeId XmlElement = new(16);

    /// <summary>NodeId (i=17).</summary>
    public static readonly NodeId NodeId = new(17);

    /// <summary>ExpandedNodeId (i=18).</summary>
    public static readonly NodeId ExpandedNodeId = new(18);

    /// <summary>StatusCode (i=19).</summary>
    public static readonly NodeId StatusCode = new(19);

    /// <summary>QualifiedName (i=20).</summary>
    public static readonly NodeId QualifiedName = new(20);

    /// <summary>LocalizedText (i=21).</summary>
    public static readonly NodeId LocalizedText = new(21);

    /// <summary>Structure (i=22).</summary>
    public static readonly NodeId Structure = new(22);

    /// <summary>DataValue (i=23).</summary>
    public static readonly NodeId DataValue = new(23);

    /// <summary>BaseDataType (i=24).</summary>
    public static readonly NodeId BaseDataType = new(24);

    /// <summary>DiagnosticInfo (i=25).</summary>
    public static readonly NodeId DiagnosticInfo = new(25);

    /// <summary>Number (i=26).</summary>
    public static readonly NodeId Number = new(26);

    /// <summary>Integer (i=27).</summary>
    public static readonly NodeId Integer = new(27);

    /// <summary>UInteger (i=28).</summary>
    public static readonly NodeId UInteger = new(28);

    /// <summary>Enumeration (i=29).</summary>
    public static readonly NodeId Enumeration = new(29);

    /// <summary>Duration (i=290).</summary>
    public static readonly NodeId Duration = new(290);

    /// <summary>UtcTime (i=294).</summary>
    public static readonly NodeId UtcTime = new(294);

    /// <summary>LocaleId (i=295).</summary>
    public static readonly NodeId LocaleId = new(295);

    /// <summary>Argument (i=296).</summary>
    public static readonly NodeId Argument = new(296);

    /// <summary>ServerState (i=852).</summary>
    public static readonly NodeId ServerState = new(852);

    /// <summary>ServerStatusDataType (i=862).</summary>
    public static readonly NodeId ServerStatusDataType = new(862);

    /// <summary>BuildInfo (i=338).</summary>
    public static readonly NodeId BuildInfo = new(338);
}
