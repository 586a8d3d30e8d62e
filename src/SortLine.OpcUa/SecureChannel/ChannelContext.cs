namespace SortLine.OpcUa.SecureChannel;

/// <summary>What the services may know about the channel a request arrived on.</summary>
/// <param name="ChannelId">The secure channel id.</param>
/// <param name="EndpointUrl">The EndpointUrl of the client's HEL.</param>
/// <param name="SecurityPolicyUri">The channel's security policy.</param>
internal sealed record ChannelContext(uint ChannelId, string? EndpointUrl, string SecurityPolicyUri);
