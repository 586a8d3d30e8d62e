using System.Buffers;
using System.IO.Pipelines;
using System.Net.Sockets;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using SortLine.OpcUa.Encoding;
using SortLine.OpcUa.SecureChannel;

namespace SortLine.OpcUa.Transport;

/// <summary>
/// One TCP connection = one secure channel. Reads the byte stream through a <see cref="PipeReader"/>, frames it
/// into chunks (<see cref="UaTcpFraming"/>), answers HEL with ACK (exactly one HEL, first), hands OPN/MSG/CLO chunks
/// to its <see cref="SecureChannel.SecureChannel"/> and complete requests to the service handler, and writes
/// responses through a <see cref="PipeWriter"/> under a send lock. Any protocol error is answered with ERR, logged
/// once, and the socket is closed gracefully (npgsql's "break": a desynchronised stream is never reused). The
/// channel closes when its token expires without renewal or when HEL/OPN do not arrive in time.
/// </summary>
internal sealed partial class UaTcpConnection : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly ConnectionSettings _settings;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private readonly CancellationTokenSource _requestsAborted = new();
    private readonly HashSet<Task> _pendingReplies = [];
    private readonly Channel<(uint RequestId, ServiceReply Reply)> _lateReplies =
        Channel.CreateUnbounded<(uint, ServiceReply)>(new UnboundedChannelOptions { SingleReader = true });
    private Task _lateReplyWriter = Task.CompletedTask;
    private readonly string _remote;
    private PipeWriter? _writer;
    private SecureChannel.SecureChannel? _channel;
    private ChannelContext? _context;
    private HelloMessage? _hello;
    private TransportLimits _limits;
    private CancellationTokenSource? _deadline;
    private DateTime _deadlineAt;

    /// <summary>Creates the connection (call <see cref="RunAsync"/>).</summary>
    public UaTcpConnection(Socket socket, uint channelId, ConnectionSettings settings, TimeProvider time, ILogger logger)
    {
        _socket = socket;
        ChannelId = channelId;
        _settings = settings;
        _time = time;
        _logger = logger;
        _limits = settings.Limits;
        _remote = socket.RemoteEndPoint?.ToString() ?? "?";
    }

    /// <summary>The channel id this connection assigns.</summary>
    public uint ChannelId { get; }

    /// <summary>Runs until the peer closes, a protocol error, token expiry or <see cref="RequestStop"/>.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var stream = new NetworkStream(_socket, ownsSocket: true);
        PipeReader reader = PipeReader.Create(stream);
        _writer = PipeWriter.Create(stream);
        byte[] chunkBuffer = ArrayPool<byte>.Shared.Rent((int)_settings.Limits.ReceiveBufferSize);
        using var stopOrCancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stop.Token);
        SetDeadline(_time.GetUtcNow().UtcDateTime + _settings.HelloTimeout);
        _lateReplyWriter = WriteLateRepliesAsync();
        try
        {
            LogConnected(_logger, _remote, ChannelId);
            while (true)
            {
                ReadResult result;
                using (var readCancel = CancellationTokenSource.CreateLinkedTokenSource(stopOrCancel.Token, _deadline!.Token))
                {
                    try
                    {
                        result = await reader.ReadAsync(readCancel.Token).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException) when (stopOrCancel.IsCancellationRequested)
                    {
                        await SendErrorAsync(StatusCode.BadServerHalted, "The server is stopping").ConfigureAwait(false);
                        return;
                    }
                    catch (OperationCanceledException)
                    {
                        // The channel object exists from HEL on; only an issued token can expire.
                        bool expired = _channel?.CurrentToken is not null;
                        LogProtocolError(_logger, _remote, ChannelId, expired ? StatusCode.BadSecureChannelClosed : StatusCode.BadTimeout,
                            expired ? "security token expired without renewal" : "no HEL/OPN in time");
                        await SendErrorAsync(expired ? StatusCode.BadSecureChannelClosed : StatusCode.BadTimeout, expired ? "Security token expired" : "Timed out").ConfigureAwait(false);
                        return;
                    }
                }

                ReadOnlySequence<byte> buffer = result.Buffer;
                bool keepOpen = true;
                try
                {
                    while (keepOpen)
                    {
                        ReadOnlySequence<byte> before = buffer;
                        if (!UaTcpFraming.TryReadMessage(ref buffer, _limits, out MessageHeader header, out _))
                        {
                            break;
                        }

                        int size = (int)header.MessageSize;
                        before.Slice(0, size).CopyTo(chunkBuffer);
                        keepOpen = await HandleChunkAsync(header, chunkBuffer.AsMemory(0, size), stopOrCancel.Token).ConfigureAwait(false);
                    }
                }
                catch (Exception ex) when (ex is UaDecodingException or SecureChannelException)
                {
                    StatusCode status = ex is UaDecodingException d ? d.StatusCode : ((SecureChannelException)ex).StatusCode;
                    LogProtocolError(_logger, _remote, ChannelId, status, ex.Message);
                    await SendErrorAsync(status, ex.Message).ConfigureAwait(false);
                    return;
                }

                reader.AdvanceTo(buffer.Start, buffer.End);
                if (!keepOpen || result.IsCompleted)
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (stopOrCancel.IsCancellationRequested)
        {
            // A stop that lands while a handler is awaiting (e.g. flushing the ACK) surfaces here rather than at
            // ReadAsync; the peer is still owed ERR Bad_ServerHalted before the close.
            await SendErrorAsync(StatusCode.BadServerHalted, "The server is stopping").ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
            LogConnectionLost(_logger, _remote, ChannelId, ex.Message);
        }
        catch (Exception ex)
        {
            LogUnexpected(_logger, ex, _remote, ChannelId);
            await SendErrorAsync(StatusCode.BadTcpInternalError, "Internal error").ConfigureAwait(false);
        }
        finally
        {
            await AbortPendingRepliesAsync().ConfigureAwait(false);
            _channel?.Dispose();
            _settings.ChannelClosed?.Invoke(ChannelId);
            ArrayPool<byte>.Shared.Return(chunkBuffer);
            await reader.CompleteAsync().ConfigureAwait(false);
            await _writer.CompleteAsync().ConfigureAwait(false);
            await stream.DisposeAsync().ConfigureAwait(false);
            _deadline?.Dispose();
            LogClosed(_logger, _remote, ChannelId);
        }
    }

    private async ValueTask<bool> HandleChunkAsync(MessageHeader header, ReadOnlyMemory<byte> chunk, CancellationToken cancellationToken)
    {
        if (_hello is null)
        {
            if (header.MessageType != MessageType.Hello)
            {
                throw new SecureChannelException(StatusCode.BadTcpMessageTypeInvalid, "Expected HEL, got " + header.MessageType.ToString());
            }

            await AcknowledgeAsync(chunk, cancellationToken).ConfigureAwait(false);
            return true;
        }

        if (header.MessageType is MessageType.Hello or MessageType.Acknowledge or MessageType.Error or MessageType.ReverseHello)
        {
            throw new SecureChannelException(StatusCode.BadTcpMessageTypeInvalid, header.MessageType.ToString() + " after HEL");
        }

        ChannelEvent channelEvent;
        await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            channelEvent = _channel!.ProcessChunk(header, chunk.Span, _writer!);
            if (channelEvent.Kind == ChannelEventKind.Opened)
            {
                SetDeadline(_channel.ExpiresAt!.Value);
                await _writer!.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _sendLock.Release();
        }

        switch (channelEvent.Kind)
        {
            case ChannelEventKind.Close:
                LogChannelClosedByClient(_logger, _remote, ChannelId);
                return false;
            case ChannelEventKind.Request:
                ValueTask<ServiceReply> handling;
                using (MessageBuffer message = channelEvent.Message!)
                {
                    // The handler decodes the body before its first await (IServiceRequestHandler's contract), so the
                    // buffer can go back to the pool once the call returns, even when the reply comes later.
                    handling = _settings.Handler.HandleRequestAsync(_context!, message.Memory, _requestsAborted.Token);
                }

                if (handling.IsCompleted)
                {
                    using ServiceReply reply = await handling.ConfigureAwait(false);
                    await SendReplyAsync(channelEvent.RequestId, reply, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await TrackPendingReplyAsync(ReplyWhenDoneAsync(channelEvent.RequestId, handling)).ConfigureAwait(false);
                }

                return true;
            default:
                return true;
        }
    }

    /// <summary>
    /// Queues the reply of a request whose handler completed asynchronously (a Publish that waited for notifications, a
    /// Call whose host handler awaited); requests read after it were answered in between. The reply is queued on the
    /// thread that completed it, and one writer sends the queue in order, so Publish responses completed in order (with
    /// their NotificationMessages' sequence numbers) reach the client in that order.
    /// </summary>
    private async Task ReplyWhenDoneAsync(uint requestId, ValueTask<ServiceReply> handling)
    {
        try
        {
            ServiceReply reply = await handling.ConfigureAwait(false);
            if (!_lateReplies.Writer.TryWrite((requestId, reply)))
            {
                reply.Dispose();
            }
        }
        catch (OperationCanceledException)
        {
            // The connection closed while the request waited; nobody is left to answer.
        }
        catch (Exception ex)
        {
            LogUnexpected(_logger, ex, _remote, ChannelId);
            RequestStop();
        }
    }

    private async Task WriteLateRepliesAsync()
    {
        await Task.Yield();
        try
        {
            await foreach ((uint requestId, ServiceReply reply) in _lateReplies.Reader.ReadAllAsync(_requestsAborted.Token).ConfigureAwait(false))
            {
                using (reply)
                {
                    await SendReplyAsync(requestId, reply, _requestsAborted.Token).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Closing.
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or InvalidOperationException)
        {
            LogConnectionLost(_logger, _remote, ChannelId, ex.Message);
        }
    }

    /// <summary>Remembers a reply in flight; past the limit, stops reading until one completes (backpressure on the client).</summary>
    private async ValueTask TrackPendingReplyAsync(Task reply)
    {
        Task[]? waitFor = null;
        lock (_pendingReplies)
        {
            _pendingReplies.Add(reply);
            if (_pendingReplies.Count >= _settings.MaxPendingRequests)
            {
                waitFor = [.. _pendingReplies];
            }
        }

        _ = reply.ContinueWith(
            static (done, state) =>
            {
                var set = (HashSet<Task>)state!;
                lock (set)
                {
                    set.Remove(done);
                }
            },
            _pendingReplies,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
        if (waitFor is not null)
        {
            await Task.WhenAny(waitFor).ConfigureAwait(false);
        }
    }

    private async ValueTask AbortPendingRepliesAsync()
    {
        await _requestsAborted.CancelAsync().ConfigureAwait(false);
        Task[] pending;
        lock (_pendingReplies)
        {
            pending = [.. _pendingReplies];
        }

        await Task.WhenAll(pending).ConfigureAwait(false);
        _lateReplies.Writer.TryComplete();
        await _lateReplyWriter.ConfigureAwait(false);
        while (_lateReplies.Reader.TryRead(out (uint RequestId, ServiceReply Reply) unsent))
        {
            unsent.Reply.Dispose();
        }
    }

    private async ValueTask AcknowledgeAsync(ReadOnlyMemory<byte> chunk, CancellationToken cancellationToken)
    {
        HelloMessage hello = DecodeHello(chunk.Span);
        TransportNegotiationResult negotiation = TransportNegotiation.Negotiate(hello, _settings.Limits);
        if (!negotiation.IsAccepted)
        {
            throw new SecureChannelException(negotiation.Status, "HEL refused: " + negotiation.Status.ToString());
        }

        _hello = hello;
        _limits = negotiation.Limits;
        _context = new ChannelContext(ChannelId, hello.EndpointUrl, _settings.SecurityPolicy.Uri);
        _channel = new SecureChannel.SecureChannel(
            ChannelId,
            _settings.SecurityPolicy,
            new SecureChannelLimits
            {
                ReceiveBufferSize = negotiation.Limits.ReceiveBufferSize,
                SendBufferSize = negotiation.Limits.SendBufferSize,
                MaxRequestMessageSize = negotiation.Limits.MaxMessageSize,
                MaxRequestChunkCount = negotiation.Limits.MaxChunkCount,
                MaxResponseMessageSize = negotiation.MaxResponseMessageSize,
                MaxResponseChunkCount = negotiation.MaxResponseChunkCount,
                ProtocolVersion = hello.ProtocolVersion,
                MinTokenLifetime = _settings.MinTokenLifetime,
                MaxTokenLifetime = _settings.MaxTokenLifetime,
            },
            _time,
            _settings.ReassemblyBudget);
        WriteAcknowledge(negotiation.Acknowledge!, _writer!);
        await _writer!.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private static HelloMessage DecodeHello(ReadOnlySpan<byte> chunk)
    {
        var reader = new UaBinaryReader(chunk[MessageHeader.Size..], baseOffset: MessageHeader.Size);
        return HelloMessage.Decode(ref reader);
    }

    private static void WriteAcknowledge(AcknowledgeMessage ack, PipeWriter output)
    {
        var writer = new UaBinaryWriter(output.GetSpan(AcknowledgeMessage.MessageSize)[..AcknowledgeMessage.MessageSize]);
        ack.EncodeMessage(ref writer);
        output.Advance(AcknowledgeMessage.MessageSize);
    }

    private async ValueTask SendReplyAsync(uint requestId, ServiceReply reply, CancellationToken cancellationToken)
    {
        await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            StatusCode status = _channel!.WriteMessage(requestId, reply.Body.WrittenSpan, _writer!);
            if (status == StatusCode.BadResponseTooLarge)
            {
                using ServiceReply fault = _settings.Handler.CreateFault(reply.RequestHandle, status);
                _ = _channel.WriteMessage(requestId, fault.Body.WrittenSpan, _writer!);
            }

            await _writer!.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>Sends ERR (best effort: the peer may already be gone); the caller then closes.</summary>
    private async ValueTask SendErrorAsync(StatusCode status, string reason)
    {
        if (_writer is null)
        {
            return;
        }

        try
        {
            await _sendLock.WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
            try
            {
                ErrorMessage error = ErrorMessage.Create(status, reason);
                using var buffer = new PooledByteBuffer(256, MessageHeader.Size + 8 + ErrorMessage.MaxReasonLength);
                var writer = new UaBinaryWriter(buffer);
                error.EncodeMessage(ref writer);
                writer.Commit();
                await _writer.WriteAsync(buffer.WrittenMemory).ConfigureAwait(false);
            }
            finally
            {
                _sendLock.Release();
            }

            _socket.Shutdown(SocketShutdown.Send);
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or InvalidOperationException)
        {
            LogConnectionLost(_logger, _remote, ChannelId, ex.Message);
        }
    }

    private void SetDeadline(DateTime at)
    {
        if (_deadline is not null && at == _deadlineAt)
        {
            return;
        }

        _deadline?.Dispose();
        _deadlineAt = at;
        TimeSpan delay = at - _time.GetUtcNow().UtcDateTime;
        _deadline = new CancellationTokenSource(delay > TimeSpan.Zero ? delay : TimeSpan.Zero, _time);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Connection from {Remote} accepted as channel {ChannelId}")]
    private static partial void LogConnected(ILogger logger, string remote, uint channelId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Connection from {Remote} (channel {ChannelId}) closed")]
    private static partial void LogClosed(ILogger logger, string remote, uint channelId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Client {Remote} closed channel {ChannelId}")]
    private static partial void LogChannelClosedByClient(ILogger logger, string remote, uint channelId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Protocol error from {Remote} on channel {ChannelId}: {StatusCode} {Reason}; closing")]
    private static partial void LogProtocolError(ILogger logger, string remote, uint channelId, StatusCode statusCode, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Connection {Remote} (channel {ChannelId}) lost: {Reason}")]
    private static partial void LogConnectionLost(ILogger logger, string remote, uint channelId, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unexpected failure on connection {Remote} (channel {ChannelId})")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string remote, uint channelId);

    /// <summary>Asks the connection to send ERR Bad_ServerHalted and close.</summary>
    /// <remarks>Safe to call at any time: a server stopping walks its connection list while connections end on their own,
    /// so the connection may already have released its resources; then there is nothing left to stop.</remarks>
    public void RequestStop()
    {
        try
        {
            _stop.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Already ended and disposed (see remarks).
        }
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync()
    {
        _stop.Dispose();
        _requestsAborted.Dispose();
        _sendLock.Dispose();
        return ValueTask.CompletedTask;
    }
}
