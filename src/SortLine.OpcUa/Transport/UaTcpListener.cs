using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;

namespace SortLine.OpcUa.Transport;

/// <summary>
/// Accepts TCP connections and runs each as its own <see cref="UaTcpConnection"/> task, so a failing connection
/// never affects the others. Channel ids start at a random value so they are unlikely to repeat across restarts.
/// </summary>
internal sealed partial class UaTcpListener : IAsyncDisposable
{
    private readonly IPEndPoint _endPoint;
    private readonly ConnectionSettings _settings;
    private readonly int _maxConnections;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<uint, (UaTcpConnection Connection, Task Task)> _connections = new();
    private readonly CancellationTokenSource _stopping = new();
    private Socket? _socket;
    private Task? _acceptLoop;
    private int _nextChannelId = RandomNumberGenerator.GetInt32(1, int.MaxValue / 2);

    /// <summary>Creates the listener (call <see cref="Start"/>).</summary>
    public UaTcpListener(IPEndPoint endPoint, ConnectionSettings settings, int maxConnections, TimeProvider time, ILogger logger)
    {
        _endPoint = endPoint;
        _settings = settings;
        _maxConnections = maxConnections;
        _time = time;
        _logger = logger;
    }

    /// <summary>The bound endpoint (the real port when 0 was configured); null before <see cref="Start"/>.</summary>
    public IPEndPoint? LocalEndPoint => (IPEndPoint?)_socket?.LocalEndPoint;

    /// <summary>Number of open connections.</summary>
    public int ConnectionCount => _connections.Count;

    /// <summary>Binds, listens and starts accepting.</summary>
    /// <exception cref="SocketException">The address cannot be bound.</exception>
    public void Start()
    {
        var socket = new Socket(_endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            socket.Bind(_endPoint);
            socket.Listen(128);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        _socket = socket;
        LogListening(_logger, LocalEndPoint!);
        _acceptLoop = AcceptLoopAsync(_stopping.Token);
    }

    /// <summary>Stops accepting, asks every connection to send ERR Bad_ServerHalted and close, and waits for them.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        _socket?.Dispose();
        if (_acceptLoop is not null)
        {
            await _acceptLoop.ConfigureAwait(false);
        }

        foreach ((UaTcpConnection connection, _) in _connections.Values)
        {
            connection.RequestStop();
        }

        await Task.WhenAll(_connections.Values.Select(c => c.Task)).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (!_stopping.IsCancellationRequested)
        {
            await StopAsync(CancellationToken.None).ConfigureAwait(false);
        }

        _stopping.Dispose();
    }

    private async Task AcceptLoopAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _socket!.AcceptAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }
            catch (SocketException ex)
            {
                LogAcceptFailed(_logger, ex.Message);
                continue;
            }

            if (_connections.Count >= _maxConnections)
            {
                LogTooManyConnections(_logger, _maxConnections);
                client.Dispose();
                continue;
            }

            client.NoDelay = true;
            uint channelId = NextChannelId();
            var connection = new UaTcpConnection(client, channelId, _settings, _time, _logger);
            var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Task task = RunConnectionAsync(connection, started.Task, cancellationToken);
            _connections[channelId] = (connection, task);
            started.SetResult();
        }
    }

    private async Task RunConnectionAsync(UaTcpConnection connection, Task registered, CancellationToken cancellationToken)
    {
        await registered.ConfigureAwait(false);
        try
        {
            await connection.RunAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            LogConnectionFailed(_logger, ex, connection.ChannelId);
        }
        finally
        {
            _connections.TryRemove(connection.ChannelId, out _);
            await connection.DisposeAsync().ConfigureAwait(false);
        }
    }

    private uint NextChannelId()
    {
        uint id;
        do
        {
            id = (uint)Interlocked.Increment(ref _nextChannelId);
        }
        while (id == 0 || _connections.ContainsKey(id));

        return id;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "OPC UA server listening on {EndPoint}")]
    private static partial void LogListening(ILogger logger, IPEndPoint endPoint);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Accept failed: {Reason}")]
    private static partial void LogAcceptFailed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a connection: {MaxConnections} connections are open")]
    private static partial void LogTooManyConnections(ILogger logger, int maxConnections);

    [LoggerMessage(Level = LogLevel.Error, Message = "Connection of channel {ChannelId} failed")]
    private static partial void LogConnectionFailed(ILogger logger, Exception exception, uint channelId);
}
