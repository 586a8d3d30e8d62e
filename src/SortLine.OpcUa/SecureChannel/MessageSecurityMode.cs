namespace SortLine.OpcUa.SecureChannel;

/// <summary>MessageSecurityMode (OPC 10000-4 §7.20), an enumeration encoded as Int32.</summary>
internal enum MessageSecurityMode
{
    /// <summary>Invalid (default).</summary>
    Invalid = 0,

    /// <summary>No security.</summary>
    None = 1,

    /// <summary>Signed messages.</summary>
    Sign = 2,

    /// <summary>Signed and encrypted messages.</summary>
    SignAndEncrypt = 3,
}
