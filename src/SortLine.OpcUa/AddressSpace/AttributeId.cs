namespace SortLine.OpcUa.AddressSpace;

/// <summary>Node attribute ids (OPC 10000-6 Annex A / AttributeIds.csv).</summary>
internal enum AttributeId : uint
{
    /// <summary>Not an attribute.</summary>
    None = 0,

    /// <summary>NodeId.</summary>
    NodeId = 1,

    /// <summary>NodeClass.</summary>
    NodeClass = 2,

    /// <summary>BrowseName.</summary>
    BrowseName = 3,

    /// <summary>DisplayName.</summary>
    DisplayName = 4,

    /// <summary>Description.</summary>
    Description = 5,

    /// <summary>WriteMask.</summary>
    WriteMask = 6,

    /// <summary>UserWriteMask.</summary>
    UserWriteMask = 7,

    /// <summary>IsAbstract (types).</summary>
    IsAbstract = 8,

    /// <summary>Symmetric (reference types).</summary>
    Symmetric = 9,

    /// <summary>InverseName (reference types).</summary>
    InverseName = 10,

    /// <summary>ContainsNoLoops (views).</summary>
    ContainsNoLoops = 11,

    /// <summary>EventNotifier (objects, views).</summary>
    EventNotifier = 12,

    /// <summary>Value (variables, variable types).</summary>
    Value = 13,

    /// <summary>DataType.</summary>
    DataType = 14,

    /// <summary>ValueRank.</summary>
    ValueRank = 15,

    /// <summary>ArrayDimensions.</summary>
    ArrayDimensions = 16,

    /// <summary>AccessLevel.</summary>
    AccessLevel = 17,

    /// <summary>UserAccessLevel.</summary>
    UserAccessLevel = 18,

    /// <summary>MinimumSamplingInterval.</summary>
    MinimumSamplingInterval = 19,

    /// <summary>Historizing.</summary>
    Historizing = 20,

    /// <summary>Executable (methods).</summary>
    Executable = 21,

    /// <summary>UserExecutable (methods).</summary>
    UserExecutable = 22,

    /// <summary>DataTypeDefinition (data types, v1.04).</summary>
    DataTypeDefinition = 23,

    /// <summary>RolePermissions.</summary>
    RolePermissions = 24,

    /// <summary>UserRolePermissions.</summary>
    UserRolePermissions = 25,

    /// <summary>AccessRestrictions.</summary>
    AccessRestrictions = 26,

    /// <summary>AccessLevelEx.</summary>
    AccessLevelEx = 27,
}
