namespace SortLine.OpcUa.Services;

/// <summary>ApplicationType (OPC 10000-4 §7.2), encoded as Int32.</summary>
internal enum ApplicationType
{
    /// <summary>A server.</summary>
    Server = 0,

    /// <summary>A client.</summary>
    Client = 1,

    /// <summary>Both.</summary>
    ClientAndServer = 2,

    /// <summary>A discovery server.</summary>
    DiscoveryServer = 3,
}
