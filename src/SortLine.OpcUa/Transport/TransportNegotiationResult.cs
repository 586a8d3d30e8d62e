using SortLine.OpcUa.Encoding;

namespace SortLine.OpcUa.Transport;

/// <summary>The outcome of <see cref="TransportNegotiation.Negotiate"/>.</summary>
internal sealed record TransportNegotiationResult
{
    /// <summary>Good when the connection is accepted; otherwise the status to send in an ERR before closing.</summary>
    public StatusCode Status { get; init; }

    /// <summary>The ACK to send (null when refused).</summary>
    public AcknowledgeMessage? Acknowledge { get; init; }

    /// <summary>
    /// The connection's limits: receive = ACK.ReceiveBufferSize (largest request chunk), send =
    /// ACK.SendBufferSize (largest response chunk), and the server's own request message and chunk limits.
    /// </summary>
    public TransportLimits Limits { get; init; }

    /// <summary>Largest response message the client accepts, in bytes (0 = no limit); larger responses get Bad_ResponseTooLarge.</summary>
    public uint MaxResponseMessageSize { get; init; }

    /// <summary>Most chunks per response the client accepts (0 = no limit).</summary>
    public uint MaxResponseChunkCount { get; init; }

    /// <summary>True when the connection is accepted.</summary>
    public bool IsAccepted => Status.IsGood;
}
