namespace SortLine.OpcUa.SecureChannel;

/// <summary>The limits one channel works within: negotiated in HEL/ACK plus the server's token lifetime bounds.</summary>
internal sealed record SecureChannelLimits
{
    /// <summary>Largest chunk received (ack.ReceiveBufferSize), bytes.</summary>
    public required uint ReceiveBufferSize { get; init; }

    /// <summary>Largest chunk sent (ack.SendBufferSize), bytes.</summary>
    public required uint SendBufferSize { get; init; }

    /// <summary>Largest request body accepted, bytes; 0 = no limit (ack.MaxMessageSize).</summary>
    public uint MaxRequestMessageSize { get; init; }

    /// <summary>Most chunks per request; 0 = no limit (ack.MaxChunkCount).</summary>
    public uint MaxRequestChunkCount { get; init; }

    /// <summary>Largest response body the client accepts, bytes; 0 = no limit (hel.MaxMessageSize).</summary>
    public uint MaxResponseMessageSize { get; init; }

    /// <summary>Most chunks per response; 0 = no limit (hel.MaxChunkCount).</summary>
    public uint MaxResponseChunkCount { get; init; }

    /// <summary>The HEL protocol version the OPN's ClientProtocolVersion must equal.</summary>
    public uint ProtocolVersion { get; init; }

    /// <summary>Shortest token lifetime granted.</summary>
    public TimeSpan MinTokenLifetime { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Longest token lifetime granted (also used when the client asks for 0).</summary>
    public TimeSpan MaxTokenLifetime { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Most messages being reassembled at once (interleaved request ids).</summary>
    public int MaxPendingMessages { get; init; } = 8;
}
