using SortLine.OpcUa.Encoding;

namespace SortLine.OpcUa.AddressSpace;

/// <summary>Namespace 0 object type NodeIds used by SortLine (numeric ids from the OPC Foundation NodeIds.csv, checked against node-opcua-constants 2.186.4).</summary>
public static class ObjectTypeIds
{
    /// <summary>BaseObjectType (i=58).</summary>
    public static readonly NodeId BaseObjectType = new(58);

    /// <summary>FolderType (i=61).</summary>
    public static readonly NodeId FolderType = new(61);

    /// <summary>DataTypeEncodingType (i=76).</summary>
    public static readonly NodeId DataTypeEncodingType = new(76);

    /// <summary>ServerType (i=2004).</summary>
    public static readonly NodeId ServerType = new(2004);
}
