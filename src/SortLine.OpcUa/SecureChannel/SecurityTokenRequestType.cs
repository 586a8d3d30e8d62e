namespace SortLine.OpcUa.SecureChannel;

/// <summary>SecurityTokenRequestType (OPC 10000-4 §5.5.2.2), encoded as Int32.</summary>
internal enum SecurityTokenRequestType
{
    /// <summary>Create a new channel.</summary>
    Issue = 0,

    /// <summary>Renew the token of an existing channel.</summary>
    Renew = 1,
}
