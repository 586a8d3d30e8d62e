using SortLine.OpcUa.Encoding;

namespace SortLine.OpcUa.AddressSpace;

/// <summary>Namespace 0 object NodeIds used by SortLine (numeric ids from the OPC Foundation NodeIds.csv, checked against node-opcua-constants 2.186.4).</summary>
public static class ObjectIds
{
    /// <summary>RootFolder (i=84).</summary>
    public static readonly NodeId RootFolder = new(84);

    /// <summary>ObjectsFolder (i=85).</summary>
    public static readonly NodeId ObjectsFolder = new(85);

    /// <summary>TypesFolder (i=86).</summary>
    public static readonly NodeId TypesFolder = new(86);

    /// <summary>ViewsFolder (i=87).</summary>
    public static readonly NodeId ViewsFolder = new(87);

    /// <summary>ObjectTypesFolder (i=88).</summary>
    public static readonly NodeId ObjectTypesFolder = new(88);

    /// <summary>VariableTypesFolder (i=89).</summary>
    public static readonly NodeId VariableTypesFolder = new(89);

    /// <summary>DataTypesFolder (i=90).</summary>
    public static readonly NodeId DataTypesFolder = new(90);

    /// <summary>ReferenceTypesFolder (i=91).</summary>
    public static readonly NodeId ReferenceTypesFolder = new(91);

    /// <summary>Server (i=2253).</summary>
    public static readonly NodeId Server = new(2253);

    /// <summary>ServerCapabilities (i=2268).</summary>
    public static readonly NodeId ServerCapabilities = new(2268);

    /// <summary>OperationLimits (i=11704).</summary>
    public static readonly NodeId OperationLimits = new(11704);

    /// <summary>ModellingRuleMandatory (i=78).</summary>
    public static readonly NodeId ModellingRuleMandatory = new(78);

    /// <summary>ModellingRuleOptional (i=80).</summary>
    public static readonly NodeId ModellingRuleOptional = new(80);

    /// <summary>ServerStatusDataTypeEncodingDefaultBinary (i=864).</summary>
    public static readonly NodeId ServerStatusDataTypeEncodingDefaultBinary = new(864);

    /// <summary>BuildInfoEncodingDefaultBinary (i=340).</summary>
    public static readonly NodeId BuildInfoEncodingDefaultBinary = new(340);

    /// <summary>Argument_Encoding_DefaultBinary (i=298).</summary>
    public static readonly NodeId ArgumentEncodingDefaultBinary = new(298);

    /// <summary>StructureDefinition_Encoding_DefaultBinary (i=122).</summary>
    public static readonly NodeId StructureDefinitionEncodingDefaultBinary = new(122);
}
