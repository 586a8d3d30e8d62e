using SortLine.OpcUa.Encoding;
using SortLine.OpcUa.SecureChannel;
using SortLine.OpcUa.Sessions;

namespace SortLine.OpcUa.Services;

/// <summary>Everything a service handler gets besides its request: channel, session (when required) and the request time.</summary>
/// <param name="Channel">The channel.</param>
/// <param name="Session">The session resolved by the dispatch gate (null for services without a session).</param>
/// <param name="RequestHeader">The request header.</param>
/// <param name="Now">When the request was dispatched (UTC).</param>
internal sealed record ServiceContext(ChannelContext Channel, Session? Session, RequestHeader RequestHeader, DateTime Now)
{
    /// <summary>The session; only valid for services registered with a session requirement.</summary>
    public Session RequiredSession => Session ?? throw new InvalidOperationException("The service has no session");
}
