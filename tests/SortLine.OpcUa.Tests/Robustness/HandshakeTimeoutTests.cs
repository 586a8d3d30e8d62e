using Microsoft.Extensions.Time.Testing;
using SortLine.OpcUa.Encoding;
using SortLine.OpcUa.SecureChannel;
using SortLine.OpcUa.Server;
using ChunkBuilder = SortLine.OpcUa.Tests.SecureChannel.ChunkBuilder;

namespace SortLine.OpcUa.Tests.Robustness;

/// <summary>
/// A connection that stalls before its channel is open is closed by the server's HelloTimeout with ERR Bad_Timeout,
/// whether or not HEL arrived (found by the network fuzzer: after HEL the timeout was reported as an expired security
/// token, Bad_SecureChannelClosed, although no token had been issued). The clock is a <see cref="FakeTimeProvider"/>.
/// </summary>
public sealed class HandshakeTimeoutTests : IAsyncLifetime
{
    private static readonly TimeSpan HelloTimeout = TimeSpan.FromSeconds(10);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly OpcUaServer _server;
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(30));

    public HandshakeTimeoutTests() => _server = new OpcUaServer(new OpcUaServerOptions { Port = 0, HelloTimeout = HelloTimeout }, timeProvider: _time);

    public Task InitializeAsync() => _server.StartAsync();

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _timeout.Dispose();
    }

    public static TheoryData<string> Stalls => new("after HEL", "inside OPN");

    [Theory]
    [MemberData(nameof(Stalls))]
    public async Task Stall_BeforeChannelOpens_ErrBadTimeoutThenClose(string stall)
    {
        using var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
        await socket.ConnectAsync(_server.LocalEndPoint!, _timeout.Token);
        await using var stream = new System.Net.Sockets.NetworkStream(socket, ownsSocket: false);
        await stream.WriteAsync(UaMessages.Hello("opc.tcp://localhost:4840"), _timeout.Token);
        var replies = new List<ServerReply>();
        Assert.Equal("ACK", (await ServerReplies.ReadOneAsync(stream, replies, _timeout.Token))!.Type);
        if (stall == "inside OPN")
        {
            await stream.WriteAsync(ChunkBuilder.Open(0, 1, 1, SecurityTokenRequestType.Issue).AsMemory(0, 30), _timeout.Token);
        }

        _time.Advance(HelloTimeout + TimeSpan.FromSeconds(1));
        await ServerReplies.ReadUntilClosedAsync(stream, _timeout.Token, replies);

        Assert.Equal(["ACK", $"ERR 0x{StatusCode.BadTimeout.Code:X8}"], replies.Select(r => r.Describe()));
    }
}
