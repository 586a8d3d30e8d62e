namespace SortLine.OpcUa.Services;

/// <summary>UserTokenType (OPC 10000-4 §7.42), encoded as Int32.</summary>
internal enum UserTokenType
{
    /// <summary>No user identity.</summary>
    Anonymous = 0,

    /// <summary>User name and password.</summary>
    UserName = 1,

    /// <summary>X.509 certificate.</summary>
    Certificate = 2,

    /// <summary>Issued token.</summary>
    IssuedToken = 3,
}
