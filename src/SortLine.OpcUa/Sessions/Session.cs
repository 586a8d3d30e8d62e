using System.Security.Cryptography;
using SortLine.OpcUa.Encoding;

namespace SortLine.OpcUa.Sessions;

/// <summary>
/// One session: its public id, secret authentication token, the channel it is bound to, activation state and
/// identity, inactivity timeout and browse continuation points.
/// </summary>
/// <remarks>Thread-safe: state changes under a private lock.</remarks>
internal sealed class Session
{
    private readonly Lock _lock = new();
    private readonly Dictionary<Guid, BrowseContinuation> _continuations = [];
    private readonly int _maxContinuations;
    private long _lastActivityTicks;

    /// <summary>Creates a session bound to <paramref name="channelId"/>.</summary>
    public Session(NodeId sessionId, NodeId authenticationToken, uint channelId, string? name, TimeSpan timeout, int maxContinuations, DateTime now)
    {
        SessionId = sessionId;
        AuthenticationToken = authenticationToken;
        ChannelId = channelId;
        Name = name;
        Timeout = timeout;
        _maxContinuations = maxContinuations;
        _lastActivityTicks = now.Ticks;
        ServerNonce = RandomNumberGenerator.GetBytes(32);
    }

    /// <summary>The public session id.</summary>
    public NodeId SessionId { get; }

    /// <summary>The secret token clients put in every request header.</summary>
    public NodeId AuthenticationToken { get; }

    /// <summary>The client's session name.</summary>
    public string? Name { get; }

    /// <summary>The revised inactivity timeout.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>The channel the session was created or last activated on.</summary>
    public uint ChannelId { get; private set; }

    /// <summary>True after a successful ActivateSession.</summary>
    public bool IsActivated { get; private set; }

    /// <summary>The authenticated user, or null for anonymous (or not activated).</summary>
    public string? UserName { get; private set; }

    /// <summary>The nonce sent with the last Create/ActivateSession response.</summary>
    public byte[] ServerNonce { get; private set; }

    /// <summary>Last request time (UTC).</summary>
    public DateTime LastActivity => new(Interlocked.Read(ref _lastActivityTicks), DateTimeKind.Utc);

    /// <summary>True when no request arrived within <see cref="Timeout"/>.</summary>
    public bool IsExpired(DateTime now) => now - LastActivity > Timeout;

    /// <summary>Resets the inactivity timer.</summary>
    public void Touch(DateTime now) => Interlocked.Exchange(ref _lastActivityTicks, now.Ticks);

    /// <summary>Marks the session activated for <paramref name="userName"/> on <paramref name="channelId"/> and draws a new nonce.</summary>
    /// <returns>The new server nonce.</returns>
    public byte[] Activate(uint channelId, string? userName)
    {
        lock (_lock)
        {
            ChannelId = channelId;
            UserName = userName;
            IsActivated = true;
            ServerNonce = RandomNumberGenerator.GetBytes(32);
            return ServerNonce;
        }
    }

    /// <summary>Stores a continuation; returns its 16-byte continuation point, or null when the session has none left.</summary>
    public byte[]? AddContinuation(BrowseContinuation continuation)
    {
        lock (_lock)
        {
            if (_continuations.Count >= _maxContinuations)
            {
                return null;
            }

            var key = Guid.NewGuid();
            _continuations.Add(key, continuation);
            return key.ToByteArray();
        }
    }

    /// <summary>Removes and returns the continuation behind <paramref name="continuationPoint"/>.</summary>
    public bool TryTakeContinuation(ReadOnlySpan<byte> continuationPoint, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out BrowseContinuation? continuation)
    {
        continuation = null;
        if (continuationPoint.Length != 16)
        {
            return false;
        }

        lock (_lock)
        {
            return _continuations.Remove(new Guid(continuationPoint), out continuation);
        }
    }

    /// <summary>Number of continuation points held.</summary>
    public int ContinuationCount
    {
        get
        {
            lock (_lock)
            {
                return _continuations.Count;
            }
        }
    }
}
