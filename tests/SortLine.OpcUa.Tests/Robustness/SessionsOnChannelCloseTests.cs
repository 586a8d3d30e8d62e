using SortLine.OpcUa.Server;

namespace SortLine.OpcUa.Tests.Robustness;

/// <summary>
/// What happens to a channel's sessions when it closes (found by the network fuzzer: sessions created and never
/// activated filled MaxSessions until their timeout and locked out every new client). The first activation must come
/// over the creating channel (docs/opcua.md §4), so unactivated sessions die with their channel; activated sessions
/// survive it (a client may activate them again on a new channel).
/// </summary>
public sealed class SessionsOnChannelCloseTests : IAsyncLifetime
{
    private readonly OpcUaServer _server = new(new OpcUaServerOptions { Port = 0, MaxSessions = 2 });
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(30));

    public Task InitializeAsync() => _server.StartAsync();

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _timeout.Dispose();
    }

    [Fact]
    public async Task ChannelClose_UnactivatedSessionsAtTheLimit_NewClientCanCreateAndActivate()
    {
        await using (RawUaClient squatter = await RawUaClient.ConnectAsync(_server.LocalEndPoint!, _timeout.Token))
        {
            await squatter.CreateSessionAsync("a", _timeout.Token);
            await squatter.CreateSessionAsync("b", _timeout.Token);
            Assert.Equal(2, _server.SessionCount);
            await squatter.CloseChannelAsync(_timeout.Token);
        }

        Assert.Equal(0, _server.SessionCount);
        await using RawUaClient client = await RawUaClient.ConnectAsync(_server.LocalEndPoint!, _timeout.Token);
        await client.CreateAndActivateSessionAsync("c", _timeout.Token);
        Assert.Equal(1, _server.SessionCount);
    }

    [Fact]
    public async Task ChannelClose_ActivatedSession_Survives()
    {
        await using RawUaClient client = await RawUaClient.ConnectAsync(_server.LocalEndPoint!, _timeout.Token);
        await client.CreateAndActivateSessionAsync("kept", _timeout.Token);

        await client.CloseChannelAsync(_timeout.Token);

        Assert.Equal(1, _server.SessionCount);
    }
}
