using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using SortLine.OpcUa.Transport;

namespace SortLine.OpcUa.Tests.Transport;

public sealed class UaTcpConnectionStopTests
{
    [Fact]
    public async Task RequestStop_AfterTheConnectionEndedAndWasDisposed_DoesNotThrow()
    {
        // A stopping server walks its connection list while a connection ends on its own and disposes itself: the stop
        // request then reaches a disposed connection (seen as ObjectDisposedException from a service host's shutdown).
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        var settings = new ConnectionSettings { Limits = TransportLimits.Default, SecurityPolicy = null!, Handler = null! };
        var connection = new UaTcpConnection(socket, 1, settings, TimeProvider.System, NullLogger.Instance);
        await connection.DisposeAsync();

        Exception? thrown = Record.Exception(connection.RequestStop);

        Assert.Null(thrown);
    }
}
