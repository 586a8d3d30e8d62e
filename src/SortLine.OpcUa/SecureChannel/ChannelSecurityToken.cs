namespace SortLine.OpcUa.SecureChannel;

/// <summary>One security token of a channel: its id, lifetime and the symmetric chunk security derived for it.</summary>
/// <param name="TokenId">The token id (unique within the channel).</param>
/// <param name="CreatedAt">Creation time (UTC).</param>
/// <param name="RevisedLifetime">Lifetime granted to the client.</param>
/// <param name="Security">Symmetric security of chunks under this token.</param>
internal sealed record ChannelSecurityToken(uint TokenId, DateTime CreatedAt, TimeSpan RevisedLifetime, IChunkSecurity Security)
{
    /// <summary>
    /// When the server stops accepting the token: the lifetime plus 25 % grace, because clients renew at 75 % of the
    /// lifetime and a renewal in flight must not race the expiry (the OPC Foundation .NET stack uses the same margin).
    /// </summary>
    public DateTime ExpiresAt => CreatedAt + (RevisedLifetime * 1.25);
}
