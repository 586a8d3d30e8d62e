namespace SortLine.OpcUa.Services;

/// <summary>What a service needs from the request's authentication token.</summary>
internal enum SessionRequirement
{
    /// <summary>No session (discovery, CreateSession, ActivateSession which checks itself).</summary>
    None,

    /// <summary>A valid session, activated or not (CloseSession).</summary>
    Session,

    /// <summary>A valid, activated session on this channel (everything else).</summary>
    ActivatedSession,
}
