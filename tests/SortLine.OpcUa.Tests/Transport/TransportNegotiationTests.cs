using SortLine.OpcUa.Encoding;
using SortLine.OpcUa.Transport;

namespace SortLine.OpcUa.Tests.Transport;

/// <summary>Server-side HEL/ACK negotiation (OPC 10000-6 §7.1.2.3-4).</summary>
public sealed class TransportNegotiationTests
{
    private static readonly TransportLimits Server = new(65536, 32768, 1 << 24, 64);

    private static HelloMessage Hello(uint receive, uint send, uint version = 0, uint maxMessage = 0, uint maxChunks = 0) =>
        new() { ProtocolVersion = version, ReceiveBufferSize = receive, SendBufferSize = send, MaxMessageSize = maxMessage, MaxChunkCount = maxChunks, EndpointUrl = "opc.tcp://h:4840" };

    [Theory]
    [InlineData(65536u, 65536u, 65536u, 32768u)] // client larger: server keeps its own
    [InlineData(16384u, 8192u, 8192u, 16384u)] // client smaller: server lowers to the client's
    [InlineData(1u << 20, 20000u, 20000u, 32768u)]
    public void Negotiate_BufferSizes_AreMinimaOfBothSides(uint clientReceive, uint clientSend, uint ackReceive, uint ackSend)
    {
        TransportNegotiationResult result = TransportNegotiation.Negotiate(Hello(clientReceive, clientSend), Server);

        Assert.True(result.IsAccepted);
        Assert.Equal(ackReceive, result.Acknowledge!.ReceiveBufferSize);
        Assert.Equal(ackSend, result.Acknowledge.SendBufferSize);
        Assert.True(result.Acknowledge.ReceiveBufferSize <= clientSend);
        Assert.True(result.Acknowledge.SendBufferSize <= clientReceive);
        Assert.Equal((ackReceive, ackSend), (result.Limits.ReceiveBufferSize, result.Limits.SendBufferSize));
    }

    [Fact]
    public void Negotiate_MessageLimits_AckCarriesServerRequestLimitsAndResultKeepsClientResponseLimits()
    {
        TransportNegotiationResult result = TransportNegotiation.Negotiate(Hello(65536, 65536, maxMessage: 100_000, maxChunks: 3), Server);

        Assert.Equal((1u << 24, 64u), (result.Acknowledge!.MaxMessageSize, result.Acknowledge.MaxChunkCount));
        Assert.Equal((100_000u, 3u), (result.MaxResponseMessageSize, result.MaxResponseChunkCount));
    }

    [Theory]
    [InlineData(8191u, 65536u)]
    [InlineData(65536u, 8191u)]
    [InlineData(0u, 0u)]
    public void Negotiate_ClientBufferBelow8192_Refused(uint receive, uint send)
    {
        TransportNegotiationResult result = TransportNegotiation.Negotiate(Hello(receive, send), Server);

        Assert.False(result.IsAccepted);
        Assert.Null(result.Acknowledge);
        Assert.Equal(StatusCode.BadTcpNotEnoughResources, result.Status);
    }

    [Fact]
    public void Negotiate_HigherClientVersion_AcceptedWithServerVersion()
    {
        TransportNegotiationResult result = TransportNegotiation.Negotiate(Hello(65536, 65536, version: 7), Server);

        Assert.Equal(0u, result.Acknowledge!.ProtocolVersion);
    }

    [Fact]
    public void Negotiate_ClientVersionBelowServer_RefusedProtocolVersionUnsupported()
    {
        TransportNegotiationResult result = TransportNegotiation.Negotiate(Hello(65536, 65536, version: 0), Server, serverProtocolVersion: 1);

        Assert.Equal(StatusCode.BadProtocolVersionUnsupported, result.Status);
    }

    [Fact]
    public void TransportLimits_BufferBelow8192_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new TransportLimits(8191, 8192, 0, 0));
}
