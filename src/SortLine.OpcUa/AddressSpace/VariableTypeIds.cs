using SortLine.OpcUa.Encoding;

namespace SortLine.OpcUa.AddressSpace;

/// <summary>Namespace 0 variable type NodeIds used by SortLine (numeric ids from the OPC Foundation NodeIds.csv, checked against node-opcua-constants 2.186.4).</summary>
public static class VariableTypeIds
{
    /// <summary>BaseVariableType (i=62).</summary>
    public static readonly NodeId BaseVariableType = new(62);

    /// <summary>BaseDataVariableType (i=63).</summary>
    public static readonly NodeId BaseDataVariableType = new(63);

    /// <summary>PropertyType (i=68).</summary>
    public static readonly NodeId PropertyType = new(68);

    /// <summary>ServerStatusType (i=2138).</summary>
    public static readonly NodeId ServerStatusType = new(2138);

    /// <summary>BuildInfoType (i=3051).</summary>
    public static readonly NodeId BuildInfoType = new(3051);
}
