namespace SortLine.OpcUa.Sessions;

/// <summary>What a session's user may do beyond reading, browsing and subscribing (which every activated session may).</summary>
[Flags]
internal enum UserRights
{
    /// <summary>Read only.</summary>
    None = 0,

    /// <summary>May write variable values.</summary>
    Write = 1,

    /// <summary>May call methods.</summary>
    Call = 2,

    /// <summary>Write and call.</summary>
    All = Write | Call,
}
