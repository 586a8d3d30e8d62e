namespace SortLine.OpcUa.Sessions;

/// <summary>
/// The simple role model: an authenticated user (user name and password) may write and call; an anonymous session
/// may read, browse and subscribe, and writes or calls only when the options allow it (off by default, since
/// SecurityPolicy None gives anonymous clients no accountability). Writes and calls refused here get
/// Bad_UserAccessDenied, and the UserAccessLevel/UserExecutable attributes show the session's view.
/// </summary>
/// <param name="AnonymousMayWrite">Anonymous sessions may write values.</param>
/// <param name="AnonymousMayCall">Anonymous sessions may call methods.</param>
internal sealed record UserAccessPolicy(bool AnonymousMayWrite, bool AnonymousMayCall)
{
    /// <summary>Everyone may write and call (tests of other behaviour).</summary>
    public static UserAccessPolicy AllowAll { get; } = new(true, true);

    /// <summary>The rights of <paramref name="session"/> (a missing session counts as anonymous).</summary>
    public UserRights RightsOf(Session? session)
    {
        if (session?.UserName is not null)
        {
            return UserRights.All;
        }

        return (AnonymousMayWrite ? UserRights.Write : UserRights.None) | (AnonymousMayCall ? UserRights.Call : UserRights.None);
    }
}
