using SortLine.OpcUa.Encoding;

namespace SortLine.OpcUa.AddressSpace;

/// <summary>Namespace 0 reference type NodeIds used by SortLine (numeric ids from the OPC Foundation NodeIds.csv, checked against node-opcua-constants 2.186.4).</summary>
public static class ReferenceTypeIds
{
    /// <summary>References (i=31).</summary>
    public static readonly NodeId References = new(31);

    /// <summary>NonHierarchicalReferences (i=32).</summary>
    public static readonly NodeId NonHierarchicalReferences = new(32);

    /// <summary>HierarchicalReferences (i=33).</summary>
    public static readonly NodeId HierarchicalReferences = new(33);

    /// <summary>HasChild (i=34).</summary>
    public static readonly NodeId HasChild = new(34);

    /// <summary>Organizes (i=35).</summary>
    public static readonly NodeId Organizes = new(35);

    /// <summary>HasEventSource (i=36).</summary>
    public static readonly NodeId HasEventSource = new(36);

    /// <summary>HasModellingRule (i=37).</summary>
    public static readonly NodeId HasModellingRule = new(37);

    /// <summary>HasEncoding (i=38).</summary>
    public static readonly NodeId HasEncoding = new(38);

    /// <summary>HasDescription (i=39).</summary>
    public static readonly NodeId HasDescription = new(39);

    /// <summary>HasTypeDefinition (i=40).</summary>
    public static readonly NodeId HasTypeDefinition = new(40);

    /// <summary>GeneratesEvent (i=41).</summary>
    public static readonly NodeId GeneratesEvent = new(41);

    /// <summary>Aggregates (i=44).</summary>
    public static readonly NodeId Aggregates = new(44);

    /// <summary>HasSubtype (i=45).</summary>
    public static readonly NodeId HasSubtype = new(45);

    /// <summary>HasProperty (i=46).</summary>
    public static readonly NodeId HasProperty = new(46);

    /// <summary>HasComponent (i=47).</summary>
    public static readonly NodeId HasComponent = new(47);

    /// <summary>HasNotifier (i=48).</summary>
    public static readonly NodeId HasNotifier = new(48);

    /// <summary>HasOrderedComponent (i=49).</summary>
    public static readonly NodeId HasOrderedComponent = new(49);
}
