namespace SortLine.OpcUa.Transport;

/// <summary>
/// Buffer and message limits of one side of a UA TCP connection (OPC 10000-6 §7.1.2.3-4). Used for the
/// server's configured limits before the handshake and for the negotiated limits after it;
/// <see cref="UaTcpFraming.TryReadMessage"/> refuses chunks larger than <see cref="ReceiveBufferSize"/>.
/// </summary>
/// <remarks>All sizes in bytes; 0 for <see cref="MaxMessageSize"/> or <see cref="MaxChunkCount"/> means no limit.</remarks>
internal readonly record struct TransportLimits
{
    /// <summary>Smallest buffer size the spec allows for the None and RSA security policies.</summary>
    public const uint MinBufferSize = 8192;

    /// <summary>Creates validated limits.</summary>
    /// <param name="receiveBufferSize">Largest chunk this side accepts (≥ 8192).</param>
    /// <param name="sendBufferSize">Largest chunk this side sends (≥ 8192).</param>
    /// <param name="maxMessageSize">Largest reassembled message this side accepts; 0 = no limit.</param>
    /// <param name="maxChunkCount">Most chunks per message this side accepts; 0 = no limit.</param>
    /// <exception cref="ArgumentOutOfRangeException">A buffer size is below 8192, or the message size is smaller than a chunk.</exception>
    public TransportLimits(uint receiveBufferSize, uint sendBufferSize, uint maxMessageSize, uint maxChunkCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(receiveBufferSize, MinBufferSize);
        ArgumentOutOfRangeException.ThrowIfLessThan(sendBufferSize, MinBufferSize);
        if (maxMessageSize != 0)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(maxMessageSize, MinBufferSize);
        }

        ReceiveBufferSize = receiveBufferSize;
        SendBufferSize = sendBufferSize;
        MaxMessageSize = maxMessageSize;
        MaxChunkCount = maxChunkCount;
    }

    /// <summary>SortLine's defaults: 64 KiB chunks both ways, 16 MiB messages, 256 chunks.</summary>
    public static TransportLimits Default { get; } = new(65536, 65536, 16 << 20, 256);

    /// <summary>Largest chunk this side accepts, in bytes.</summary>
    public uint ReceiveBufferSize { get; }

    /// <summary>Largest chunk this side sends, in bytes.</summary>
    public uint SendBufferSize { get; }

    /// <summary>Largest reassembled message this side accepts, in bytes; 0 = no limit.</summary>
    public uint MaxMessageSize { get; }

    /// <summary>Most chunks per message this side accepts; 0 = no limit.</summary>
    public uint MaxChunkCount { get; }
}
