using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using SortLine.OpcUa.Encoding;

namespace SortLine.OpcUa.Sessions;

/// <summary>
/// The sessions of the server keyed by authentication token: creation within <see cref="SessionOptions.MaxSessions"/>,
/// the dispatch gate (unknown token, not activated, wrong channel) and expiry after the revised timeout (checked on
/// every lookup and by <see cref="RemoveExpired"/>, which the server runs on a timer).
/// </summary>
internal sealed partial class SessionManager
{
    private readonly ConcurrentDictionary<NodeId, Session> _sessions = new();
    private readonly SessionOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _createLock = new();

    /// <summary>Creates the manager.</summary>
    public SessionManager(SessionOptions options, TimeProvider time, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        _options = options;
        _time = time;
        _logger = logger;
    }

    /// <summary>The limits.</summary>
    public SessionOptions Options => _options;

    /// <summary>Raised after a session was closed or timed out (its subscriptions go with it).</summary>
    public event Action<Session>? SessionRemoved;

    /// <summary>Number of live sessions.</summary>
    public int Count => _sessions.Count;

    /// <summary>Number of live sessions that were activated (created but not yet activated ones are not counted).</summary>
    public int CountActivated()
    {
        int count = 0;
        foreach (Session session in _sessions.Values)
        {
            if (session.IsActivated)
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>Creates a session bound to <paramref name="channelId"/>.</summary>
    /// <returns>The session, or null when <see cref="SessionOptions.MaxSessions"/> is reached.</returns>
    public Session? TryCreate(uint channelId, string? name, double requestedTimeoutMs)
    {
        DateTime now = _time.GetUtcNow().UtcDateTime;
        double timeoutMs = double.IsNaN(requestedTimeoutMs) ? 0 : requestedTimeoutMs;
        TimeSpan timeout = TimeSpan.FromMilliseconds(Math.Clamp(timeoutMs, _options.MinSessionTimeout.TotalMilliseconds, _options.MaxSessionTimeout.TotalMilliseconds));
        lock (_createLock)
        {
            RemoveExpired();
            if (_sessions.Count >= _options.MaxSessions)
            {
                return null;
            }

            var session = new Session(
                NodeId.FromGuid(1, Guid.NewGuid()),
                NodeId.FromOpaque(0, RandomNumberGenerator.GetBytes(32)),
                channelId,
                name,
                timeout,
                _options.MaxBrowseContinuationPoints,
                now);
            _sessions[session.AuthenticationToken] = session;
            LogSessionCreated(_logger, session.SessionId, name, channelId);
            return session;
        }
    }

    /// <summary>Looks a session up by token (expired sessions are removed and not found).</summary>
    public bool TryGet(NodeId authenticationToken, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Session? session)
    {
        if (_sessions.TryGetValue(authenticationToken, out session))
        {
            if (!session.IsExpired(_time.GetUtcNow().UtcDateTime))
            {
                return true;
            }

            Remove(session, "timeout");
        }

        session = null;
        return false;
    }

    /// <summary>
    /// The dispatch gate: Bad_SessionIdInvalid for an unknown or expired token, Bad_SecureChannelIdInvalid when an
    /// activated session is used from another channel, Bad_SessionNotActivated when <paramref name="requireActivated"/>
    /// and the session was not activated. A valid request resets the inactivity timer.
    /// </summary>
    public StatusCode Validate(NodeId authenticationToken, uint channelId, bool requireActivated, out Session? session)
    {
        if (!TryGet(authenticationToken, out session))
        {
            return StatusCode.BadSessionIdInvalid;
        }

        if (session.ChannelId != channelId)
        {
            return StatusCode.BadSecureChannelIdInvalid;
        }

        if (requireActivated && !session.IsActivated)
        {
            return StatusCode.BadSessionNotActivated;
        }

        session.Touch(_time.GetUtcNow().UtcDateTime);
        return StatusCode.Good;
    }

    /// <summary>Closes a session.</summary>
    public bool Close(Session session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return Remove(session, "closed");
    }

    /// <summary>
    /// Removes the sessions created on <paramref name="channelId"/> that were never activated. Called when the channel
    /// closes: the first activation must come over the creating channel, so such sessions can never be used and would
    /// otherwise hold a place under <see cref="SessionOptions.MaxSessions"/> until they time out. Activated sessions
    /// survive the channel (a client may activate them again on a new channel).
    /// </summary>
    /// <returns>How many were removed.</returns>
    public int RemoveUnactivated(uint channelId)
    {
        int removed = 0;
        foreach (Session session in _sessions.Values)
        {
            if (!session.IsActivated && session.ChannelId == channelId && Remove(session, "channel closed before activation"))
            {
                removed++;
            }
        }

        return removed;
    }

    /// <summary>Removes every expired session.</summary>
    /// <returns>How many were removed.</returns>
    public int RemoveExpired()
    {
        DateTime now = _time.GetUtcNow().UtcDateTime;
        int removed = 0;
        foreach (Session session in _sessions.Values)
        {
            if (session.IsExpired(now) && Remove(session, "timeout"))
            {
                removed++;
            }
        }

        return removed;
    }

    private bool Remove(Session session, string reason)
    {
        if (!_sessions.TryRemove(new KeyValuePair<NodeId, Session>(session.AuthenticationToken, session)))
        {
            return false;
        }

        LogSessionRemoved(_logger, session.SessionId, reason);
        SessionRemoved?.Invoke(session);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Session {SessionId} ({SessionName}) created on channel {ChannelId}")]
    private static partial void LogSessionCreated(ILogger logger, NodeId sessionId, string? sessionName, uint channelId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Session {SessionId} removed: {Reason}")]
    private static partial void LogSessionRemoved(ILogger logger, NodeId sessionId, string reason);
}
