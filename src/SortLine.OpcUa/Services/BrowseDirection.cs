namespace SortLine.OpcUa.Services;

/// <summary>BrowseDirection (OPC 10000-4 §7.5), encoded as Int32.</summary>
internal enum BrowseDirection
{
    /// <summary>Forward references.</summary>
    Forward = 0,

    /// <summary>Inverse references.</summary>
    Inverse = 1,

    /// <summary>Both directions.</summary>
    Both = 2,

    /// <summary>Invalid.</summary>
    Invalid = 3,
}
