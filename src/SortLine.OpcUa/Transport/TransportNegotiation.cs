using SortLine.OpcUa.Encoding;

namespace SortLine.OpcUa.Transport;

/// <summary>
/// Server side of the HEL/ACK handshake (OPC 10000-6 §7.1.2.3-4). The server may only lower sizes: it
/// receives chunks up to min(own receive limit, client's SendBufferSize) and sends chunks up to
/// min(own send limit, client's ReceiveBufferSize). MaxMessageSize and MaxChunkCount in the ACK are the
/// server's limits on requests; the HEL's are the client's limits on responses.
/// </summary>
internal static class TransportNegotiation
{
    /// <summary>The UACP protocol version SortLine speaks.</summary>
    public const uint ProtocolVersion = 0;

    /// <summary>Negotiates the connection limits for <paramref name="hello"/>.</summary>
    /// <param name="hello">The client's HEL.</param>
    /// <param name="server">The server's configured limits.</param>
    /// <param name="serverProtocolVersion">The protocol version the server speaks (a parameter so the refusal path is testable).</param>
    /// <returns>
    /// Accepted with an ACK; or refused with Bad_ProtocolVersionUnsupported when the client's version is
    /// below the server's (a server must accept higher versions), or Bad_TcpNotEnoughResources when the
    /// client offers a buffer size below 8192 bytes.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="hello"/> is null.</exception>
    public static TransportNegotiationResult Negotiate(HelloMessage hello, in TransportLimits server, uint serverProtocolVersion = ProtocolVersion)
    {
        ArgumentNullException.ThrowIfNull(hello);
        if (hello.ProtocolVersion < serverProtocolVersion)
        {
            return new TransportNegotiationResult { Status = StatusCode.BadProtocolVersionUnsupported };
        }

        if (hello.ReceiveBufferSize < TransportLimits.MinBufferSize || hello.SendBufferSize < TransportLimits.MinBufferSize)
        {
            return new TransportNegotiationResult { Status = StatusCode.BadTcpNotEnoughResources };
        }

        uint receive = Math.Min(server.ReceiveBufferSize, hello.SendBufferSize);
        uint send = Math.Min(server.SendBufferSize, hello.ReceiveBufferSize);
        var ack = new AcknowledgeMessage
        {
            ProtocolVersion = serverProtocolVersion,
            ReceiveBufferSize = receive,
            SendBufferSize = send,
            MaxMessageSize = server.MaxMessageSize,
            MaxChunkCount = server.MaxChunkCount,
        };
        return new TransportNegotiationResult
        {
            Status = StatusCode.Good,
            Acknowledge = ack,
            Limits = new TransportLimits(receive, send, server.MaxMessageSize, server.MaxChunkCount),
            MaxResponseMessageSize = hello.MaxMessageSize,
            MaxResponseChunkCount = hello.MaxChunkCount,
        };
    }
}
