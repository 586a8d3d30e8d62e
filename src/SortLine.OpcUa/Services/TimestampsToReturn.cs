namespace SortLine.OpcUa.Services;

/// <summary>TimestampsToReturn (OPC 10000-4 §7.40), encoded as Int32.</summary>
internal enum TimestampsToReturn
{
    /// <summary>Source timestamp only.</summary>
    Source = 0,

    /// <summary>Server timestamp only.</summary>
    Server = 1,

    /// <summary>Both.</summary>
    Both = 2,

    /// <summary>Neither.</summary>
    Neither = 3,

    /// <summary>Invalid.</summary>
    Invalid = 4,
}
